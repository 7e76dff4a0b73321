package com.practicecal.shared.calendar;

import com.practicecal.shared.booking.OccupancyDay;
import com.practicecal.shared.booking.OccupancyDayItem;
import com.practicecal.shared.room.Room;
import com.practicecal.shared.room.RoomItem;
import com.practicecal.shared.store.Keys;
import com.practicecal.shared.store.Snapshot;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Reading the rooms of an account's calendar index ({@code AccountItem.CALENDAR_ROOMS}) together with their
 * occupancy days, in the same batch. The index may still hold a room that stopped being bookable, so a room
 * counts only if its own item, read in that batch, says the account may book it.
 */
public final class CalendarRooms {
    private CalendarRooms() {
    }

    /** Each room's item followed by its occupancy days. */
    public static Keys keys(Collection<String> roomIds, List<LocalDate> days) {
        Keys keys = new Keys();
        for (String room : roomIds) {
            keys.add(RoomItem.key(room));
            days.forEach(day -> keys.add(OccupancyDayItem.key(room, day)));
        }
        return keys;
    }

    /** Each room's occupancy days, without the room items (read before). */
    public static Keys dayKeys(Collection<String> roomIds, List<LocalDate> days) {
        Keys keys = new Keys();
        for (String room : roomIds) {
            days.forEach(day -> keys.add(OccupancyDayItem.key(room, day)));
        }
        return keys;
    }

    /** The rooms {@code accountId} may book: its own first (oldest first), then the community's (by id). */
    public static List<Room> bookable(Snapshot found, Collection<String> roomIds, String accountId, String communityId) {
        return roomIds.stream().map(id -> found.get(RoomItem.key(id), RoomItem::fromItem)).flatMap(Optional::stream)
                .filter(r -> r.bookableBy(accountId, communityId))
                .sorted(Comparator.comparing((Room r) -> !r.accountId().equals(accountId))
                        .thenComparing(r -> r.accountId().equals(accountId) ? r.createdAt().toString() : "")
                        .thenComparing(Room::id))
                .toList();
    }

    /** The occupancy days of {@code rooms} as read (a day never written is empty). */
    public static List<OccupancyDay> occupancy(Snapshot found, List<Room> rooms, List<LocalDate> days) {
        List<OccupancyDay> occupancy = new ArrayList<>();
        for (Room room : rooms) {
            for (LocalDate day : days) {
                occupancy.add(OccupancyDayItem.from(found, room.id(), day));
            }
        }
        return occupancy;
    }
}
