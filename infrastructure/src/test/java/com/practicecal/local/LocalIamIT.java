package com.practicecal.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The local API runs each function under its template.yaml policy: the functions' own SDK client (the bean they
 * are injected with) refuses, as AWS would, what the policy does not allow — so every other IT checks the
 * least-privilege policies on the way.
 */
class LocalIamIT extends LocalStackIT {
    private final DynamoDbClient functionsClient = local.api().applicationContext().getBean(DynamoDbClient.class);
    private final String table = local.tableName();
    private final Map<String, AttributeValue> key = Map.of("PK", AttributeValue.fromS("LOCAL-IAM#probe"),
            "SK", AttributeValue.fromS("PROBE"));

    @Test
    void aFunctionMayCallWhatItsPolicyAllows() {
        // AuditFunction: BatchGetItem on the table (to resolve the caller)
        local.api().iam().as("AuditFunction", () -> functionsClient.batchGetItem(b -> b.requestItems(
                Map.of(table, KeysAndAttributes.builder().keys(List.of(key)).build()))));
    }

    @Test
    void anythingElseIsRefusedAndRecorded() {
        LocalIam iam = local.api().iam();
        assertThatThrownBy(() -> iam.as("AuditFunction", () -> functionsClient.query(q -> q.tableName(table)
                .indexName("GSI1").keyConditionExpression("GSI1PK = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("x"))))))
                .isInstanceOf(SdkClientException.class)
                .hasMessageContaining("AuditFunction is not allowed dynamodb:Query on")
                .hasMessageContaining("/index/GSI1");
        // a transaction needs each item's action: the audit function may not update the table
        TransactWriteItem update = TransactWriteItem.builder().update(Update.builder().tableName(table).key(key)
                .updateExpression("SET probe = :p").expressionAttributeValues(Map.of(":p", AttributeValue.fromS("x")))
                .build()).build();
        assertThatThrownBy(() -> iam.as("AuditFunction",
                () -> functionsClient.transactWriteItems(t -> t.transactItems(update))))
                .hasMessageContaining("dynamodb:UpdateItem");
        assertThat(iam.denials()).anySatisfy(d -> assertThat(d).contains("AuditFunction", "dynamodb:UpdateItem"));
        // outside a function (test set-up) nothing is checked
        assertThat(functionsClient.getItem(g -> g.tableName(table).key(key)).hasItem()).isFalse();
    }
}
