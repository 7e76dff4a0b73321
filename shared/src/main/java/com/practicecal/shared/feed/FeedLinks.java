package com.practicecal.shared.feed;

import com.practicecal.shared.api.ApiRequest;

/**
 * The public URL of a feed, on the host and scheme the owner's request came in on (API Gateway sets
 * {@code X-Forwarded-Proto}; the {@code Host} is the API's or its custom domain's).
 */
public final class FeedLinks {
    public static final String PATH = "/v1/public/feeds/";

    private FeedLinks() {
    }

    public static String url(ApiRequest request, String token) {
        String scheme = request.header("X-Forwarded-Proto").orElse("https");
        String host = request.header("Host").orElse("localhost");
        return scheme + "://" + host + PATH + token + FeedTokens.SUFFIX;
    }
}
