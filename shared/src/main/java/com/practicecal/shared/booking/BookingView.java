package com.practicecal.shared.booking;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.practicecal.shared.auth.GranteeProjection;
import com.practicecal.shared.clientrecord.ClientName;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * A booking as its account's owner sees it; times in the practice's time zone. {@code seriesId} (absent for single
 * bookings) is the calendar's series marker.
 */
public record BookingView(String id, String roomId, OffsetDateTime start, OffsetDateTime end, String status,
                          ClientView client, OffsetDateTime createdAt, String createdBy, OffsetDateTime updatedAt,
                          String updatedBy, String serviceId, String clientId, String seriesId)
        implements GranteeProjection<BookingView> {
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

    /**
     * Time, room, service and the client's first name with last initial: what booking needs, nothing more. The
     * client id stays, so a grantee can book the same client again. {@code AccessPolicy.project} decides who gets it.
     */
    @Override
    public BookingView forGrantee() {
        ClientView minimal = client == null || Boolean.TRUE.equals(client.erased()) ? client
                : new ClientView(client.minimalName() != null ? client.minimalName()
                        : ClientName.minimal(client.name()), null, null);
        return new BookingView(id, roomId, start, end, status, minimal, createdAt, null, updatedAt, null, serviceId,
                clientId, seriesId);
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
