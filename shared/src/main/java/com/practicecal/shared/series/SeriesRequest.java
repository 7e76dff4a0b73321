package com.practicecal.shared.series;

import com.practicecal.shared.validation.Check;
import com.practicecal.shared.validation.Validatable;
import com.practicecal.shared.booking.ClientRequest;
import com.practicecal.shared.booking.CreateBookingRequest;
import com.practicecal.shared.error.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * POST /v1/booking-series and /preview: the first occurrence, the client (typed in, or a record's {@code clientId})
 * and the recurrence.
 */
public record SeriesRequest(String roomId, String start, String end, ClientRequest client, String clientId,
                            Recurrence recurrence) implements Validatable {
    @Override
    public void validate() {
        Check.id("roomId", roomId);
        firstStart();
        firstEnd();
        if (client == null && clientId == null) {
            throw new ValidationException("client", "give client or clientId");
        }
        if (client != null && clientId != null) {
            throw new ValidationException("clientId", "give client or clientId, not both");
        }
        if (clientId != null) {
            Check.id("clientId", clientId);
        } else {
            client.validate();
        }
        if (recurrence == null) {
            throw new ValidationException("recurrence", "is required");
        }
        recurrence.validate();
    }

    /** The client typed in, or a reference to the record {@code clientId} (resolved when the series reads it). */
    public com.practicecal.shared.booking.Client bookingClient() {
        return clientId != null ? com.practicecal.shared.booking.Client.reference(clientId) : client.toClient();
    }

    Instant firstStart() {
        return Check.instant("start", start).toInstant().truncatedTo(ChronoUnit.SECONDS);
    }

    Instant firstEnd() {
        Instant from = firstStart();
        Instant to = Check.instant("end", end).toInstant().truncatedTo(ChronoUnit.SECONDS);
        if (!to.isAfter(from)) {
            throw new ValidationException("end", "must be after start");
        }
        if (Duration.between(from, to).compareTo(CreateBookingRequest.MAX_LENGTH) > 0) {
            throw new ValidationException("end", "a booking may last at most 12 hours");
        }
        return to;
    }
}
