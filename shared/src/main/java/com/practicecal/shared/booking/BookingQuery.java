package com.practicecal.shared.booking;

import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.Check;
import com.practicecal.shared.error.ValidationException;
import java.time.Duration;
import java.time.Instant;

/** GET /v1/bookings?from=&to=&limit=&cursor= */
public record BookingQuery(Instant from, Instant to, int limit, String cursor) {
    public static final Duration MAX_RANGE = Duration.ofDays(92);
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;

    public static BookingQuery from(ApiRequest request) {
        Instant from = Check.instant("from", request.requiredQuery("from")).toInstant();
        Instant to = Check.instant("to", request.requiredQuery("to")).toInstant();
        if (!to.isAfter(from)) {
            throw new ValidationException("to", "must be after from");
        }
        if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            throw new ValidationException("to", "a range may span at most 92 days");
        }
        int limit = Check.limit(request, DEFAULT_LIMIT, MAX_LIMIT);
        String cursor = request.query("cursor").map(c -> Check.optionalText("cursor", c, 1024)).orElse(null);
        return new BookingQuery(from, to, limit, cursor);
    }
}
