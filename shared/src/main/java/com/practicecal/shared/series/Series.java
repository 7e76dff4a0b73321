package com.practicecal.shared.series;

import com.practicecal.shared.booking.Interval;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A weekly series: {@code occurrences} appointments every {@code weeks} weeks at the local wall-clock time of its
 * segments. The first segment is the series as created; a change "from occurrence k" adds a segment starting at k,
 * so every occurrence's planned time and room follow from the series alone. Occurrence {@code i} is the booking with
 * id {@link #bookingId(String, int)}: derived, so a retried or resumed creation can never book one twice.
 */
public record Series(String id, String accountId, ZoneId zone, int weeks, int occurrences, List<Segment> segments,
                     String requestHash, String createdBy, Instant createdAt, long version) {
    /** From occurrence {@code fromIndex} on: local start and end of that occurrence, and its room. */
    public record Segment(int fromIndex, LocalDateTime start, LocalDateTime end, String roomId) {
    }

    public static String bookingId(String seriesId, int index) {
        return UUID.nameUUIDFromBytes((seriesId + "#" + index).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** A series id derived from the Idempotency-Key (so a retry after a crash finds its series), else random. */
    public static String id(String idempotencyScope, String idempotencyKey) {
        return idempotencyKey == null ? UUID.randomUUID().toString()
                : UUID.nameUUIDFromBytes(("series|" + idempotencyScope + "|" + idempotencyKey)
                        .getBytes(StandardCharsets.UTF_8)).toString();
    }

    public Segment segmentOf(int index) {
        Segment found = segments.get(0);
        for (Segment s : segments) {
            if (s.fromIndex() <= index) {
                found = s;
            }
        }
        return found;
    }

    public Interval planned(int index) {
        Segment s = segmentOf(index);
        long steps = (long) (index - s.fromIndex()) * weeks;
        return new Interval(s.start().plusWeeks(steps).atZone(zone).toInstant(),
                s.end().plusWeeks(steps).atZone(zone).toInstant());
    }

    public String roomOf(int index) {
        return segmentOf(index).roomId();
    }

    public List<Interval> planned() {
        List<Interval> all = new ArrayList<>();
        for (int i = 0; i < occurrences; i++) {
            all.add(planned(i));
        }
        return all;
    }

    public Series withSegment(Segment segment) {
        List<Segment> next = new ArrayList<>();
        for (Segment s : segments) {
            if (s.fromIndex() < segment.fromIndex()) {
                next.add(s);
            }
        }
        next.add(segment);
        return new Series(id, accountId, zone, weeks, occurrences, List.copyOf(next), requestHash, createdBy, createdAt,
                version + 1);
    }
}
