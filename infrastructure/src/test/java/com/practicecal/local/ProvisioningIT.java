package com.practicecal.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.practicecal.shared.account.PasswordPolicy;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PasswordPolicyType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * What the provisioner creates is what template.yaml declares, checked against {@link SamTemplate} (not a
 * hand-written list), and the pool's password policy is the one sign-up enforces ({@link PasswordPolicy}).
 */
class ProvisioningIT extends LocalStackIT {
    private final SamTemplate template = local.stack().template();
    private final ProvisionedStack stack = local.stack();

    @Test
    void everyResourceIsProvisionedOrExplicitlyLeftToTheRunner() {
        Set<String> provisioned = stack.physicalIds().keySet();
        Set<String> supported = Set.of(DynamoDbTableProvisioner.TYPE, SqsQueueProvisioner.TYPE,
                CognitoUserPoolProvisioner.TYPE, CognitoUserPoolClientProvisioner.TYPE, SecretsManagerSecretProvisioner.TYPE,
                SesEmailIdentityProvisioner.TYPE);
        for (CfnResource resource : template.resources().values()) {
            if (supported.contains(resource.type())) {
                assertThat(provisioned).as("provisioned").contains(resource.logicalId());
            } else {
                assertThat(stack.skipped()).as("why %s is not provisioned", resource.logicalId())
                        .containsKey(resource.logicalId());
            }
        }
        template.functions().forEach(f -> assertThat(stack.skipped().get(f.logicalId()))
                .startsWith("played by the local runner"));
    }

    @Test
    void tablesHaveTheDeclaredKeysIndexesStreamsAndTtl() {
        List<CfnResource> tables = template.resourcesOfType(DynamoDbTableProvisioner.TYPE);
        assertThat(tables).isNotEmpty();
        for (CfnResource table : tables) {
            String name = stack.physicalId(table.logicalId());
            assertThat(name).isEqualTo(stack.name() + "-" + table.logicalId());
            @SuppressWarnings("unchecked")
            CreateTableRequest declared = DynamoDbTableProvisioner.createRequest(name,
                    (Map<String, Object>) stack.resolve(table.properties()));
            TableDescription actual = local.dynamo().describeTable(b -> b.tableName(name)).table();

            assertThat(actual.keySchema()).as("%s keys", name).isEqualTo(declared.keySchema());
            assertThat(new HashSet<>(actual.attributeDefinitions())).as("%s attributes", name)
                    .isEqualTo(new HashSet<>(declared.attributeDefinitions()));
            assertThat(actual.billingModeSummary() == null ? null : actual.billingModeSummary().billingMode())
                    .as("%s billing", name).isEqualTo(declared.billingMode());
            assertThat(indexes(actual)).as("%s GSIs", name).isEqualTo(declaredIndexes(declared));

            boolean streamDeclared = table.property("StreamSpecification", "StreamViewType").isPresent();
            assertThat(actual.streamSpecification() != null && actual.streamSpecification().streamEnabled())
                    .as("%s stream", name).isEqualTo(streamDeclared);
            if (streamDeclared) {
                assertThat(actual.streamSpecification().streamViewTypeAsString())
                        .isEqualTo(table.property("StreamSpecification", "StreamViewType").orElseThrow());
                assertThat(stack.streamArns()).containsEntry(table.logicalId(), actual.latestStreamArn());
            }

            TimeToLiveDescription ttl = local.dynamo().describeTimeToLive(b -> b.tableName(name))
                    .timeToLiveDescription();
            if (Boolean.TRUE.equals(table.property("TimeToLiveSpecification", "Enabled").orElse(false))) {
                assertThat(ttl.timeToLiveStatusAsString()).as("%s TTL", name).isIn("ENABLED", "ENABLING");
                assertThat(ttl.attributeName())
                        .isEqualTo(table.property("TimeToLiveSpecification", "AttributeName").orElseThrow());
            }
        }
    }

    private static Map<String, Object> indexes(TableDescription table) {
        return table.globalSecondaryIndexes().stream().collect(Collectors.toMap(
                GlobalSecondaryIndexDescription::indexName,
                i -> List.of(i.keySchema(), i.projection().projectionTypeAsString())));
    }

    private static Map<String, Object> declaredIndexes(CreateTableRequest table) {
        return table.globalSecondaryIndexes().stream().collect(Collectors.toMap(GlobalSecondaryIndex::indexName,
                i -> List.of(i.keySchema(), i.projection().projectionTypeAsString())));
    }

    @Test
    void queuesHaveTheDeclaredAttributesAndRedrivePolicies() throws Exception {
        for (CfnResource queue : template.resourcesOfType(SqsQueueProvisioner.TYPE)) {
            String url = stack.physicalId(queue.logicalId());
            boolean fifo = Boolean.TRUE.equals(queue.property("FifoQueue").orElse(false));
            String name = stack.name() + "-" + queue.logicalId() + (fifo ? ".fifo" : "");
            assertThat(stack.attribute(queue.logicalId(), "QueueName")).isEqualTo(name);
            Map<String, String> actual = local.sqs().getQueueAttributes(b -> b.queueUrl(url)
                    .attributeNames(QueueAttributeName.ALL)).attributesAsStrings();
            assertThat(actual.get("QueueArn")).isEqualTo(stack.attribute(queue.logicalId(), "Arn")).endsWith(name);

            @SuppressWarnings("unchecked")
            Map<String, String> declared = SqsQueueProvisioner.attributes(
                    (Map<String, Object>) stack.resolve(queue.properties()));
            for (Map.Entry<String, String> attribute : declared.entrySet()) {
                if (attribute.getKey().equals("RedrivePolicy")) {
                    JsonNode policy = ApiClient.JSON.readTree(actual.get("RedrivePolicy"));
                    JsonNode wanted = ApiClient.JSON.readTree(attribute.getValue());
                    assertThat(policy.path("deadLetterTargetArn").asText())
                            .isEqualTo(wanted.path("deadLetterTargetArn").asText());
                    assertThat(policy.path("maxReceiveCount").asInt())
                            .isEqualTo(wanted.path("maxReceiveCount").asInt());
                } else {
                    assertThat(actual.get(attribute.getKey())).as("%s %s", name, attribute.getKey())
                            .isEqualToIgnoringCase(attribute.getValue());
                }
            }
        }
    }

    @Test
    void userPoolEnforcesThePasswordPolicySignUpChecks() {
        CfnResource poolResource = template.resourcesOfType(CognitoUserPoolProvisioner.TYPE).get(0);
        UserPoolType pool = local.cognito().describeUserPool(b -> b.userPoolId(local.userPoolId())).userPool();
        assertThat(pool.name()).isEqualTo(stack.resolveString(poolResource.property("UserPoolName").orElseThrow()))
                .startsWith(stack.name());

        PasswordPolicyType policy = pool.policies().passwordPolicy();
        Map<String, Object> declared = poolResource.map("Policies", "PasswordPolicy");
        assertThat(policy.minimumLength()).isEqualTo(declared.get("MinimumLength"))
                .isEqualTo(PasswordPolicy.MIN_LENGTH);
        assertThat(policy.requireUppercase()).isEqualTo(declared.get("RequireUppercase")).isTrue();
        assertThat(policy.requireLowercase()).isEqualTo(declared.get("RequireLowercase")).isTrue();
        assertThat(policy.requireNumbers()).isEqualTo(declared.get("RequireNumbers")).isTrue();
        assertThat(policy.requireSymbols()).as("PasswordPolicy does not ask for symbols")
                .isEqualTo(declared.get("RequireSymbols")).isFalse();
        assertThat(PasswordPolicy.MAX_LENGTH).as("Cognito's own maximum").isLessThanOrEqualTo(256);

        assertThat(pool.adminCreateUserConfig().allowAdminCreateUserOnly())
                .isEqualTo(poolResource.property("AdminCreateUserConfig", "AllowAdminCreateUserOnly").orElseThrow());
        assertThat(pool.autoVerifiedAttributesAsStrings()).isEqualTo(poolResource.list("AutoVerifiedAttributes"));
    }

    @Test
    void appClientHasTheDeclaredFlowsAndTokenValidity() {
        CfnResource declared = template.resourcesOfType(CognitoUserPoolClientProvisioner.TYPE).get(0);
        UserPoolClientType client = local.cognito().describeUserPoolClient(b -> b.userPoolId(local.userPoolId())
                .clientId(local.clientId())).userPoolClient();
        assertThat(client.clientName()).isEqualTo(stack.resolveString(declared.property("ClientName").orElseThrow()));
        assertThat(client.explicitAuthFlowsAsStrings())
                .containsExactlyInAnyOrderElementsOf(declared.list("ExplicitAuthFlows").stream()
                        .map(Object::toString).toList());
        assertThat(client.clientSecret()).as("GenerateSecret: false").isNull();
        assertThat(client.accessTokenValidity()).isEqualTo(declared.property("AccessTokenValidity").orElseThrow());
        assertThat(client.idTokenValidity()).isEqualTo(declared.property("IdTokenValidity").orElseThrow());
        assertThat(client.refreshTokenValidity()).isEqualTo(declared.property("RefreshTokenValidity").orElseThrow());
        assertThat(client.tokenValidityUnits().accessTokenAsString())
                .isEqualTo(declared.property("TokenValidityUnits", "AccessToken").orElseThrow());
        assertThat(client.preventUserExistenceErrorsAsString())
                .isEqualTo(declared.property("PreventUserExistenceErrors").orElseThrow());
    }

    @Test
    void settingsResolveTheGlobalEnvironment() {
        Map<String, Object> settings = stack.settings();
        template.globalEnvironment().forEach((variable, value) ->
                assertThat(settings).containsEntry(ProvisionedStack.propertyName(variable), stack.resolveString(value)));
        assertThat(settings).containsEntry("table.name", local.tableName())
                .containsEntry("user.pool.id", local.userPoolId())
                .containsEntry("user.pool.client.id", local.clientId())
                .containsEntry("aws.region", stack.region())
                .containsEntry("public.cognito.endpoint", stack.endpoint().orElseThrow().toString());
    }

    @Test
    void provisioningTheSameStackAgainReusesEverything() {
        ProvisionedStack again = TemplateProvisioner.fromEnvironment(template).provision(stack.name());
        try {
            assertThat(again.resources()).allSatisfy(r -> assertThat(r.adopted()).as(r.logicalId()).isTrue());
            assertThat(again.physicalIds()).isEqualTo(stack.physicalIds());
            String poolName = local.cognito().describeUserPool(b -> b.userPoolId(local.userPoolId())).userPool().name();
            long pools = local.cognito().listUserPoolsPaginator(b -> b.maxResults(60)).userPools().stream()
                    .filter(p -> p.name().equals(poolName)).count();
            assertThat(pools).isEqualTo(1);
        } finally {
            again.close(); // not teardown: the resources belong to the shared stack
        }
    }

    @Test
    void teardownDeletesWhatItCreated() {
        ProvisionedStack scratch = TemplateProvisioner.fromEnvironment(template)
                .provision("it-" + UUID.randomUUID().toString().substring(0, 8) + "-scratch");
        Map<String, ProvisionedResource> created = scratch.resources().stream()
                .collect(Collectors.toMap(ProvisionedResource::logicalId, r -> r));

        scratch.teardown();

        created.values().stream().filter(r -> r.type().equals(DynamoDbTableProvisioner.TYPE)).forEach(table ->
                assertThat(local.dynamo().listTablesPaginator().tableNames()).doesNotContain(table.physicalId()));
        created.values().stream().filter(r -> r.type().equals(SqsQueueProvisioner.TYPE)).forEach(queue ->
                assertThatThrownBy(() -> local.sqs().getQueueUrl(b -> b.queueName(queue.attributes().get("QueueName"))))
                        .isInstanceOf(QueueDoesNotExistException.class));
        created.values().stream().filter(r -> r.type().equals(CognitoUserPoolProvisioner.TYPE)).forEach(pool ->
                assertThat(local.cognito().listUserPoolsPaginator(b -> b.maxResults(60)).userPools())
                        .noneMatch(p -> p.id().equals(pool.physicalId())));
    }
}
