package com.practicecal.shared.room;

import java.time.Instant;
import java.util.List;

/** A room as its owner sees it. */
public record RoomView(String id, String name, boolean shared, Instant createdAt) {
    public static RoomView of(Room room) {
        return new RoomView(room.id(), room.name(), room.shared(), room.createdAt());
    }

    /** GET /v1/rooms */
    public record Page(List<RoomView> items) {
    }
}
