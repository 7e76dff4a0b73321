package com.practicecal.shared.booking;

import com.practicecal.shared.store.Attr;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The first response to an {@code Idempotency-Key}, written in the same transaction as the change:
 * PK {@code IDEMPOTENCY#<userId>#<key>}, SK {@code IDEMPOTENCY}. Keys are scoped to the user who sent them.
 */
public final class IdempotencyItem {
    public static final String PREFIX = "IDEMPOTENCY#";
    public static final String SORT = "IDEMPOTENCY";
    public static final Duration RETENTION = Duration.ofHours(24);
    public static final String REQUEST_HASH = "requestHash";
    public static final String RESPONSE = "response";

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
}
