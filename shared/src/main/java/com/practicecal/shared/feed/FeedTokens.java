package com.practicecal.shared.feed;

import com.practicecal.shared.online.ManageTokens;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Feed tokens: 256 random bits, base64url (43 characters). Only {@link #hash} is stored (the same SHA-256 hex as
 * manage tokens); the public URL's last segment is {@code <token>.ics}.
 */
public final class FeedTokens {
    public static final String SUFFIX = ".ics";
    private static final int BYTES = 32;
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private FeedTokens() {
    }

    public static String newToken() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String token) {
        return ManageTokens.hash(token);
    }

    /** The token of a {@code <token>.ics} path segment; empty for anything else (answered 404 like an unknown token). */
    public static Optional<String> fromFileName(String file) {
        if (file == null || !file.endsWith(SUFFIX)) {
            return Optional.empty();
        }
        String token = file.substring(0, file.length() - SUFFIX.length());
        return TOKEN.matcher(token).matches() ? Optional.of(token) : Optional.empty();
    }
}
