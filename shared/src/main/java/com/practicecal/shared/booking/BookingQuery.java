package com.practicecal.shared.booking;

import com.practicecal.shared.validation.Check;
import com.practicecal.shared.error.ValidationException;
import java.time.Duration;
import java.time.Instant;

/** GET /v1/bookings?from=&to=&limit=&cursor= (parsed from the parameters' values; null: not given). */
public record BookingQuery(Instant from, Instant to, int limit, String cursor) {
    public static final Duration MAX_RANGE = Duration.ofDays(92);
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;

    public static BookingQuery parse(String fromValue, String toValue, String limitValue, String cursorValue) {
        Instant from = Check.instant("from", Check.required("from", fromValue)).toInstant();
        Instant to = Check.instant("to", Check.required("to", toValue)).toInstant();
        if (!to.isAfter(from)) {
            throw new ValidationException("to", "must be after from");
        }
        if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            throw new ValidationException("to", "a range may span at most 92 days");
        }
        int limit = Check.limit(limitValue, DEFAULT_LIMIT, MAX_LIMIT);
        String cursor = Check.optionalText("cursor", cursorValue, 1024);
        return new BookingQuery(from, to, limit, cursor);
    }
}
