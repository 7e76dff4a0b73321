package com.practicecal.shared.audit;

import com.practicecal.shared.event.OutboxEvent;
import com.practicecal.shared.store.Attr;
import com.practicecal.shared.store.Condition;
import com.practicecal.shared.store.Expression;
import com.practicecal.shared.store.TransactionFailedException;
import jakarta.inject.Singleton;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Appends events to an account's hash-chained audit log. One append = read the chain head, then one
 * transaction: advance the head (condition: unchanged), put the entry, put the event marker (condition: new).
 * A redelivered event fails only the marker condition and is acknowledged without writing anything.
 */
@Singleton
public class AuditLog {
    static final String HEAD_UNCHANGED = "attribute_not_exists(#seq) OR #seq = :expected";
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
            Map<String, AttributeValue> head = table.get(AuditItem.headKey(event.accountId())).orElse(Map.of());
            long seq = Attr.num(head, AuditItem.SEQ, 0);
            String prevHash = head.isEmpty() ? HashChain.GENESIS : Attr.str(head, AuditItem.HASH);
            AuditEntry entry = HashChain.seal(new AuditEntry(seq + 1, event.eventId(), event.accountId(),
                    new AuditEntry.Actor(event.actorUserId(), event.actorKind()), event.onBehalfOf(), event.action(),
                    new AuditEntry.Target(event.targetType(), event.targetId()), event.at(), event.changes(),
                    event.operationId(), event.channel(), event.requestId(), prevHash, null));
            try {
                table.write(table.transaction()
                        .put(AuditItem.MARKER_TAG, Map.of("PK", AuditItem.markerKey(event.eventId()).get("PK"),
                                "SK", AuditItem.markerKey(event.eventId()).get("SK"),
                                "seq", Attr.n(entry.seq()), "accountId", Attr.s(event.accountId())),
                                Condition.NEW_ITEM)
                        .update(AuditItem.HEAD_TAG, AuditItem.headKey(event.accountId()),
                                Expression.update("SET #seq = :seq, #hash = :hash").when(HEAD_UNCHANGED)
                                        .name("#seq", AuditItem.SEQ).name("#hash", AuditItem.HASH)
                                        .value(":seq", Attr.n(entry.seq())).value(":hash", Attr.s(entry.hash()))
                                        .value(":expected", Attr.n(seq)))
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
