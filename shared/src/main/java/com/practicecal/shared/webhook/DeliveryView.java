package com.practicecal.shared.webhook;

import java.time.Instant;
import java.util.List;

/** A delivery in GET /v1/webhooks/{id}/deliveries: status, attempts, last response code, next retry. */
public record DeliveryView(String id, String eventId, String eventType, DeliveryStatus status, int attempts,
                           Integer lastResponseCode, String lastError, Instant nextRetryAt, Instant createdAt,
                           Instant updatedAt) {
    public static DeliveryView of(Delivery d) {
        return new DeliveryView(d.id(), d.eventId(), d.eventType(), d.status(), d.attempts(), d.lastResponseCode(),
                d.lastError(), d.nextRetryAt(), d.createdAt(), d.updatedAt());
    }

    public record Page(List<DeliveryView> items) {
    }
}
