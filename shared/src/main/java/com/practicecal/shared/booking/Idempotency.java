package com.practicecal.shared.booking;

import com.practicecal.shared.error.ErrorCodes;
import com.practicecal.shared.error.ValidationException;
import com.practicecal.shared.json.Json;
import com.practicecal.shared.store.Attr;
import com.practicecal.shared.store.Condition;
import com.practicecal.shared.store.DynamoTable;
import com.practicecal.shared.store.Keys;
import com.practicecal.shared.store.Snapshot;
import com.practicecal.shared.store.Transaction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

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

    /** The key of the record, for the operation's first batch read. */
    public Keys keys() {
        return Keys.of(IdempotencyItem.key(userId, key));
    }

    /** Adds the record storing {@code response} to {@code tx}: only if the key is unused (or its TTL passed). */
    public void store(Transaction tx, Object response, Instant now) {
        tx.put(IdempotencyItem.TAG, IdempotencyItem.toItem(userId, key, requestHash, Json.write(response), now), unused(now));
    }

    /** The link that lets an erasure of the client the response names find this record (see {@link IdempotencyItem}). */
    public void linkUnder(Transaction tx, String bookingId, Instant now) {
        tx.put(IdempotencyItem.LINK_TAG, IdempotencyItem.link(BookingItem.PREFIX + bookingId, userId, key, now), null);
    }

    public Condition unused(Instant now) {
        return Condition.of(UNUSED_KEY, Map.of(":now", Attr.n(now.getEpochSecond())));
    }

    /** The stored response in {@code read} if this key was already used for this request; 422 if used for another. */
    public <T> Optional<T> replay(Snapshot read, Class<T> type, Instant now) {
        return replay(read.get(IdempotencyItem.key(userId, key), IdempotencyItem::fromItem), type, now);
    }

    /** {@link #replay(Snapshot, Class, Instant)} of the record as stored now (one GetItem). */
    public <T> Optional<T> replayStored(DynamoTable table, Class<T> type, Instant now) {
        return replay(table.find(IdempotencyItem.key(userId, key), IdempotencyItem::fromItem), type, now);
    }

    /** The stored response if this key was already used for this request; 422 if used for another. */
    <T> Optional<T> replay(Optional<IdempotencyItem.Stored> read, Class<T> type, Instant now) {
        if (read.isEmpty() || read.get().expiresAt() < now.getEpochSecond()) {
            return Optional.empty();
        }
        IdempotencyItem.Stored stored = read.get();
        if (!requestHash.equals(stored.requestHash())) {
            throw new ValidationException(ErrorCodes.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key",
                    "was already used with a different request");
        }
        if (stored.erased()) {
            throw new ValidationException(ErrorCodes.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key",
                    "the result of this request was erased with the client's data; send a new key");
        }
        try {
            return Optional.of(Json.MAPPER.readValue(stored.responseJson(), type));
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
