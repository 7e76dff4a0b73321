package com.practicecal.shared.event;

import com.practicecal.shared.store.Transaction;
import com.practicecal.shared.store.TxTag;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/** Builds outbox events for one operation; all events of one operation share its operation id. */
public final class Events {
    /** The transaction tag of outbox items (they carry no condition, so the tag never names a failure). */
    public static final TxTag TAG = TxTag.of("event");

    private final Actor actor;
    private final String requestId;
    private final String operationId = UUID.randomUUID().toString();
    private final Instant at;

    public Events(Actor actor, String requestId, Instant at) {
        this.actor = actor;
        this.requestId = requestId;
        this.at = at;
    }

    /**
     * Puts the outbox item of {@link #event} into a transaction: {@code tx.with(events.emit(...))}, the one way a
     * change publishes its event (in the change's own transaction).
     */
    public Consumer<Transaction> emit(String accountId, String action, String targetType, String targetId,
                                      Map<String, Change> changes) {
        OutboxEvent event = event(accountId, action, targetType, targetId, changes);
        return tx -> tx.put(TAG, OutboxItem.toItem(event), null);
    }

    public OutboxEvent event(String accountId, String action, String targetType, String targetId,
                             Map<String, Change> changes) {
        return new OutboxEvent(UUID.randomUUID().toString(), accountId, action, targetType, targetId, actor.userId(),
                actor.kind(), actor.channel(), operationId, requestId, at, changes, actor.onBehalfOf());
    }
}
