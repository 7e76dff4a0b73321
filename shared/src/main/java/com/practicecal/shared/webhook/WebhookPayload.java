package com.practicecal.shared.webhook;

import com.practicecal.shared.event.Change;
import com.practicecal.shared.event.OutboxEvent;
import com.practicecal.shared.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON body of a delivery, Standard Webhooks style: {@code {type, timestamp, data}}. {@code data} carries the
 * target id and, from the event's changed fields, only ids, times, room, service and status (their new values, plus
 * the old ones under {@code changes}): never client contact data or notes, even if an event carried them.
 */
public final class WebhookPayload {
    /** Fields that may leave the system; anything else in an event's changes is dropped. */
    static final List<String> FIELDS = List.of("roomId", "serviceId", "start", "end", "status", "scopes", "seriesId");

    private WebhookPayload() {
    }

    public static String of(OutboxEvent event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(event.targetType() + "Id", event.targetId());
        Map<String, Object> changes = new LinkedHashMap<>();
        Map<String, Change> source = event.changes() == null ? Map.of() : event.changes();
        for (String field : FIELDS) {
            Change change = source.get(field);
            if (change == null) {
                continue;
            }
            if (change.to() != null) {
                data.put(field, change.to());
            }
            Map<String, Object> fromTo = new LinkedHashMap<>();
            fromTo.put("from", change.from());
            fromTo.put("to", change.to());
            changes.put(field, fromTo);
        }
        data.put("changes", changes);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", event.action());
        body.put("timestamp", event.at().toString());
        body.put("data", data);
        return Json.write(body);
    }
}
