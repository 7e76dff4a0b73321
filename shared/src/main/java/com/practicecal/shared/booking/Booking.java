package com.practicecal.shared.booking;

import java.time.Instant;

/**
 * An appointment in a room. Times are instants; the practice's time zone only matters for display and months.
 * {@code seriesId} names the weekly series the booking is an occurrence of (null for single bookings).
 */
public record Booking(String id, String accountId, String roomId, Interval interval, BookingStatus status,
                      Client client, String createdBy, Instant createdAt, String updatedBy, Instant updatedAt,
                      long version, String serviceId, String manageTokenHash, int rescheduleCount, String seriesId) {

    public Booking(String id, String accountId, String roomId, Interval interval, BookingStatus status, Client client,
                   String createdBy, Instant createdAt, String updatedBy, Instant updatedAt, long version,
                   String serviceId, String manageTokenHash, int rescheduleCount) {
        this(id, accountId, roomId, interval, status, client, createdBy, createdAt, updatedBy, updatedAt, version,
                serviceId, manageTokenHash, rescheduleCount, null);
    }

    public Booking(String id, String accountId, String roomId, Interval interval, BookingStatus status, Client client,
                   String createdBy, Instant createdAt, String updatedBy, Instant updatedAt, long version) {
        this(id, accountId, roomId, interval, status, client, createdBy, createdAt, updatedBy, updatedAt, version, null,
                null, 0);
    }

    public Booking moved(String newRoomId, Interval newInterval, String by, Instant at, boolean countsAsReschedule) {
        return new Booking(id, accountId, newRoomId, newInterval, status, client, createdBy, createdAt, by, at,
                version + 1, serviceId, manageTokenHash, rescheduleCount + (countsAsReschedule ? 1 : 0), seriesId);
    }

    public Booking cancelled(String by, Instant at) {
        return new Booking(id, accountId, roomId, interval, BookingStatus.CANCELLED, client, createdBy, createdAt, by,
                at, version + 1, serviceId, manageTokenHash, rescheduleCount, seriesId);
    }
}
