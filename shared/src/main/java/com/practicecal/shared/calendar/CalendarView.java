package com.practicecal.shared.calendar;

import com.practicecal.shared.block.BlockView;
import com.practicecal.shared.booking.BookingView;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * GET /v1/calendar: the caller's own bookings in full, and for every room the caller can book the other
 * accounts' use as busy blocks — start, end, room, nothing else (no booking id, no client, no account). The account's
 * own blocked time is listed in {@code blocks} (its title left out for grantees); other accounts see a block in a
 * room as busy like any booking.
 */
public record CalendarView(OffsetDateTime from, OffsetDateTime to, List<RoomRef> rooms, List<BookingView> bookings,
                           List<BusyBlock> busy, List<BlockView> blocks) {
    public record RoomRef(String id, String name, boolean mine, boolean shared) {
    }

    public record BusyBlock(String roomId, OffsetDateTime start, OffsetDateTime end, boolean mine) {
    }
}
