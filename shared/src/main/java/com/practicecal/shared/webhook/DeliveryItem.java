package com.practicecal.shared.webhook;

import com.practicecal.shared.store.Attr;
import com.practicecal.shared.store.TxTag;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Storage form of {@link Delivery}: PK {@code WEBHOOK#<endpointId>}, SK {@code DELIVERY#<deliveryId>}; ids start
 * with the event time, so a query in reverse order lists the newest first. Expires after {@link #RETENTION}.
 */
public final class DeliveryItem {
    /** Transaction tag of a webhook delivery. */
    public static final TxTag TAG = TxTag.of("delivery");
    public static final String PREFIX = "WEBHOOK#";
    public static final String SORT_PREFIX = "DELIVERY#";
    public static final String TYPE = "WebhookDelivery";
    public static final String STATUS = "deliveryStatus";
    public static final String ATTEMPTS = "attempts";
    public static final String LAST_CODE = "lastResponseCode";
    public static final String LAST_ERROR = "lastError";
    public static final String NEXT_RETRY_AT = "nextRetryAt";
    public static final String UPDATED_AT = "updatedAt";
    public static final Duration RETENTION = Duration.ofDays(30);

    private DeliveryItem() {
    }

    public static Map<String, AttributeValue> key(String endpointId, String deliveryId) {
        return Attr.key(PREFIX + endpointId, SORT_PREFIX + deliveryId);
    }

    /**
     * Deterministic per (event, endpoint), so a redelivered integration-queue message creates no second delivery:
     * {@code msg_<event time, ms, 13 digits>_<16 hex of SHA-256(eventId:endpointId)>}.
     */
    public static String deliveryId(Instant eventAt, String eventId, String endpointId) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest((eventId + ":" + endpointId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return String.format("msg_%013d_%s", eventAt.toEpochMilli(), HexFormat.of().formatHex(hash, 0, 8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, AttributeValue> toItem(Delivery d) {
        Map<String, AttributeValue> item = new HashMap<>(key(d.endpointId(), d.id()));
        item.put(Attr.TYPE, Attr.s(TYPE));
        item.put("deliveryId", Attr.s(d.id()));
        item.put("webhookId", Attr.s(d.endpointId()));
        item.put("accountId", Attr.s(d.accountId()));
        item.put("eventId", Attr.s(d.eventId()));
        item.put("eventType", Attr.s(d.eventType()));
        item.put("payload", Attr.s(d.payload()));
        item.put(STATUS, Attr.s(d.status().name()));
        item.put(ATTEMPTS, Attr.n(d.attempts()));
        if (d.lastResponseCode() != null) {
            item.put(LAST_CODE, Attr.n(d.lastResponseCode()));
        }
        if (d.lastError() != null) {
            item.put(LAST_ERROR, Attr.s(d.lastError()));
        }
        if (d.nextRetryAt() != null) {
            item.put(NEXT_RETRY_AT, Attr.s(d.nextRetryAt().toString()));
        }
        item.put("createdAt", Attr.s(d.createdAt().toString()));
        item.put(UPDATED_AT, Attr.s(d.updatedAt().toString()));
        item.put(Attr.EXPIRES_AT, Attr.n(d.createdAt().plus(RETENTION).getEpochSecond()));
        return item;
    }

    public static Delivery fromItem(Map<String, AttributeValue> item) {
        AttributeValue code = item.get(LAST_CODE);
        return new Delivery(Attr.str(item, "deliveryId"), Attr.str(item, "webhookId"), Attr.str(item, "accountId"),
                Attr.str(item, "eventId"), Attr.str(item, "eventType"), Attr.str(item, "payload"),
                DeliveryStatus.valueOf(Attr.str(item, STATUS)), (int) Attr.num(item, ATTEMPTS, 0),
                code == null ? null : Integer.valueOf(code.n()), Attr.str(item, LAST_ERROR),
                EndpointItem.instant(item, NEXT_RETRY_AT), EndpointItem.instant(item, "createdAt"),
                EndpointItem.instant(item, UPDATED_AT));
    }
}
