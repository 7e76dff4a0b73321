package com.practicecal.shared.audit;

import com.practicecal.shared.store.Attr;
import com.practicecal.shared.store.DynamoTable;
import jakarta.inject.Singleton;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The audit table: entries written only by the audit writer function (IAM in template.yaml), read by the audit API.
 * The audit API may write nothing but its verification checkpoints (items under {@code CHECKPOINT#}, an IAM
 * {@code dynamodb:LeadingKeys} condition).
 */
@Singleton
public class AuditTable extends DynamoTable {
    /** A checkpoint only moves forward. */
    static final String CHECKPOINT_ADVANCES = "attribute_not_exists(#seq) OR #seq < :seq";
    private final DynamoDbClient dynamo;

    public AuditTable(DynamoDbClient dynamo, AuditSettings settings) {
        super(dynamo, settings.auditTable());
        this.dynamo = dynamo;
    }

    /** Stores the checkpoint unless a later one is already stored (a concurrent verification got further). */
    public void saveCheckpoint(String accountId, long seq, String hash, java.time.Instant at) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(AuditItem.checkpointKey(accountId));
        item.put(Attr.TYPE, Attr.s("AuditCheckpoint"));
        item.put(AuditItem.SEQ, Attr.n(seq));
        item.put(AuditItem.HASH, Attr.s(hash));
        item.put("verifiedAt", Attr.s(at.toString()));
        try {
            dynamo.putItem(b -> b.tableName(name()).item(item).conditionExpression(CHECKPOINT_ADVANCES)
                    .expressionAttributeNames(Map.of("#seq", AuditItem.SEQ))
                    .expressionAttributeValues(Map.of(":seq", Attr.n(seq))));
        } catch (ConditionalCheckFailedException later) {
            // another verification stored a later checkpoint: keep it
        }
    }
}
