package com.practicecal.shared.booking;

import com.practicecal.shared.auth.Principal;
import jakarta.inject.Singleton;
import java.util.Optional;

/** Placeholder while the booking service is written in this session. */
@Singleton
public class BookingService {
    public Object create(Principal p, CreateBookingRequest r, Optional<String> key, String requestId) {
        throw new UnsupportedOperationException();
    }

    public Object list(Principal p, BookingQuery q) {
        throw new UnsupportedOperationException();
    }

    public Object get(Principal p, String id) {
        throw new UnsupportedOperationException();
    }

    public Object move(Principal p, String id, MoveBookingRequest r, Optional<String> key, String requestId) {
        throw new UnsupportedOperationException();
    }

    public void cancel(Principal p, String id, String requestId) {
        throw new UnsupportedOperationException();
    }
}
