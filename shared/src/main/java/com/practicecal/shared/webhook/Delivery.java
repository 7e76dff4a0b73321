package com.practicecal.shared.webhook;

import java.time.Instant;

/**
 * One event for one endpoint. Its id is the {@code webhook-id} header on every attempt and redelivery, so receivers
 * can deduplicate; the payload is fixed at creation, so every attempt sends the same bytes.
 */
public record Delivery(String id, String endpointId, String accountId, String eventId, String eventType,
                       String payload, DeliveryStatus status, int attempts, Integer lastResponseCode, String lastError,
                       Instant nextRetryAt, Instant createdAt, Instant updatedAt) {
}
