package com.practicecal.shared.booking;

import com.practicecal.shared.store.Attr;
import com.practicecal.shared.store.Expression;
import com.practicecal.shared.store.Transaction;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Adds the occupancy-day updates of one booking change to a transaction. Days that gain an interval are
 * written only if their version is still the one read (so two writers can never both pass the overlap check);
 * days that only lose an interval bump the version, which makes concurrent writers re-check.
 */
public final class OccupancyWrites {
    static final String VERSION_UNCHANGED = "#version = :expected";
    static final String DAY_IS_NEW = "attribute_not_exists(#version)";

    private OccupancyWrites() {
    }

    /**
     * @param claimed days (of {@code newRoomId}) as read, that must receive the new interval
     * @param released (room, day) of the old interval to remove, may overlap {@code claimed}
     */
    public static void add(Transaction tx, String bookingId, String accountId, String newRoomId, Interval newInterval,
                    Collection<OccupancyDay> claimed, String oldRoomId, Collection<LocalDate> released) {
        Map<LocalDate, OccupancyDay> claimedByDay = new LinkedHashMap<>();
        claimed.forEach(day -> claimedByDay.put(day.day(), day));
        for (OccupancyDay day : claimed) {
            // The whole map is written: the version condition proves it is the state the overlap check saw.
            Expression update = Expression.update("SET #occ = :occupants, #version = :next, #type = :type")
                    .when(day.exists() ? VERSION_UNCHANGED : DAY_IS_NEW)
                    .name("#occ", OccupancyDayItem.OCCUPANTS).name("#version", OccupancyDayItem.VERSION)
                    .name("#type", Attr.TYPE)
                    .value(":occupants", OccupancyDayItem.occupantsWith(day, bookingId, newInterval, accountId))
                    .value(":next", Attr.n(day.version() + 1))
                    .value(":type", Attr.s(OccupancyDayItem.TYPE));
            if (day.exists()) {
                update.value(":expected", Attr.n(day.version()));
            }
            tx.update(OccupancyDayItem.tag(day.day()), OccupancyDayItem.key(newRoomId, day.day()), update);
        }
        Set<LocalDate> releasedOnly = new LinkedHashSet<>(released);
        if (oldRoomId.equals(newRoomId)) {
            releasedOnly.removeAll(claimedByDay.keySet()); // same item: the SET above already replaced the interval
        }
        for (LocalDate day : releasedOnly) {
            tx.update(OccupancyDayItem.releaseTag(day), OccupancyDayItem.key(oldRoomId, day),
                    Expression.update("REMOVE #occ.#booking ADD #version :one")
                            .name("#occ", OccupancyDayItem.OCCUPANTS).name("#booking", bookingId)
                            .name("#version", OccupancyDayItem.VERSION).value(":one", Attr.n(1)));
        }
    }
}
