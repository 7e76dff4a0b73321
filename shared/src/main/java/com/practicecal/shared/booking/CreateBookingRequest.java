package com.practicecal.shared.booking;

import com.practicecal.shared.api.Check;
import com.practicecal.shared.api.Validatable;
import com.practicecal.shared.error.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** POST /v1/bookings */
public record CreateBookingRequest(String roomId, String start, String end, ClientRequest client) implements Validatable {
    public static final Duration MAX_LENGTH = Duration.ofHours(12);

    @Override
    public void validate() {
        Check.id("roomId", roomId);
        interval(start, end);
        if (client == null) {
            throw new ValidationException("client", "is required");
        }
        client.validate();
    }

    public Interval interval() {
        return interval(start, end);
    }

    static Interval interval(String start, String end) {
        Instant from = Check.instant("start", start).toInstant().truncatedTo(ChronoUnit.SECONDS);
        Instant to = Check.instant("end", end).toInstant().truncatedTo(ChronoUnit.SECONDS);
        if (!to.isAfter(from)) {
            throw new ValidationException("end", "must be after start");
        }
        if (Duration.between(from, to).compareTo(MAX_LENGTH) > 0) {
            throw new ValidationException("end", "a booking may last at most 12 hours");
        }
        return new Interval(from, to);
    }
}
