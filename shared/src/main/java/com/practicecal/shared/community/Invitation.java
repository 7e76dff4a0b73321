package com.practicecal.shared.community;

import java.time.Instant;

/** An invitation of an account (by its email) into a calendar community; pending for 14 days. */
public record Invitation(String id, String communityId, String inviterAccountId, String inviterName, String inviteeEmail,
                         String status, Instant createdAt, Instant expiresAt) {
    public static final String PENDING = "PENDING";
    public static final String ACCEPTED = "ACCEPTED";
    public static final String DECLINED = "DECLINED";
    public static final String EXPIRED = "EXPIRED";

    /** The status as of {@code now}: a pending invitation past its expiry reads as EXPIRED. */
    public String statusAt(Instant now) {
        return PENDING.equals(status) && !now.isBefore(expiresAt) ? EXPIRED : status;
    }
}
