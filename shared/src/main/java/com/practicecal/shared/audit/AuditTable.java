package com.practicecal.shared.audit;

import com.practicecal.shared.store.Condition;
import com.practicecal.shared.store.DynamoTable;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The audit table: entries written only by the audit writer function (IAM in template.yaml), read by the audit API.
 * The audit API may write nothing but its verification checkpoints (items under {@code CHECKPOINT#}, an IAM
 * {@code dynamodb:LeadingKeys} condition).
 */
@Singleton
public class AuditTable extends DynamoTable {
    /** A checkpoint only moves forward. */
    static final String CHECKPOINT_ADVANCES = "attribute_not_exists(#seq) OR #seq < :seq";

    public AuditTable(DynamoDbClient dynamo, AuditSettings settings) {
        super(dynamo, settings.auditTable());
    }

    /** Stores the checkpoint unless a later one is already stored (a concurrent verification got further). */
    public void saveCheckpoint(String accountId, long seq, String hash, java.time.Instant at) {
        // false: another verification stored a later checkpoint; keep it
        putIf(AuditItem.checkpointItem(accountId, seq, hash, at),
                Condition.of(CHECKPOINT_ADVANCES).name("#seq", AuditItem.SEQ).value(":seq", seq));
    }
}
