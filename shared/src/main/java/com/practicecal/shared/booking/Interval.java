package com.practicecal.shared.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A half-open time interval [start, end): back-to-back bookings do not overlap. */
public record Interval(Instant start, Instant end) {
    public boolean overlaps(Interval other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    /** The UTC days this interval touches; occupancy is kept per room and UTC day. */
    public List<LocalDate> utcDays() {
        List<LocalDate> days = new ArrayList<>();
        LocalDate last = end.minusNanos(1).atZone(ZoneOffset.UTC).toLocalDate();
        for (LocalDate d = start.atZone(ZoneOffset.UTC).toLocalDate(); !d.isAfter(last); d = d.plusDays(1)) {
            days.add(d);
        }
        return days;
    }
}
