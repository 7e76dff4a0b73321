package com.practicecal.shared.room;

import java.time.Instant;

/** Whether a room is still used after a moment (bookings, blocked time); implemented where occupancy is kept. */
public interface FutureBookings {
    boolean exist(String roomId, Instant now);
}
