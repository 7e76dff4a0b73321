package com.practicecal.shared.room;

import java.time.Instant;

/**
 * A physical room, owned by one account; shared with the owner's calendar community when {@code communityId} is
 * set, so every member may book it. Status DELETING blocks new bookings while a delete checks the calendar.
 */
public record Room(String id, String accountId, String name, RoomStatus status, Instant createdAt, String communityId) {
    public Room(String id, String accountId, String name, RoomStatus status, Instant createdAt) {
        this(id, accountId, name, status, createdAt, null);
    }

    /** Whether {@code accountId}, member of {@code accountCommunityId} (or of none), may book the room now. */
    public boolean bookableBy(String accountId, String accountCommunityId) {
        return status == RoomStatus.ACTIVE && (this.accountId.equals(accountId)
                || (communityId != null && communityId.equals(accountCommunityId)));
    }

    public boolean shared() {
        return communityId != null;
    }

    public Room renamed(String newName) {
        return new Room(id, accountId, newName, status, createdAt, communityId);
    }

    public Room sharedWith(String community) {
        return new Room(id, accountId, name, status, createdAt, community);
    }
}
