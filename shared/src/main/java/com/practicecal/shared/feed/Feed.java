package com.practicecal.shared.feed;

import java.time.Instant;

/**
 * A therapist's secret calendar feed. Only the SHA-256 hash of its token is kept; {@code includeBusy} adds the other
 * accounts' use of the therapist's bookable rooms as detail-free "Belegt" events.
 */
public record Feed(String id, String accountId, String userId, String tokenHash, boolean includeBusy, Instant createdAt) {
}
