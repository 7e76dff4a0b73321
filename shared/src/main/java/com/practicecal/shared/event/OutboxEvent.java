package com.practicecal.shared.event;

import java.time.Instant;
import java.util.Map;

/**
 * A domain event written in the same transaction as the change it describes (transactional outbox). Carries
 * ids and changed fields only; the audit pipeline and webhooks consume it from the table's stream.
 */
public record OutboxEvent(String eventId, String accountId, String action, String targetType, String targetId,
                          String actorUserId, String actorKind, String channel, String operationId, String requestId,
                          Instant at, Map<String, Change> changes, String onBehalfOf) {
    public OutboxEvent(String eventId, String accountId, String action, String targetType, String targetId,
                       String actorUserId, String actorKind, String channel, String operationId, String requestId,
                       Instant at, Map<String, Change> changes) {
        this(eventId, accountId, action, targetType, targetId, actorUserId, actorKind, channel, operationId, requestId,
                at, changes, null);
    }
}
