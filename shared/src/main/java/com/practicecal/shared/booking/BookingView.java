package com.practicecal.shared.booking;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/** A booking as its account's owner sees it; times in the practice's time zone. */
public record BookingView(String id, String roomId, OffsetDateTime start, OffsetDateTime end, String status,
                          ClientView client, OffsetDateTime createdAt, String createdBy, OffsetDateTime updatedAt,
                          String updatedBy, String serviceId) {
    public record ClientView(String name, String email, String phone) {
    }

    public static BookingView of(Booking b, ZoneId zone) {
        return new BookingView(b.id(), b.roomId(), at(b.interval().start(), zone), at(b.interval().end(), zone),
                b.status().name(), new ClientView(b.client().name(), b.client().email(), b.client().phone()),
                at(b.createdAt(), zone), b.createdBy(), at(b.updatedAt(), zone), b.updatedBy(), b.serviceId());
    }

    static OffsetDateTime at(java.time.Instant instant, ZoneId zone) {
        return instant.atZone(zone).toOffsetDateTime();
    }

    /** GET /v1/bookings */
    public record Page(List<BookingView> items, String nextCursor) {
    }
}
