package com.practicecal.shared.booking;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * What is booked in one room on one UTC day, across all accounts: booking id to interval and account. The
 * version guards every write that adds an interval (optimistic lock enforced by a DynamoDB condition).
 */
public record OccupancyDay(String roomId, LocalDate day, long version, Map<String, Occupant> occupants) {
    public record Occupant(Interval interval, String accountId) {
    }

    public static OccupancyDay empty(String roomId, LocalDate day) {
        return new OccupancyDay(roomId, day, 0, Map.of());
    }

    /** The first occupant other than {@code ignoredBookingId} whose interval overlaps {@code wanted}. */
    public Optional<Occupant> conflictWith(Interval wanted, String ignoredBookingId) {
        return occupants.entrySet().stream()
                .filter(e -> !e.getKey().equals(ignoredBookingId))
                .map(Map.Entry::getValue)
                .filter(o -> o.interval().overlaps(wanted))
                .findFirst();
    }

    public boolean exists() {
        return version > 0;
    }
}
