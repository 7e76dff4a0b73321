package com.practicecal.shared.feed;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * A rendered feed with its strong ETag (a hash of the bytes). A request whose {@code If-None-Match} lists that ETag
 * (or {@code *}) gets {@code 304} with no body.
 */
public record FeedDocument(String body, String etag) {
    public static final String CACHE_CONTROL = "private, no-cache";

    public static FeedDocument of(String body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return new FeedDocument(body, "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest) + "\"");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean matches(Optional<String> ifNoneMatch) {
        if (ifNoneMatch.isEmpty()) {
            return false;
        }
        for (String candidate : ifNoneMatch.get().split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2); // weak comparison, as RFC 9110 prescribes for If-None-Match
            }
            if (tag.equals("*") || tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    public String contentType() {
        return IcsRenderer.CONTENT_TYPE;
    }
}
