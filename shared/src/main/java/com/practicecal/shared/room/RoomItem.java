package com.practicecal.shared.room;

import com.practicecal.shared.store.Attr;
import com.practicecal.shared.store.Expression;
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

    static final String ACTIVE_ROOM_OF_ACCOUNT = "#status = :active AND #account = :account";
    static final String ROOM_BEING_DELETED = "#status = :deleting";

    /** A rename of the account's active room (the name may stay). */
    public static Expression rename(String name, String accountId) {
        return activeRoomOf(named(Expression.update("SET #name = :name"), name), accountId);
    }

    /** A rename that also shares the room with {@code communityId}. */
    public static Expression renameAndShare(String name, String communityId, String accountId) {
        return activeRoomOf(named(Expression.update("SET #name = :name, #community = :community"), name)
                .name("#community", COMMUNITY).value(":community", Attr.s(communityId)), accountId);
    }

    /** A rename that also withdraws the room from its community. */
    public static Expression renameAndWithdraw(String name, String accountId) {
        return activeRoomOf(named(Expression.update("SET #name = :name REMOVE #community"), name)
                .name("#community", COMMUNITY), accountId);
    }

    /** The room stops being shared: its owner left the community. */
    public static Expression leaveCommunity() {
        return Expression.update("REMOVE #community").name("#community", COMMUNITY);
    }

    /** Phase one of a delete: the account's active room stops taking bookings. */
    public static Expression startDeleting(String accountId) {
        return activeRoomOf(Expression.update("SET #status = :deleting")
                .value(":deleting", Attr.s(RoomStatus.DELETING.name())), accountId);
    }

    /** A room being deleted takes bookings again (future bookings were found). */
    public static Expression reactivate() {
        return beingDeleted(Expression.update("SET #status = :active")
                .value(":active", Attr.s(RoomStatus.ACTIVE.name())));
    }

    /** Phase two: the room being deleted is deleted and leaves the account's list. */
    public static Expression markDeleted() {
        return beingDeleted(Expression.update("SET #status = :deleted REMOVE #gpk")
                .name("#gpk", Attr.GSI1PK).value(":deleted", Attr.s(RoomStatus.DELETED.name())));
    }

    private static Expression named(Expression update, String name) {
        return update.name("#name", NAME).value(":name", Attr.s(name));
    }

    private static Expression activeRoomOf(Expression update, String accountId) {
        return update.when(ACTIVE_ROOM_OF_ACCOUNT).name("#status", STATUS).name("#account", ACCOUNT)
                .value(":active", Attr.s(RoomStatus.ACTIVE.name())).value(":account", Attr.s(accountId));
    }

    private static Expression beingDeleted(Expression update) {
        return update.when(ROOM_BEING_DELETED).name("#status", STATUS)
                .value(":deleting", Attr.s(RoomStatus.DELETING.name()));
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
