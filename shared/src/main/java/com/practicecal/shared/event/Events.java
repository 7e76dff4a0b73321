package com.practicecal.shared.event;

import com.practicecal.shared.auth.Actor;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Builds outbox events for one operation; all events of one operation share its operation id. */
public final class Events {
    private final Actor actor;
    private final String requestId;
    private final String operationId = UUID.randomUUID().toString();
    private final Instant at;

    public Events(Actor actor, String requestId, Instant at) {
        this.actor = actor;
        this.requestId = requestId;
        this.at = at;
    }

    public OutboxEvent event(String accountId, String action, String targetType, String targetId,
                             Map<String, Change> changes) {
        return new OutboxEvent(UUID.randomUUID().toString(), accountId, action, targetType, targetId, actor.userId(),
                actor.kind(), actor.channel(), operationId, requestId, at, changes, actor.onBehalfOf());
    }
}
