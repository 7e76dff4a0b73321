package com.practicecal.shared.booking;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * A booking as its account's owner sees it; times in the practice's time zone. {@code seriesId} (absent for single
 * bookings) is the calendar's series marker.
 */
public record BookingView(String id, String roomId, OffsetDateTime start, OffsetDateTime end, String status,
                          ClientView client, OffsetDateTime createdAt, String createdBy, OffsetDateTime updatedAt,
                          String updatedBy, String serviceId, String clientId, String seriesId) {
    public BookingView(String id, String roomId, OffsetDateTime start, OffsetDateTime end, String status,
                       ClientView client, OffsetDateTime createdAt, String createdBy, OffsetDateTime updatedAt,
                       String updatedBy, String serviceId) {
        this(id, roomId, start, end, status, client, createdAt, createdBy, updatedAt, updatedBy, serviceId, null, null);
    }

    public BookingView(String id, String roomId, OffsetDateTime start, OffsetDateTime end, String status,
                       ClientView client, OffsetDateTime createdAt, String createdBy, OffsetDateTime updatedAt,
                       String updatedBy, String serviceId, String clientId) {
        this(id, roomId, start, end, status, client, createdAt, createdBy, updatedAt, updatedBy, serviceId, clientId,
                null);
    }

    /**
     * The client as shown: name and contact data, {@code erased} once the client's data was erased. The minimal
     * form ("Erika M.", computed from the names stored apart) is never serialized; the access policy uses it.
     */
    public record ClientView(String name, String email, String phone, Boolean erased,
                             @JsonIgnore String minimalName) {
        public ClientView(String name, String email, String phone) {
            this(name, email, phone, null, null);
        }

        static ClientView of(Client c) {
            if (c.isErased()) {
                return new ClientView(null, null, null, Boolean.TRUE, null);
            }
            return new ClientView(c.name(), c.email(), c.phone(), null, c.minimalName());
        }
    }

    public static BookingView of(Booking b, ZoneId zone) {
        return new BookingView(b.id(), b.roomId(), at(b.interval().start(), zone), at(b.interval().end(), zone),
                b.status().name(), ClientView.of(b.client()),
                at(b.createdAt(), zone), b.createdBy(), at(b.updatedAt(), zone), b.updatedBy(), b.serviceId(),
                b.client().clientId(), b.seriesId());
    }

    static OffsetDateTime at(java.time.Instant instant, ZoneId zone) {
        return instant.atZone(zone).toOffsetDateTime();
    }

    /** GET /v1/bookings */
    public record Page(List<BookingView> items, String nextCursor) {
    }
}
