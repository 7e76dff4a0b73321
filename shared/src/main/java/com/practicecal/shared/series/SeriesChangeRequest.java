package com.practicecal.shared.series;

import com.practicecal.shared.validation.Check;
import com.practicecal.shared.validation.Validatable;
import com.practicecal.shared.booking.CreateBookingRequest;
import com.practicecal.shared.error.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * PATCH /v1/booking-series/{id} {from, start?, end?, roomId?}: the occurrence starting at {@code from} and all later
 * ones move to the new local time (start and end of that occurrence; later ones keep their weekly rhythm from there)
 * and/or room.
 */
public record SeriesChangeRequest(String from, String start, String end, String roomId) implements Validatable {
    @Override
    public void validate() {
        fromInstant();
        if (start == null && end == null && roomId == null) {
            throw new ValidationException(null, "give start and end and/or roomId");
        }
        if ((start == null) != (end == null)) {
            throw new ValidationException(start == null ? "start" : "end", "start and end must be given together");
        }
        if (start != null) {
            Instant s = newStart();
            Instant e = newEnd();
            if (!e.isAfter(s)) {
                throw new ValidationException("end", "must be after start");
            }
            if (Duration.between(s, e).compareTo(CreateBookingRequest.MAX_LENGTH) > 0) {
                throw new ValidationException("end", "a booking may last at most 12 hours");
            }
        }
        if (roomId != null) {
            Check.id("roomId", roomId);
        }
    }

    Instant fromInstant() {
        return Check.instant("from", from).toInstant().truncatedTo(ChronoUnit.SECONDS);
    }

    Instant newStart() {
        return Check.instant("start", start).toInstant().truncatedTo(ChronoUnit.SECONDS);
    }

    Instant newEnd() {
        return Check.instant("end", end).toInstant().truncatedTo(ChronoUnit.SECONDS);
    }
}
