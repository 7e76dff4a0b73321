package com.practicecal.shared.room;

/** ACTIVE rooms take bookings; DELETING is the short first phase of a delete; DELETED rooms are kept for history. */
public enum RoomStatus {
    ACTIVE, DELETING, DELETED
}
