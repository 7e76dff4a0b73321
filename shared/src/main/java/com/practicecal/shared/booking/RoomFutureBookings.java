package com.practicecal.shared.booking;

import com.practicecal.shared.room.FutureBookings;
import com.practicecal.shared.store.MainTable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Reads a room's occupancy days from today on (consistent reads, paged) for {@link FutureBookings}. */
@Singleton
public class RoomFutureBookings implements FutureBookings {
    private final MainTable table;

    public RoomFutureBookings(MainTable table) {
        this.table = table;
    }

    @Override
    public boolean exist(String roomId, Instant now) {
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        for (var page : table.pages(OccupancyDayItem.daysFrom(roomId, today))) {
            for (OccupancyDay day : OccupancyDayItem.days(roomId, page.items())) {
                if (day.occupants().values().stream().anyMatch(o -> o.interval().end().isAfter(now))) {
                    return true; // no further page is read
                }
            }
        }
        return false;
    }
}
