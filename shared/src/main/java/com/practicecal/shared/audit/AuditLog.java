package com.practicecal.shared.audit;

import com.practicecal.shared.event.OutboxEvent;
import com.practicecal.shared.store.Condition;
import com.practicecal.shared.store.TransactionFailedException;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Appends events to an account's hash-chained audit log. One append = read the chain head, then one
 * transaction: advance the head (condition: unchanged), put the entry, put the event marker (condition: new).
 * A redelivered event fails only the marker condition and is acknowledged without writing anything.
 */
@Singleton
public class AuditLog {
    private static final int MAX_ATTEMPTS = 3;

    private final AuditTable table;
    private final AuditSettings settings;

    public AuditLog(AuditTable table, AuditSettings settings) {
        this.table = table;
        this.settings = settings;
    }

    public enum Outcome { APPENDED, DUPLICATE }

    public Outcome append(OutboxEvent event) {
        for (int attempt = 1; ; attempt++) {
            Optional<AuditItem.Position> head = table.get(AuditItem.headKey(event.accountId()))
                    .map(AuditItem::headPosition);
            long seq = head.map(AuditItem.Position::seq).orElse(0L);
            String prevHash = head.isEmpty() ? HashChain.GENESIS : head.get().hash();
            AuditEntry entry = HashChain.seal(new AuditEntry(seq + 1, event.eventId(), event.accountId(),
                    new AuditEntry.Actor(event.actorUserId(), event.actorKind()), event.onBehalfOf(), event.action(),
                    new AuditEntry.Target(event.targetType(), event.targetId()), event.at(), event.changes(),
                    event.operationId(), event.channel(), event.requestId(), prevHash, null));
            try {
                table.write(table.transaction()
                        .put(AuditItem.MARKER_TAG, AuditItem.markerItem(event.eventId(), entry.seq(), event.accountId()),
                                Condition.NEW_ITEM)
                        .update(AuditItem.HEAD_TAG, AuditItem.headKey(event.accountId()),
                                AuditItem.advanceHead(seq, entry))
                        .put(AuditItem.ENTRY_TAG, AuditItem.toItem(entry, settings.retention()), Condition.NEW_ITEM));
                return Outcome.APPENDED;
            } catch (TransactionFailedException failure) {
                if (failure.failed(AuditItem.MARKER_TAG)) {
                    return Outcome.DUPLICATE;
                }
                if (attempt >= MAX_ATTEMPTS) {
                    throw new IllegalStateException("audit chain head of account moved " + attempt + " times");
                }
            }
        }
    }
}
