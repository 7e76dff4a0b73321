package com.practicecal.shared.community;

import java.time.Instant;
import java.util.Map;

/**
 * A calendar community: independent accounts that share rooms. Members see each other's use of shared rooms
 * as busy blocks only; writing into another member's calendar needs a grant, never the community alone.
 */
public record Community(String id, String ownerAccountId, Map<String, Member> members, Map<String, SharedRoom> sharedRooms,
                        Instant createdAt, long version) {
    public record Member(String practiceName, Instant joinedAt) {
    }

    public record SharedRoom(String accountId, String name) {
    }

    public boolean hasMember(String accountId) {
        return members.containsKey(accountId);
    }

    /** Rooms shared by members other than {@code accountId}. */
    public java.util.Set<String> roomsSharedByOthers(String accountId) {
        java.util.Set<String> rooms = new java.util.TreeSet<>();
        sharedRooms.forEach((id, room) -> {
            if (!room.accountId().equals(accountId)) {
                rooms.add(id);
            }
        });
        return rooms;
    }

    /** Rooms shared by {@code accountId}. */
    public java.util.Set<String> roomsSharedBy(String accountId) {
        java.util.Set<String> rooms = new java.util.TreeSet<>(sharedRooms.keySet());
        rooms.removeAll(roomsSharedByOthers(accountId));
        return rooms;
    }
}
