package com.practicecal.shared.community;

import java.time.Instant;
import java.util.List;

/** Responses of the community API. Members see each other's practice names and shared rooms, nothing more. */
public final class CommunityViews {
    private CommunityViews() {
    }

    public record InvitationView(String id, String direction, String inviterAccountId, String inviterName,
                                 String inviteeEmail, String status, Instant createdAt, Instant expiresAt) {
    }

    public record Invitations(List<InvitationView> incoming, List<InvitationView> outgoing) {
    }

    public record MemberView(String accountId, String practiceName, boolean owner, boolean me, Instant joinedAt) {
    }

    public record SharedRoomView(String roomId, String name, String accountId, boolean mine) {
    }

    public record CommunityView(String id, List<MemberView> members, List<SharedRoomView> sharedRooms) {
    }
}
