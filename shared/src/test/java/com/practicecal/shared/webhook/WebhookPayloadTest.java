package com.practicecal.shared.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.practicecal.shared.event.Change;
import com.practicecal.shared.event.OutboxEvent;
import com.practicecal.shared.json.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookPayloadTest {
    @Test
    void carriesIdsTimesRoomAndStatusButNothingElse() {
        Map<String, Change> changes = new LinkedHashMap<>();
        changes.put("start", new Change("2026-05-01T08:00:00Z", "2026-05-01T09:00:00Z"));
        changes.put("roomId", new Change(null, "room-1"));
        changes.put("status", new Change(null, "CONFIRMED"));
        changes.put("clientEmail", new Change(null, "client@example.org"));
        changes.put("notes", new Change(null, "private"));
        OutboxEvent event = new OutboxEvent("e1", "acc", "booking.moved", "booking", "b1", "u1", "owner", "api",
                "op", "req", Instant.parse("2026-04-01T10:00:00Z"), changes);
        JsonNode body = Json.tree(WebhookPayload.of(event));
        assertThat(body.path("type").asText()).isEqualTo("booking.moved");
        assertThat(body.path("timestamp").asText()).isEqualTo("2026-04-01T10:00:00Z");
        JsonNode data = body.path("data");
        assertThat(data.path("bookingId").asText()).isEqualTo("b1");
        assertThat(data.path("roomId").asText()).isEqualTo("room-1");
        assertThat(data.path("start").asText()).isEqualTo("2026-05-01T09:00:00Z");
        assertThat(data.path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(data.path("changes").path("start").path("from").asText()).isEqualTo("2026-05-01T08:00:00Z");
        assertThat(body.toString()).doesNotContain("client@example.org").doesNotContain("private")
                .doesNotContain("clientEmail");
    }

    @Test
    void grantEventsCarryTheGrantAndItsScopesOnly() {
        OutboxEvent event = new OutboxEvent("e2", "acc", "grant.created", "grant", "user-7", "u1", "owner", "api",
                "op", "req", Instant.parse("2026-04-01T10:00:00Z"),
                Map.of("scopes", new Change(null, "appointments:write"), "granteeEmail", new Change(null, "x@y.de")));
        JsonNode body = Json.tree(WebhookPayload.of(event));
        assertThat(WebhookEventTypes.supported("grant.created")).isTrue();
        assertThat(body.path("data").path("grantId").asText()).isEqualTo("user-7");
        assertThat(body.path("data").path("scopes").asText()).isEqualTo("appointments:write");
        assertThat(body.toString()).doesNotContain("x@y.de");
    }
}
