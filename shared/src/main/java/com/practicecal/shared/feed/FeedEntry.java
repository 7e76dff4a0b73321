package com.practicecal.shared.feed;

import java.time.Instant;

/**
 * One event of a feed, already reduced to what may be published: a stable uid, the times, the summary, and the
 * instant it last changed (DTSTAMP; deterministic, so the same data renders the same bytes and the same ETag);
 * {@code seriesUid} names the weekly series an occurrence belongs to (RELATED-TO), null for single appointments.
 */
public record FeedEntry(String uid, Instant start, Instant end, String summary, Instant stamp, String seriesUid) {
    public FeedEntry(String uid, Instant start, Instant end, String summary, Instant stamp) {
        this(uid, start, end, summary, stamp, null);
    }
}
