package com.practicecal.shared.booking;

import com.practicecal.shared.validation.Check;
import com.practicecal.shared.validation.Validatable;
import com.practicecal.shared.error.ValidationException;
import java.util.Optional;

/** PATCH /v1/bookings/{id}: a new interval and/or room. Start and end go together. */
public record MoveBookingRequest(String roomId, String start, String end) implements Validatable {
    @Override
    public void validate() {
        if (roomId == null && start == null && end == null) {
            throw new ValidationException(null, "give roomId and/or start and end");
        }
        if (roomId != null) {
            Check.id("roomId", roomId);
        }
        if ((start == null) != (end == null)) {
            throw new ValidationException(start == null ? "start" : "end", "start and end must be given together");
        }
        interval();
    }

    public Optional<Interval> interval() {
        return start == null ? Optional.empty() : Optional.of(CreateBookingRequest.interval(start, end));
    }

    public Optional<String> room() {
        return Optional.ofNullable(roomId);
    }
}
