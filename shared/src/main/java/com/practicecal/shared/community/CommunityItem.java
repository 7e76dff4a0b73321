package com.practicecal.shared.community;

import com.practicecal.shared.room.RoomSharing;
import com.practicecal.shared.store.Attr;
import com.practicecal.shared.store.Condition;
import com.practicecal.shared.store.Expression;
import com.practicecal.shared.store.TxTag;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
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

    /** A member's room is shared with the community. */
    public static final String SHARE_ROOM = "SET #rooms.#room = :room ADD #version :one";
    /** A room stops being shared with the community. */
    public static final String UNSHARE_ROOM = "REMOVE #rooms.#room ADD #version :one";
    /** A member leaves; {@code %s}: the rooms it shared, which go with it ({@code , #rooms.#r0, #rooms.#r1...}). */
    private static final String REMOVE_MEMBER = "REMOVE #members.#account%s ADD #version :one";

    /**
     * The member {@code accountId} leaves the community read as {@code community} (still a member, community
     * unchanged), and the rooms it shared ({@code roomsSharedBy}) leave the community's room list with it.
     */
    public static Expression removeMember(Community community, String accountId, List<String> roomsSharedBy) {
        StringBuilder rooms = new StringBuilder();
        for (int i = 0; i < roomsSharedBy.size(); i++) {
            rooms.append(", #rooms.#r").append(i);
        }
        Expression expression = unchanged(Expression.update(String.format(REMOVE_MEMBER, rooms))
                .name("#members", MEMBERS).name("#account", accountId), community)
                .when(IS_MEMBER_AND_UNCHANGED);
        for (int i = 0; i < roomsSharedBy.size(); i++) {
            expression.name("#r" + i, roomsSharedBy.get(i));
        }
        if (!roomsSharedBy.isEmpty()) {
            expression.name("#rooms", SHARED_ROOMS);
        }
        return expression;
    }

    /** The community goes with its last member {@code accountId}: still a member, community still as read. */
    public static Condition lastMemberLeaves(Community community, String accountId) {
        return new Condition(IS_MEMBER_AND_UNCHANGED,
                Map.of("#members", MEMBERS, "#account", accountId, "#version", VERSION),
                Map.of(":version", Attr.n(community.version())));
    }

    /** The member {@code accountId} shares its room {@code roomId} (named {@code roomName}) with the community read. */
    public static Expression shareRoom(Community community, String accountId, String roomId, String roomName) {
        return unchanged(Expression.update(SHARE_ROOM).when(IS_MEMBER_AND_UNCHANGED)
                .name("#rooms", SHARED_ROOMS).name("#room", roomId)
                .name("#members", MEMBERS).name("#account", accountId)
                .value(":room", sharedRoom(accountId, roomName)), community);
    }

    /** The room {@code roomId} stops being shared with the community read. */
    public static Expression unshareRoom(Community community, String roomId) {
        return unchanged(Expression.update(UNSHARE_ROOM).name("#rooms", SHARED_ROOMS).name("#room", roomId), community);
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
