package com.practicecal.shared.community;

import com.practicecal.shared.room.RoomSharing;
import com.practicecal.shared.store.Attr;
import com.practicecal.shared.store.Expression;
import com.practicecal.shared.store.TxTag;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Storage form of {@link Community}: PK {@code COMMUNITY#<id>}, SK {@code COMMUNITY}; {@code members} maps
 * account id to {name, joinedAt}, {@code sharedRooms} room id to {accountId, name}. {@code version} moves with
 * every change of members or shared rooms: those changes also write the members' calendar-room index, and
 * conditioning each on the version it read keeps the index complete when a join races a share.
 */
public final class CommunityItem {
    /** Transaction tag of the community item. */
    public static final TxTag TAG = RoomSharing.COMMUNITY_TAG;
    public static final String PREFIX = "COMMUNITY#";
    public static final String SORT = "COMMUNITY";
    public static final String MEMBERS = "members";
    public static final String SHARED_ROOMS = "sharedRooms";
    public static final String VERSION = "version";

    private CommunityItem() {
    }

    /** The community is still the version read. */
    public static final String UNCHANGED = "#version = :version";
    public static final String IS_MEMBER = "attribute_exists(#members.#account)";
    public static final String IS_MEMBER_AND_UNCHANGED = IS_MEMBER + " AND " + UNCHANGED;

    /**
     * {@code update} holds only if the community is still the version read (or under {@code update}'s own
     * condition, which must check the version too); it moves the version on ({@code ADD #version :one}).
     */
    public static Expression unchanged(Expression update, Community community) {
        if (update.conditionExpression() == null) {
            update.when(UNCHANGED);
        }
        return update.name("#version", VERSION).value(":version", Attr.n(community.version())).value(":one", Attr.n(1));
    }

    /** The account {@code accountId} (practice {@code practiceName}) joins the community read as {@code community}. */
    public static Expression addMember(Community community, String accountId, String practiceName, Instant now) {
        return unchanged(Expression.update("SET #members.#account = :member ADD #version :one")
                .name("#members", MEMBERS).name("#account", accountId).value(":member", member(practiceName, now)), community);
    }

    /** A shared room's name in the community follows a rename (if the room is still shared). */
    public static Expression renameRoom(String roomId, String name) {
        return Expression.update("SET #rooms.#room.#name = :name").when("attribute_exists(#rooms.#room)")
                .name("#rooms", SHARED_ROOMS).name("#room", roomId).name("#name", "name").value(":name", Attr.s(name));
    }

    public static Map<String, AttributeValue> key(String communityId) {
        return Attr.key(PREFIX + communityId, SORT);
    }

    public static AttributeValue member(String practiceName, Instant joinedAt) {
        return AttributeValue.fromM(Map.of("name", Attr.s(practiceName), "joinedAt", Attr.s(joinedAt.toString())));
    }

    public static AttributeValue sharedRoom(String accountId, String name) {
        return AttributeValue.fromM(Map.of("accountId", Attr.s(accountId), "name", Attr.s(name)));
    }

    public static Map<String, AttributeValue> newItem(String id, String ownerAccountId, String ownerName, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(key(id));
        item.put(Attr.TYPE, Attr.s("Community"));
        item.put("communityId", Attr.s(id));
        item.put("ownerAccountId", Attr.s(ownerAccountId));
        item.put("createdAt", Attr.s(now.toString()));
        item.put(MEMBERS, AttributeValue.fromM(Map.of(ownerAccountId, member(ownerName, now))));
        item.put(SHARED_ROOMS, AttributeValue.fromM(Map.of()));
        item.put(VERSION, Attr.n(0));
        return item;
    }

    public static Community fromItem(Map<String, AttributeValue> item) {
        Map<String, Community.Member> members = new HashMap<>();
        Attr.map(item, MEMBERS).orElse(Map.of()).forEach((id, v) -> members.put(id,
                new Community.Member(Attr.str(v.m(), "name"), Instant.parse(Attr.str(v.m(), "joinedAt")))));
        Map<String, Community.SharedRoom> rooms = new HashMap<>();
        Attr.map(item, SHARED_ROOMS).orElse(Map.of()).forEach((id, v) -> rooms.put(id,
                new Community.SharedRoom(Attr.str(v.m(), "accountId"), Attr.str(v.m(), "name"))));
        return new Community(Attr.str(item, "communityId"), Attr.str(item, "ownerAccountId"), members, rooms,
                Instant.parse(Attr.str(item, "createdAt")), Attr.num(item, VERSION, 0));
    }
}
