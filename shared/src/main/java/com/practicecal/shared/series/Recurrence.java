package com.practicecal.shared.series;

import com.practicecal.shared.validation.Validatable;
import com.practicecal.shared.error.ValidationException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * {@code {frequency: "WEEKLY", interval: 1-4, count: 2-52 | until: "yyyy-mm-dd"}}: every {@code interval} weeks at the
 * same local wall-clock time (practice time zone, so a series keeps 10:00 across a DST change), {@code count} times or
 * up to and including the local date {@code until}.
 */
public record Recurrence(String frequency, Integer interval, Integer count, String until) implements Validatable {
    public static final int MIN_OCCURRENCES = 2;
    public static final int MAX_OCCURRENCES = 52;
    public static final int MAX_INTERVAL = 4;

    @Override
    public void validate() {
        if (!"WEEKLY".equals(frequency)) {
            throw new ValidationException("recurrence.frequency", "must be WEEKLY");
        }
        if (interval != null && (interval < 1 || interval > MAX_INTERVAL)) {
            throw new ValidationException("recurrence.interval", "must be 1 to 4");
        }
        if ((count == null) == (until == null)) {
            throw new ValidationException("recurrence.count", "give either count or until");
        }
        if (count != null && (count < MIN_OCCURRENCES || count > MAX_OCCURRENCES)) {
            throw new ValidationException("recurrence.count", "must be 2 to 52");
        }
        if (until != null) {
            untilDate();
        }
    }

    public int weeks() {
        return interval == null ? 1 : interval;
    }

    LocalDate untilDate() {
        try {
            return LocalDate.parse(until);
        } catch (DateTimeParseException e) {
            throw new ValidationException("recurrence.until", "must be a date (yyyy-mm-dd)");
        }
    }

    /**
     * How many occurrences a series starting at {@code firstLocalStart} has: {@code count}, or those on or before
     * {@code until} (2 to 52, else a 422 naming {@code recurrence.until}).
     */
    public int occurrences(LocalDateTime firstLocalStart) {
        if (count != null) {
            return count;
        }
        LocalDate last = untilDate();
        int n = 0;
        while (n <= MAX_OCCURRENCES && !firstLocalStart.plusWeeks((long) n * weeks()).toLocalDate().isAfter(last)) {
            n++;
        }
        if (n < MIN_OCCURRENCES || n > MAX_OCCURRENCES) {
            throw new ValidationException("recurrence.until", "must give 2 to 52 occurrences (gives " + n
                    + (n > MAX_OCCURRENCES ? " or more" : "") + ")");
        }
        return n;
    }

    /** The local start of occurrence {@code index} of a segment starting at {@code local}. */
    public LocalDateTime shift(LocalDateTime local, int index) {
        return local.plusWeeks((long) index * weeks());
    }

    /** Wall-clock time in {@code zone}: a time skipped by a DST change moves forward by the gap (java.time rules). */
    static java.time.Instant at(LocalDateTime local, ZoneId zone) {
        return local.atZone(zone).toInstant();
    }
}
