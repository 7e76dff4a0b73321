package com.practicecal.shared.online;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tokens that let a client manage an online booking without an account. A token is HMAC-SHA256(secret, booking
 * id): 256 bits, never stored — the booking keeps only its SHA-256 hash, and an idempotent replay can hand the
 * same token out again without having stored it. Checked in constant time.
 * <p>
 * The secret lives in AWS Secrets Manager ({@code ManageTokenSecret} in template.yaml, generated at deploy):
 * read once per container, on first use, by the only function granted {@code secretsmanager:GetSecretValue} on it
 * (the one whose environment names it, {@code MANAGE_TOKEN_SECRET_ARN}). No function has it in its environment.
 */
@Singleton
@io.micronaut.context.annotation.Requires(classes = software.amazon.awssdk.services.secretsmanager.SecretsManagerClient.class)
public class ManageTokens {
    private final java.util.function.Supplier<byte[]> secret;

    @jakarta.inject.Inject
    public ManageTokens(ManageTokenKey key) {
        this(key::read);
    }

    /** @param source read at most once (the first token computed), then kept for the container's life */
    public ManageTokens(java.util.function.Supplier<String> source) {
        this.secret = memoize(() -> {
            String value = source.get();
            if (value == null || value.length() < 32) {
                throw new IllegalStateException("the manage-token secret must have at least 32 characters");
            }
            return value.getBytes(StandardCharsets.UTF_8);
        });
    }

    private static java.util.function.Supplier<byte[]> memoize(java.util.function.Supplier<byte[]> read) {
        return new java.util.function.Supplier<>() {
            private volatile byte[] value;

            @Override
            public byte[] get() {
                byte[] v = value;
                if (v == null) {
                    synchronized (this) {
                        if (value == null) {
                            value = read.get();
                        }
                        v = value;
                    }
                }
                return v;
            }
        };
    }

    public String tokenFor(String bookingId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.get(), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(("manage:" + bookingId).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean matches(String presented, String storedHash) {
        if (presented == null || storedHash == null) {
            return false;
        }
        return MessageDigest.isEqual(hash(presented).getBytes(StandardCharsets.UTF_8),
                storedHash.getBytes(StandardCharsets.UTF_8));
    }
}
