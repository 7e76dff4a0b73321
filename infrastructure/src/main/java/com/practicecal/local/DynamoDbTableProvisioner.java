package com.practicecal.local;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * {@code AWS::DynamoDB::Table}: keys, attribute definitions, GSIs/LSIs, billing mode, stream and TTL. The physical
 * name is always {@code <stack>-<LogicalId>}, so any number of test stacks share one moto.
 */
final class DynamoDbTableProvisioner implements ResourceProvisioner {
    static final String TYPE = "AWS::DynamoDB::Table";
    private static final Set<String> APPLIED = Set.of("AttributeDefinitions", "KeySchema", "BillingMode",
            "ProvisionedThroughput", "GlobalSecondaryIndexes", "LocalSecondaryIndexes", "StreamSpecification",
            "TimeToLiveSpecification", "TableName");
    private static final Set<String> IRRELEVANT = Set.of("PointInTimeRecoverySpecification", "SSESpecification",
            "Tags", "DeletionProtectionEnabled", "ContributorInsightsSpecification", "TableClass",
            "KinesisStreamSpecification", "ResourcePolicy", "WarmThroughput", "OnDemandThroughput");

    private final DynamoDbClient dynamo;

    DynamoDbTableProvisioner(DynamoDbClient dynamo) {
        this.dynamo = dynamo;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    @SuppressWarnings("unchecked")
    public ProvisionedResource provision(CfnResource resource, StackResolver resolver) {
        PropertyCheck.warnAboutUnhandled(resource, APPLIED, IRRELEVANT);
        Map<String, Object> props = (Map<String, Object>) resolver.resolve(resource.properties());
        // An explicit TableName is ignored on purpose: fixed names would make parallel stacks collide.
        String name = resolver.stackName() + "-" + resource.logicalId();
        CreateTableRequest request = createRequest(name, props);
        boolean adopted = false;
        try {
            dynamo.createTable(request);
        } catch (ResourceInUseException exists) {
            adopted = true;
        }
        TableDescription table = dynamo.waiter().waitUntilTableExists(b -> b.tableName(name)).matched().response()
                .orElseThrow(() -> new IllegalStateException("table " + name + " did not become available"))
                .table();
        if (adopted) {
            requireSameShape(resource, request, table);
        }
        enableTimeToLive(name, Values.map(props, "TimeToLiveSpecification"));

        Map<String, String> attributes = new HashMap<>();
        attributes.put("Arn", table.tableArn());
        if (table.latestStreamArn() != null) {
            attributes.put("StreamArn", table.latestStreamArn());
        }
        return new ProvisionedResource(resource.logicalId(), TYPE, name, attributes, adopted);
    }

    static CreateTableRequest createRequest(String name, Map<String, Object> props) {
        BillingMode billing = BillingMode.fromValue(Values.string(props, "BillingMode").orElse("PROVISIONED"));
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(name)
                .billingMode(billing)
                .attributeDefinitions(Values.maps(props, "AttributeDefinitions").stream()
                        .map(a -> AttributeDefinition.builder()
                                .attributeName(Values.string(a, "AttributeName").orElseThrow())
                                .attributeType(Values.string(a, "AttributeType").orElseThrow()).build())
                        .toList())
                .keySchema(keySchema(props));
        if (billing == BillingMode.PROVISIONED) {
            request.provisionedThroughput(throughput(props));
        }
        List<GlobalSecondaryIndex> gsis = Values.maps(props, "GlobalSecondaryIndexes").stream()
                .map(index -> {
                    GlobalSecondaryIndex.Builder gsi = GlobalSecondaryIndex.builder()
                            .indexName(Values.string(index, "IndexName").orElseThrow())
                            .keySchema(keySchema(index))
                            .projection(projection(index));
                    if (billing == BillingMode.PROVISIONED) {
                        gsi.provisionedThroughput(throughput(index));
                    }
                    return gsi.build();
                }).toList();
        if (!gsis.isEmpty()) {
            request.globalSecondaryIndexes(gsis);
        }
        List<LocalSecondaryIndex> lsis = Values.maps(props, "LocalSecondaryIndexes").stream()
                .map(index -> LocalSecondaryIndex.builder()
                        .indexName(Values.string(index, "IndexName").orElseThrow())
                        .keySchema(keySchema(index))
                        .projection(projection(index)).build())
                .toList();
        if (!lsis.isEmpty()) {
            request.localSecondaryIndexes(lsis);
        }
        Values.string(Values.map(props, "StreamSpecification"), "StreamViewType").ifPresent(view ->
                request.streamSpecification(StreamSpecification.builder().streamEnabled(true)
                        .streamViewType(view).build()));
        return request.build();
    }

    private static List<KeySchemaElement> keySchema(Map<String, Object> owner) {
        return Values.maps(owner, "KeySchema").stream()
                .map(k -> KeySchemaElement.builder()
                        .attributeName(Values.string(k, "AttributeName").orElseThrow())
                        .keyType(Values.string(k, "KeyType").orElseThrow()).build())
                .toList();
    }

    private static Projection projection(Map<String, Object> index) {
        Map<String, Object> projection = Values.map(index, "Projection");
        Projection.Builder builder = Projection.builder()
                .projectionType(Values.string(projection, "ProjectionType").orElse("KEYS_ONLY"));
        List<String> nonKey = Values.strings(projection, "NonKeyAttributes");
        if (!nonKey.isEmpty()) {
            builder.nonKeyAttributes(nonKey);
        }
        return builder.build();
    }

    private static ProvisionedThroughput throughput(Map<String, Object> owner) {
        Map<String, Object> throughput = Values.map(owner, "ProvisionedThroughput");
        return ProvisionedThroughput.builder()
                .readCapacityUnits(Values.number(throughput, "ReadCapacityUnits").orElse(5L))
                .writeCapacityUnits(Values.number(throughput, "WriteCapacityUnits").orElse(5L)).build();
    }

    /** TTL is its own API call; DynamoDB refuses to enable it twice, so look first. */
    private void enableTimeToLive(String table, Map<String, Object> ttl) {
        if (!Values.bool(ttl, "Enabled").orElse(false)) {
            return;
        }
        String attribute = Values.string(ttl, "AttributeName").orElseThrow();
        var current = dynamo.describeTimeToLive(b -> b.tableName(table)).timeToLiveDescription();
        boolean enabled = current.timeToLiveStatus() == TimeToLiveStatus.ENABLED
                || current.timeToLiveStatus() == TimeToLiveStatus.ENABLING;
        if (enabled && attribute.equals(current.attributeName())) {
            return;
        }
        dynamo.updateTimeToLive(b -> b.tableName(table)
                .timeToLiveSpecification(s -> s.attributeName(attribute).enabled(true)));
    }

    /** A table left over from an older template would fail in confusing ways later; fail here instead. */
    private static void requireSameShape(CfnResource resource, CreateTableRequest wanted, TableDescription actual) {
        Set<String> wantedIndexes = wanted.globalSecondaryIndexes().stream().map(GlobalSecondaryIndex::indexName)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> actualIndexes = actual.globalSecondaryIndexes().stream()
                .map(GlobalSecondaryIndexDescription::indexName).collect(Collectors.toCollection(TreeSet::new));
        if (!wanted.keySchema().equals(actual.keySchema()) || !wantedIndexes.equals(actualIndexes)) {
            throw new IllegalStateException("table " + wanted.tableName() + " (" + resource.logicalId()
                    + ") already exists with another key schema or GSIs " + actualIndexes + " than template.yaml "
                    + wantedIndexes + "; restart moto or use another stack name");
        }
    }

    @Override
    public void delete(ProvisionedResource resource) {
        try {
            dynamo.deleteTable(b -> b.tableName(resource.physicalId()));
        } catch (ResourceNotFoundException gone) {
            // already deleted: nothing to do
        }
    }
}
