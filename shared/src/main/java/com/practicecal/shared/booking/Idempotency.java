package com.practicecal.shared.booking;

import com.practicecal.shared.error.ErrorCodes;
import com.practicecal.shared.error.ValidationException;
import com.practicecal.shared.json.Json;
import com.practicecal.shared.store.Attr;
import com.practicecal.shared.store.Condition;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Idempotency-Key handling: the same key with the same request replays the first response and writes nothing;
 * the same key with a different request is a 422. The record is written inside the change's own transaction.
 */
public record Idempotency(String userId, String key, String requestHash) {
    /** 422 IDEMPOTENCY_KEY_REQUIRED: a series is created in many transactions; only the key makes a retry safe. */
    public static ValidationException keyRequired() {
        return new ValidationException(ErrorCodes.IDEMPOTENCY_KEY_REQUIRED, "Idempotency-Key",
                "is required for a recurring request (a retry with the same key resumes it)");
    }

    /** New record, or one whose TTL passed but that DynamoDB has not yet removed. */
    static final String UNUSED_KEY = "attribute_not_exists(PK) OR expiresAt < :now";

    public static Optional<Idempotency> of(Optional<String> header, String userId, String operation, Object request) {
        return header.map(key -> {
            if (key.length() > 128 || !key.matches("[\\x21-\\x7E]+")) {
                throw new ValidationException("Idempotency-Key", "must be 1 to 128 printable ASCII characters");
            }
            return new Idempotency(userId, key, sha256(operation + "\n" + Json.write(request)));
        });
    }

    public Map<String, AttributeValue> itemKey() {
        return IdempotencyItem.key(userId, key);
    }

    public Map<String, AttributeValue> record(Object response, Instant now) {
        return IdempotencyItem.toItem(userId, key, requestHash, Json.write(response), now);
    }

    /** The link that lets an erasure of the client the response names find this record (see {@link IdempotencyItem}). */
    public Map<String, AttributeValue> linkUnder(String bookingId, Instant now) {
        return IdempotencyItem.link(BookingItem.PREFIX + bookingId, userId, key, now);
    }

    public Condition unused(Instant now) {
        return Condition.of(UNUSED_KEY, Map.of(":now", Attr.n(now.getEpochSecond())));
    }

    /** The stored response if this key was already used for this request; 422 if used for another. */
    public <T> Optional<T> replay(Map<String, AttributeValue> stored, Class<T> type, Instant now) {
        if (stored == null || stored.isEmpty() || Attr.num(stored, Attr.EXPIRES_AT, 0) < now.getEpochSecond()) {
            return Optional.empty();
        }
        if (!requestHash.equals(Attr.str(stored, IdempotencyItem.REQUEST_HASH))) {
            throw new ValidationException(ErrorCodes.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key",
                    "was already used with a different request");
        }
        if (stored.containsKey(IdempotencyItem.ERASED)) {
            throw new ValidationException(ErrorCodes.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key",
                    "the result of this request was erased with the client's data; send a new key");
        }
        try {
            return Optional.of(Json.MAPPER.readValue(Attr.str(stored, IdempotencyItem.RESPONSE), type));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable idempotency record", e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
