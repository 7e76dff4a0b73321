package com.practicecal.shared.block;

import com.practicecal.shared.booking.Interval;
import java.time.Instant;

/**
 * Blocked time of a therapist (break, supervision, holiday). With a room it occupies the room like a booking; without
 * one only the therapist is unavailable. Never counts toward the plan quota and carries no client.
 */
public record Block(String id, String accountId, String roomId, Interval interval, String title, String seriesId,
                    String createdBy, Instant createdAt, String updatedBy, Instant updatedAt, long version) {
    @Override
    public String toString() {
        return "Block[" + id + "]"; // the title is the therapist's own text
    }

    public Block changed(String newRoomId, Interval newInterval, String newTitle, String by, Instant at) {
        return new Block(id, accountId, newRoomId, newInterval, newTitle, seriesId, createdBy, createdAt, by, at,
                version + 1);
    }
}
