package com.practicecal.shared.booking;

import java.time.Instant;

/** An appointment in a room. Times are instants; the practice's time zone only matters for display and months. */
public record Booking(String id, String accountId, String roomId, Interval interval, BookingStatus status,
                      Client client, String createdBy, Instant createdAt, String updatedBy, Instant updatedAt,
                      long version) {

    public Booking moved(String newRoomId, Interval newInterval, String by, Instant at) {
        return new Booking(id, accountId, newRoomId, newInterval, status, client, createdBy, createdAt, by, at,
                version + 1);
    }

    public Booking cancelled(String by, Instant at) {
        return new Booking(id, accountId, roomId, interval, BookingStatus.CANCELLED, client, createdBy, createdAt, by,
                at, version + 1);
    }
}
