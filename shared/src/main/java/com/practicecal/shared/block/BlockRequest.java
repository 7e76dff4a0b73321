package com.practicecal.shared.block;

import com.practicecal.shared.validation.Check;
import com.practicecal.shared.validation.Validatable;
import com.practicecal.shared.booking.Interval;
import com.practicecal.shared.error.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * POST /v1/blocks {start, end, title, roomId?, recurrence?}: with {@code recurrence} (the object of booking series) a
 * weekly block, e.g. the lunch break, each occurrence a block of its own.
 */
public record BlockRequest(String start, String end, String title, String roomId,
                           com.practicecal.shared.series.Recurrence recurrence) implements Validatable {
    public BlockRequest(String start, String end, String title, String roomId) {
        this(start, end, title, roomId, null);
    }

    /** Holidays: a block may span up to 31 days. */
    public static final Duration MAX_LENGTH = Duration.ofDays(31);
    public static final int MAX_TITLE = 120;

    @Override
    public void validate() {
        interval();
        Check.text("title", title, MAX_TITLE);
        if (roomId != null) {
            Check.id("roomId", roomId);
        }
        if (recurrence != null) {
            recurrence.validate();
            if (interval().end().minus(java.time.Duration.ofDays(7)).isAfter(interval().start())) {
                throw new ValidationException("end", "a weekly block may last at most 7 days");
            }
        }
    }

    public Interval interval() {
        return interval(start, end);
    }

    public String cleanTitle() {
        return Check.text("title", title, MAX_TITLE);
    }

    static Interval interval(String start, String end) {
        Instant from = Check.instant("start", start).toInstant().truncatedTo(ChronoUnit.SECONDS);
        Instant to = Check.instant("end", end).toInstant().truncatedTo(ChronoUnit.SECONDS);
        if (!to.isAfter(from)) {
            throw new ValidationException("end", "must be after start");
        }
        if (Duration.between(from, to).compareTo(MAX_LENGTH) > 0) {
            throw new ValidationException("end", "a block may last at most 31 days");
        }
        return new Interval(from, to);
    }
}
