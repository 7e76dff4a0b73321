package com.practicecal.shared.room;

import com.practicecal.shared.store.Attr;
import com.practicecal.shared.store.TxTag;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Storage form of {@link Room}: PK {@code ROOM#<id>}, SK {@code ROOM}; listed per account through GSI1
 * ({@code ACCOUNT#<id>#ROOMS}). Keyed by room, not account, so other accounts can later book a shared room.
 */
public final class RoomItem {
    /** Transaction tag of a room. */
    public static final TxTag TAG = TxTag.of("room");
    public static final String PREFIX = "ROOM#";
    public static final String SORT = "ROOM";
    public static final String TYPE = "Room";
    public static final String STATUS = "roomStatus";
    public static final String ACCOUNT = "accountId";
    public static final String NAME = "name";
    public static final String COMMUNITY = "communityId";

    private RoomItem() {
    }

    public static Map<String, AttributeValue> key(String roomId) {
        return Attr.key(PREFIX + roomId, SORT);
    }

    public static String listPartition(String accountId) {
        return "ACCOUNT#" + accountId + "#ROOMS";
    }

    public static Map<String, AttributeValue> toItem(Room room) {
        Map<String, AttributeValue> item = new HashMap<>(key(room.id()));
        item.put(Attr.TYPE, Attr.s(TYPE));
        item.put("roomId", Attr.s(room.id()));
        item.put(ACCOUNT, Attr.s(room.accountId()));
        item.put(NAME, Attr.s(room.name()));
        item.put(STATUS, Attr.s(room.status().name()));
        item.put("createdAt", Attr.s(room.createdAt().toString()));
        if (room.communityId() != null) {
            item.put(COMMUNITY, Attr.s(room.communityId()));
        }
        item.put(Attr.GSI1PK, Attr.s(listPartition(room.accountId())));
        item.put(Attr.GSI1SK, Attr.s(room.createdAt() + "#" + room.id()));
        return item;
    }

    public static Room fromItem(Map<String, AttributeValue> item) {
        return new Room(Attr.str(item, "roomId"), Attr.str(item, ACCOUNT), Attr.str(item, NAME),
                RoomStatus.valueOf(Attr.str(item, STATUS)), Instant.parse(Attr.str(item, "createdAt")),
                Attr.str(item, COMMUNITY));
    }
}
