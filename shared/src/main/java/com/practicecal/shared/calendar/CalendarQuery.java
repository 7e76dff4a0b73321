package com.practicecal.shared.calendar;

import com.practicecal.shared.validation.Check;
import com.practicecal.shared.error.ValidationException;
import java.time.Duration;
import java.time.Instant;

/** GET /v1/calendar?from=&to= (at most 31 days). */
public record CalendarQuery(Instant from, Instant to) {
    public static final Duration MAX_RANGE = Duration.ofDays(31);

    /** From the parameters' values (null: not given). */
    public static CalendarQuery parse(String fromValue, String toValue) {
        Instant from = Check.instant("from", Check.required("from", fromValue)).toInstant();
        Instant to = Check.instant("to", Check.required("to", toValue)).toInstant();
        if (!to.isAfter(from)) {
            throw new ValidationException("to", "must be after from");
        }
        if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            throw new ValidationException("to", "a calendar range may span at most 31 days");
        }
        return new CalendarQuery(from, to);
    }
}
