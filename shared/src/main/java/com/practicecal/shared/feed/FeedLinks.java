package com.practicecal.shared.feed;

/**
 * The public URL of a feed, on the origin ({@code scheme://host}) the owner's request came in on; the API layer
 * derives it from the request ({@code ApiRequest.origin()}).
 */
public final class FeedLinks {
    public static final String PATH = "/v1/public/feeds/";

    private FeedLinks() {
    }

    public static String url(String origin, String token) {
        return origin + PATH + token + FeedTokens.SUFFIX;
    }
}
