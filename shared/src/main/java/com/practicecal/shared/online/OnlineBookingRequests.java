package com.practicecal.shared.online;

import com.practicecal.shared.validation.Check;
import com.practicecal.shared.validation.Validatable;
import com.practicecal.shared.booking.Client;
import com.practicecal.shared.error.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Requests and responses of the public online-booking API. Every field is validated; lengths are bounded. */
public final class OnlineBookingRequests {
    private OnlineBookingRequests() {
    }

    /** POST /v1/public/therapists/{therapistId}/bookings: email is required so the client can be reached. */
    public record PublicBookingRequest(String serviceId, String start, PublicClient client) implements Validatable {
        @Override
        public void validate() {
            Check.id("serviceId", serviceId);
            startInstant();
            if (client == null) {
                throw new ValidationException("client", "is required");
            }
            client.toClient();
        }

        public Instant startInstant() {
            return Check.instant("start", start).toInstant().truncatedTo(ChronoUnit.SECONDS);
        }
    }

    public record PublicClient(String name, String email, String phone) {
        public Client toClient() {
            return new Client(Check.text("client.name", name, 120), Check.email("client.email", email),
                    Check.optionalPhone("client.phone", phone));
        }
    }

    /** PATCH /v1/public/bookings/{bookingId}: a new start for the same service. */
    public record RescheduleRequest(String start) implements Validatable {
        @Override
        public void validate() {
            startInstant();
        }

        public Instant startInstant() {
            return Check.instant("start", start).toInstant().truncatedTo(ChronoUnit.SECONDS);
        }
    }

    /** GET /v1/public/therapists/{therapistId}/slots?from=&to=&serviceId= (at most 31 days). */
    public record SlotQuery(Instant from, Instant to, String serviceId) {
        public static final Duration MAX_RANGE = Duration.ofDays(31);

        /** From the parameters' values (null: not given). */
        public static SlotQuery parse(String fromValue, String toValue, String serviceIdValue) {
            Instant from = Check.instant("from", Check.required("from", fromValue)).toInstant();
            Instant to = Check.instant("to", Check.required("to", toValue)).toInstant();
            if (!to.isAfter(from)) {
                throw new ValidationException("to", "must be after from");
            }
            if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
                throw new ValidationException("to", "a range may span at most 31 days");
            }
            return new SlotQuery(from, to, Check.id("serviceId", Check.required("serviceId", serviceIdValue)));
        }
    }

    public record SlotView(String start, String end, String roomId) {
    }

    public record Slots(String therapistId, String serviceId, int durationMinutes, List<SlotView> slots) {
    }

    /** The client's receipt: the manage token appears here only. */
    public record PublicBookingView(String bookingId, String start, String end, String serviceId, String manageToken) {
    }
}
