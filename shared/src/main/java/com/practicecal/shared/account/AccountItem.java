package com.practicecal.shared.account;

import com.practicecal.shared.plan.Plan;
import com.practicecal.shared.store.Attr;
import com.practicecal.shared.store.Condition;
import com.practicecal.shared.store.Expression;
import com.practicecal.shared.store.TxTag;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Storage form of {@link Account}: PK {@code ACCOUNT#<id>}, SK {@code ACCOUNT}. A new account's id is its owner's
 * Cognito {@code sub}, so the owner's first read can fetch user, account and calendar days together.
 * {@code calendarRooms} (a string set) indexes the rooms whose occupancy the account's calendar shows: its own
 * rooms and the rooms shared with its community. It is written in the same transactions as room and community
 * changes, may briefly hold rooms that left (readers keep only rooms whose own item still says they are
 * bookable), and never lacks a bookable one.
 */
public final class AccountItem {
    /** Transaction tag of the account item. */
    public static final TxTag TAG = TxTag.of("account");
    /** Transaction tag of another account's calendar-room index, changed for a community change ({@code per(id)}). */
    public static final TxTag CALENDAR_TAG = TxTag.of("calendar");
    public static final String PREFIX = "ACCOUNT#";
    public static final String SORT = "ACCOUNT";
    public static final String TYPE = "Account";
    public static final String ROOM_COUNT = "roomCount";
    public static final String PLAN = "plan";
    public static final String OWNER = "ownerUserId";
    public static final String COMMUNITY = "communityId";
    public static final String CALENDAR_ROOMS = "calendarRooms";

    private AccountItem() {
    }

    public static Map<String, AttributeValue> key(String accountId) {
        return Attr.key(PREFIX + accountId, SORT);
    }

    public static Map<String, AttributeValue> toItem(Account account) {
        Map<String, AttributeValue> item = new HashMap<>(key(account.id()));
        item.put(Attr.TYPE, Attr.s(TYPE));
        item.put("accountId", Attr.s(account.id()));
        item.put("name", Attr.s(account.name()));
        item.put(PLAN, Attr.s(account.plan().name()));
        item.put("timeZone", Attr.s(account.timeZone().getId()));
        item.put(OWNER, Attr.s(account.ownerUserId()));
        item.put(ROOM_COUNT, Attr.n(account.roomCount()));
        item.put("createdAt", Attr.s(account.createdAt().toString()));
        return item;
    }

    /** A room more fits the plan the account (still) has. */
    public static final String ROOM_SLOT_FREE = "#rooms < :max AND #plan = :plan";

    /** A new room of the account: counted against {@code plan}'s limit and in the calendar's room index. */
    public static Expression addRoom(String roomId, Plan plan) {
        return Expression.update("ADD #rooms :one, #calendar :room").when(ROOM_SLOT_FREE)
                .name("#rooms", ROOM_COUNT).name("#plan", PLAN).name("#calendar", CALENDAR_ROOMS)
                .value(":room", roomSet(java.util.List.of(roomId))).value(":one", Attr.n(1))
                .value(":max", Attr.n(plan.maxRooms())).value(":plan", Attr.s(plan.name()));
    }

    /** A deleted room leaves the count and the calendar's room index. */
    public static Expression removeRoom(String roomId) {
        return Expression.update("ADD #rooms :minusOne DELETE #calendar :room")
                .name("#rooms", ROOM_COUNT).value(":minusOne", Attr.n(-1))
                .name("#calendar", CALENDAR_ROOMS).value(":room", roomSet(java.util.List.of(roomId)));
    }

    /** Only the owner changes the plan, and only to one that fits the rooms the account has. */
    public static final String OWNED_BY_CALLER_AND_ROOMS_FIT = "ownerUserId = :owner AND roomCount <= :maxRooms";

    /** The owner {@code ownerUserId} changes the plan to {@code target}, refused while more rooms exist than it allows. */
    public static Expression changePlan(Plan target, String ownerUserId) {
        return Expression.update("SET #plan = :plan").when(OWNED_BY_CALLER_AND_ROOMS_FIT).name("#plan", PLAN)
                .value(":plan", Attr.s(target.name())).value(":owner", Attr.s(ownerUserId))
                .value(":maxRooms", Attr.n(target.maxRooms()));
    }

    /** The room ids the account's calendar looks at (see the class comment). */
    public static java.util.Set<String> calendarRooms(Map<String, AttributeValue> item) {
        AttributeValue rooms = item == null ? null : item.get(CALENDAR_ROOMS);
        return rooms == null || !rooms.hasSs() ? java.util.Set.of() : new java.util.TreeSet<>(rooms.ss());
    }

    /** A string-set value for ADD/DELETE on {@link #CALENDAR_ROOMS}. */
    public static AttributeValue roomSet(java.util.Collection<String> roomIds) {
        return AttributeValue.fromSs(java.util.List.copyOf(new java.util.TreeSet<>(roomIds)));
    }

    /** The account is in no calendar community (it may join one). */
    public static final String NOT_IN_A_COMMUNITY = "attribute_not_exists(#community)";
    /** The account is (still) in the community {@code :community}. */
    public static final String IN_COMMUNITY = "#community = :community";

    /** The account joins {@code communityId} (if in none); its calendar index gains the community's shared rooms. */
    public static Expression joinCommunity(String communityId, Collection<String> sharedRooms) {
        return withCalendarRooms("SET #community = :community", "ADD", sharedRooms).when(NOT_IN_A_COMMUNITY)
                .name("#community", COMMUNITY).value(":community", Attr.s(communityId));
    }

    /** The account leaves {@code communityId} (if still in it); its calendar index forgets the rooms others shared. */
    public static Expression leaveCommunity(String communityId, Collection<String> othersRooms) {
        return withCalendarRooms("REMOVE #community", "DELETE", othersRooms).when(IN_COMMUNITY)
                .name("#community", COMMUNITY).value(":community", Attr.s(communityId));
    }

    /** The account is still in {@code communityId}. */
    public static Condition inCommunity(String communityId) {
        return new Condition(IN_COMMUNITY, Map.of("#community", COMMUNITY), Map.of(":community", Attr.s(communityId)));
    }

    /** A fellow member's calendar index gains rooms shared with the community (at least one). */
    public static Expression addCalendarRooms(Collection<String> roomIds) {
        return withCalendarRooms("", "ADD", roomIds);
    }

    /** A fellow member's calendar index forgets rooms no longer shared (at least one). */
    public static Expression forgetCalendarRooms(Collection<String> roomIds) {
        return withCalendarRooms("", "DELETE", roomIds);
    }

    /**
     * {@code update} (which must not use ADD or DELETE itself) followed by {@code ADD|DELETE} of {@code rooms}
     * on the calendar index; just {@code update} when there are no rooms.
     */
    private static Expression withCalendarRooms(String update, String addOrDelete, java.util.Collection<String> rooms) {
        if (rooms.isEmpty()) {
            return Expression.update(update);
        }
        return Expression.update((update + " " + addOrDelete + " #calendar :rooms").strip())
                .name("#calendar", CALENDAR_ROOMS).value(":rooms", roomSet(rooms));
    }

    /** The calendar community the account belongs to (null: none). */
    public static String communityId(Map<String, AttributeValue> item) {
        return Attr.str(item, COMMUNITY);
    }

    /** What a grantee's access is decided on: the account's plan, time zone and community. */
    public record Standing(Plan plan, ZoneId timeZone, String communityId) {
    }

    public static Standing standing(Map<String, AttributeValue> item) {
        return new Standing(Plan.valueOf(Attr.str(item, PLAN)), ZoneId.of(Attr.str(item, "timeZone")),
                Attr.str(item, COMMUNITY));
    }

    /** The account an item holds, if it is an account item (empty for any other item under an account key). */
    public static java.util.Optional<Account> ifAccount(Map<String, AttributeValue> item) {
        return TYPE.equals(Attr.str(item, Attr.TYPE)) ? java.util.Optional.of(fromItem(item)) : java.util.Optional.empty();
    }

    public static Account fromItem(Map<String, AttributeValue> item) {
        return new Account(Attr.str(item, "accountId"), Attr.str(item, "name"), Plan.valueOf(Attr.str(item, PLAN)),
                ZoneId.of(Attr.str(item, "timeZone")), Attr.str(item, OWNER), (int) Attr.num(item, ROOM_COUNT, 0),
                Instant.parse(Attr.str(item, "createdAt")));
    }
}
