package com.practicecal.shared.audit;

import com.practicecal.shared.store.DynamoTable;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The audit table: written only by the audit writer function (IAM in template.yaml), read by the audit API. */
@Singleton
public class AuditTable extends DynamoTable {
    public AuditTable(DynamoDbClient dynamo, AuditSettings settings) {
        super(dynamo, settings.auditTable());
    }
}
