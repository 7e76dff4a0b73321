package com.practicecal.shared.booking;

import com.practicecal.shared.validation.Check;
import com.practicecal.shared.validation.Validatable;
import com.practicecal.shared.error.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** POST /v1/bookings: for a client record ({@code clientId}) or, as before records existed, a typed-in client. */
public record CreateBookingRequest(String roomId, String start, String end, ClientRequest client, String clientId)
        implements Validatable {
    public static final Duration MAX_LENGTH = Duration.ofHours(12);

    public CreateBookingRequest(String roomId, String start, String end, ClientRequest client) {
        this(roomId, start, end, client, null);
    }

    @Override
    public void validate() {
        Check.id("roomId", roomId);
        interval(start, end);
        if (client != null && clientId != null) {
            throw new ValidationException("clientId", "give either clientId or client, not both");
        }
        if (clientId != null) {
            Check.id("clientId", clientId);
            return;
        }
        if (client == null) {
            throw new ValidationException("client", "is required (or clientId)");
        }
        client.validate();
    }

    /** The booking's client: a reference to the record, or the typed-in one. */
    public Client toClient() {
        return clientId != null ? Client.reference(clientId) : client.toClient();
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
