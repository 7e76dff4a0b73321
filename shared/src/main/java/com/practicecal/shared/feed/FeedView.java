package com.practicecal.shared.feed;

import java.time.Instant;
import java.util.List;

/** A feed as its owner sees it; {@code url} (which carries the token) only in the response to create. */
public record FeedView(String id, boolean includeBusy, Instant createdAt, String url) {
    public static FeedView of(Feed feed) {
        return new FeedView(feed.id(), feed.includeBusy(), feed.createdAt(), null);
    }

    public static FeedView withUrl(Feed feed, String url) {
        return new FeedView(feed.id(), feed.includeBusy(), feed.createdAt(), url);
    }

    /** GET /v1/feeds */
    public record Page(List<FeedView> items) {
    }
}
