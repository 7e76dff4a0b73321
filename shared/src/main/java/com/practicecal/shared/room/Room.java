package com.practicecal.shared.room;

import java.time.Instant;

/** A physical room, owned by one account. Status DELETING blocks new bookings while a delete checks the calendar. */
public record Room(String id, String accountId, String name, RoomStatus status, Instant createdAt) {
}
