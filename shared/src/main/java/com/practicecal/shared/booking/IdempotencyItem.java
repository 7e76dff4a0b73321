package com.practicecal.shared.booking;

import com.practicecal.shared.store.TxTag;
import com.practicecal.shared.store.Attr;
import com.practicecal.shared.store.Expression;
import com.practicecal.shared.store.Transaction;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The first response to an {@code Idempotency-Key}, written in the same transaction as the change:
 * PK {@code IDEMPOTENCY#<userId>#<key>}, SK {@code IDEMPOTENCY}. Keys are scoped to the user who sent them.
 *
 * <p>A stored response that names a client (a booking's) gets a link in the same transaction, under the booking's
 * partition: PK {@code BOOKING#<bookingId>}, SK = the record's PK, same TTL. An erasure of the client finds the
 * links with the booking's notes and neutralises the records in the booking's own transaction ({@link #erase}):
 * the response goes, the request hash stays, so a retry with the same key is refused instead of run again.
 */
public final class IdempotencyItem {
    public static final String PREFIX = "IDEMPOTENCY#";
    /** Transaction tags of the record (a failure: the key was used meanwhile), its link and an erasure. */
    public static final TxTag TAG = TxTag.of("idempotency");
    public static final TxTag LINK_TAG = TxTag.of("idempotency-link");
    static final TxTag ERASE_TAG = TxTag.of("idempotency-erase");
    public static final String SORT = "IDEMPOTENCY";
    public static final Duration RETENTION = Duration.ofHours(24);
    public static final String REQUEST_HASH = "requestHash";
    public static final String RESPONSE = "response";
    /** Set on a record whose response was removed by a client's erasure. */
    public static final String ERASED = "erased";
    public static final String LINK_TYPE = "IdempotencyLink";

    private IdempotencyItem() {
    }

    public static Map<String, AttributeValue> key(String userId, String idempotencyKey) {
        return Attr.key(PREFIX + userId + "#" + idempotencyKey, SORT);
    }

    public static Map<String, AttributeValue> toItem(String userId, String idempotencyKey, String requestHash,
                                                     String responseJson, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(key(userId, idempotencyKey));
        item.put(Attr.TYPE, Attr.s("Idempotency"));
        item.put(REQUEST_HASH, Attr.s(requestHash));
        item.put(RESPONSE, Attr.s(responseJson));
        item.put(Attr.EXPIRES_AT, Attr.n(now.plus(RETENTION).getEpochSecond()));
        return item;
    }

    /** A stored record as read: what a replay decides on. */
    public record Stored(String requestHash, String responseJson, long expiresAt, boolean erased) {
    }

    public static Stored fromItem(Map<String, AttributeValue> item) {
        return new Stored(Attr.str(item, REQUEST_HASH), Attr.str(item, RESPONSE), Attr.num(item, Attr.EXPIRES_AT, 0),
                item.containsKey(ERASED));
    }

    /** The link of a stored response to the booking it names: under the booking's partition, same expiry. */
    public static Map<String, AttributeValue> link(String bookingPartition, String userId, String idempotencyKey,
                                                   Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(Attr.key(bookingPartition, PREFIX + userId + "#" + idempotencyKey));
        item.put(Attr.TYPE, Attr.s(LINK_TYPE));
        item.put(Attr.EXPIRES_AT, Attr.n(now.plus(RETENTION).getEpochSecond()));
        return item;
    }

    /**
     * Adds to {@code tx}: the linked record loses its stored response (keeping key, request hash and expiry; a record
     * that expired and was removed meanwhile comes back only as an already expired stub), and the link goes.
     */
    public static void erase(Transaction tx, Map<String, AttributeValue> link) {
        String recordPk = Attr.str(link, Attr.SK);
        tx.update(ERASE_TAG, Attr.key(recordPk, SORT), Expression
                .update("SET #erased = :yes, #expires = if_not_exists(#expires, :expires) REMOVE #response")
                .name("#erased", ERASED).name("#expires", Attr.EXPIRES_AT).name("#response", RESPONSE)
                .value(":yes", AttributeValue.fromBool(true))
                .value(":expires", link.getOrDefault(Attr.EXPIRES_AT, Attr.n(0))));
        tx.delete(LINK_TAG, Map.of(Attr.PK, link.get(Attr.PK), Attr.SK, link.get(Attr.SK)), null);
    }
}
