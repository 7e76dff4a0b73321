package com.practicecal.shared.booking;

import com.practicecal.shared.store.TxTag;
import com.practicecal.shared.account.AccountItem;
import com.practicecal.shared.account.Membership;
import com.practicecal.shared.error.ConflictException;
import com.practicecal.shared.error.ErrorCodes;
import com.practicecal.shared.error.ValidationException;
import com.practicecal.shared.room.Room;
import com.practicecal.shared.room.RoomItem;
import com.practicecal.shared.room.RoomStatus;
import com.practicecal.shared.runtime.RetryJitter;
import com.practicecal.shared.store.Attr;
import com.practicecal.shared.store.Condition;
import com.practicecal.shared.store.Keys;
import com.practicecal.shared.store.Snapshot;
import com.practicecal.shared.store.Transaction;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every occupant of a room — a booking, a blocked time — goes through: the room must be bookable by the
 * account (read and again at commit), the occupancy days read must be free, and a transaction whose conditions
 * moved is retried a bounded number of times with jitter.
 */
public final class RoomClaims {
    public static final int MAX_ATTEMPTS = 6;
    /** Transaction tag of the room checks; a failure there means the room stopped being bookable. */
    public static final TxTag ROOM_TAG = RoomItem.TAG;
    static final String BOOKABLE_ROOM = "#status = :active AND #account = :account";
    static final String BOOKABLE_SHARED_ROOM = "#status = :active AND #community = :community";
    static final String STILL_IN_COMMUNITY = "#community = :community";
    private static final DateTimeFormatter HUMAN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");

    private RoomClaims() {
    }

    /** Own rooms, and rooms other members share with the caller's calendar community. */
    public static Room bookableRoom(Membership me, Optional<Room> read, String field) {
        Room room = read.orElse(null);
        boolean mayBook = room != null && (room.accountId().equals(me.accountId())
                || (room.communityId() != null && me.inCommunity(room.communityId())));
        if (!mayBook || room.status() == RoomStatus.DELETED) {
            throw new ValidationException(field, "unknown room");
        }
        if (room.status() != RoomStatus.ACTIVE) {
            throw new ConflictException(ErrorCodes.ROOM_UNAVAILABLE, "the room is being deleted");
        }
        return room;
    }

    /** {@link #bookableRoom(Membership, Optional, String)} of room {@code roomId} as {@code read} found it. */
    public static Room bookableRoom(Membership me, Snapshot read, String roomId, String field) {
        return bookableRoom(me, read.get(RoomItem.key(roomId), RoomItem::fromItem), field);
    }

    /** The room's item and the occupancy days of {@code interval}, for the operation's batch read. */
    public static Keys keys(String roomId, Interval interval) {
        Keys keys = new Keys().add(RoomItem.key(roomId));
        interval.utcDays().forEach(day -> keys.add(OccupancyDayItem.key(roomId, day)));
        return keys;
    }

    /** The room's occupancy days of {@code interval} as {@code read} found them (a day never written is empty). */
    public static List<OccupancyDay> readDays(String roomId, Interval interval, Snapshot read) {
        List<OccupancyDay> days = new ArrayList<>();
        for (LocalDate day : interval.utcDays()) {
            days.add(OccupancyDayItem.from(read, roomId, day));
        }
        return days;
    }

    /** 409 naming the taken interval only: never whose booking it is or anything about its client. */
    public static void requireFree(List<OccupancyDay> days, Interval wanted, String occupantId, ZoneId zone) {
        for (OccupancyDay day : days) {
            day.conflictWith(wanted, occupantId).ifPresent(taken -> {
                throw new ConflictException(ErrorCodes.ROOM_TAKEN, "the room is booked from "
                        + HUMAN_TIME.format(taken.interval().start().atZone(zone)) + " to "
                        + HUMAN_TIME.format(taken.interval().end().atZone(zone)));
            });
        }
    }

    /** Whether the days read leave {@code wanted} free (the same test as {@link #requireFree}, as a value). */
    public static boolean isFree(List<OccupancyDay> days, Interval wanted, String occupantId) {
        return days.stream().allMatch(day -> day.conflictWith(wanted, occupantId).isEmpty());
    }

    /**
     * The room must still be bookable when the transaction commits: active and the caller's, or active, shared
     * with the community and the caller still a member (leaving a community ends sharing at once).
     */
    public static void checkRoom(Transaction tx, Room room, Membership me) {
        if (room.accountId().equals(me.accountId())) {
            tx.check(ROOM_TAG, RoomItem.key(room.id()), new Condition(BOOKABLE_ROOM,
                    Map.of("#status", RoomItem.STATUS, "#account", RoomItem.ACCOUNT),
                    Map.of(":active", Attr.s(RoomStatus.ACTIVE.name()), ":account", Attr.s(me.accountId()))));
            return;
        }
        tx.check(ROOM_TAG, RoomItem.key(room.id()), new Condition(BOOKABLE_SHARED_ROOM,
                Map.of("#status", RoomItem.STATUS, "#community", RoomItem.COMMUNITY),
                Map.of(":active", Attr.s(RoomStatus.ACTIVE.name()), ":community", Attr.s(room.communityId()))));
        tx.check(ROOM_TAG, AccountItem.key(me.accountId()), new Condition(STILL_IN_COMMUNITY,
                Map.of("#community", AccountItem.COMMUNITY), Map.of(":community", Attr.s(room.communityId()))));
    }

    /** The state moved under a transaction: wait a little (jittered) before re-reading, or give up. */
    public static void retryOrGiveUp(int attempt) {
        if (attempt >= MAX_ATTEMPTS) {
            throw new ConflictException(ErrorCodes.CONCURRENT_MODIFICATION,
                    "the calendar changed concurrently; please retry");
        }
        try {
            Thread.sleep(RetryJitter.between(5, 20L * attempt + 10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConflictException(ErrorCodes.CONCURRENT_MODIFICATION, "interrupted; please retry");
        }
    }
}
