package com.practicecal.shared.event;

import com.practicecal.shared.json.Json;
import com.practicecal.shared.store.Attr;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Storage form of {@link OutboxEvent}: PK {@code OUTBOX#<eventId>}, SK {@code EVENT}; expires after delivery by TTL. */
public final class OutboxItem {
    public static final String PREFIX = "OUTBOX#";
    public static final String SORT = "EVENT";
    public static final String TYPE = "OutboxEvent";
    /** Long enough for the stream relay to retry through any outage the stream's 24 h retention survives. */
    public static final Duration RETENTION = Duration.ofDays(7);

    private OutboxItem() {
    }

    public static Map<String, AttributeValue> toItem(OutboxEvent event) {
        Map<String, AttributeValue> item = new HashMap<>(Attr.key(PREFIX + event.eventId(), SORT));
        item.put(Attr.TYPE, Attr.s(TYPE));
        item.put("eventId", Attr.s(event.eventId()));
        item.put("accountId", Attr.s(event.accountId()));
        item.put("action", Attr.s(event.action()));
        item.put("payload", Attr.s(Json.write(event)));
        item.put(Attr.EXPIRES_AT, Attr.n(event.at().plus(RETENTION).getEpochSecond()));
        return item;
    }

    public static OutboxEvent fromItem(Map<String, AttributeValue> item) {
        return read(Attr.str(item, "payload"));
    }

    /** Parses an event as carried in the outbox item, the stream and the queues. */
    public static OutboxEvent read(String payload) {
        try {
            return Json.MAPPER.readValue(payload, OutboxEvent.class);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("unreadable outbox event", e);
        }
    }
}
