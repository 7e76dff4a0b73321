package com.practicecal.local;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * Plays IAM for functions run in process: while a function runs ({@link #as}), every AWS call it makes must be
 * allowed by the inline policy statements template.yaml gives that function — the IAM action (a transaction needs
 * the action of each of its items, a query on an index the index's ARN) on the resolved resource ARN. A call the
 * policy does not allow fails as AWS would refuse it, so the integration tests prove the least-privilege policies
 * instead of trusting them. Calls made outside a function (test set-up, event-source pollers) are not checked.
 */
public final class LocalIam implements ExecutionInterceptor {
    private static final Set<String> SQS_BATCHES = Set.of("SendMessageBatch", "DeleteMessageBatch",
            "ChangeMessageVisibilityBatch");

    private record Statement(List<Pattern> actions, List<Pattern> resources) {
        boolean allows(String action, String resource) {
            return actions.stream().anyMatch(a -> a.matcher(action).matches())
                    && resources.stream().anyMatch(r -> r.matcher(resource).matches());
        }
    }

    /** One permission a call needs. */
    record Need(String action, String resource) {
    }

    private final Map<String, List<Statement>> statementsByFunction;
    private final Map<String, String> tableArns = new HashMap<>();
    private final Map<String, String> queueArns = new HashMap<>();
    private final Map<String, String> userPoolArns = new HashMap<>();
    /** SES identity name (address or domain) to its ARN. */
    private final Map<String, String> sesIdentityArns = new HashMap<>();
    private final ThreadLocal<String> running = new ThreadLocal<>();
    private final List<String> denials = new CopyOnWriteArrayList<>();

    private LocalIam(Map<String, List<Statement>> statementsByFunction) {
        this.statementsByFunction = statementsByFunction;
    }

    public static LocalIam of(ProvisionedStack stack) {
        Map<String, List<Statement>> byFunction = new HashMap<>();
        for (CfnResource function : stack.template().resourcesOfType(SamTemplate.FUNCTION)) {
            List<Statement> statements = new ArrayList<>();
            for (Object policy : function.list("Policies")) {
                if (policy instanceof Map<?, ?> document && document.containsKey("Statement")) {
                    for (Object raw : Templates.asList(document.get("Statement"))) {
                        Map<String, Object> statement = Templates.asMap(raw);
                        if (!"Allow".equals(statement.get("Effect"))) {
                            continue;
                        }
                        statements.add(new Statement(
                                strings(statement.get("Action"), stack).stream().map(LocalIam::glob).toList(),
                                strings(statement.get("Resource"), stack).stream().map(LocalIam::glob).toList()));
                    }
                }
            }
            byFunction.put(function.logicalId(), statements);
        }
        LocalIam iam = new LocalIam(byFunction);
        for (ProvisionedResource resource : stack.resources()) {
            String arn = resource.attributes().get("Arn");
            switch (resource.type()) {
                case "AWS::DynamoDB::Table" -> iam.tableArns.put(resource.physicalId(), arn);
                case "AWS::SQS::Queue" -> {
                    iam.queueArns.put(resource.physicalId(), arn);
                    iam.queueArns.put(resource.attributes().get("QueueName"), arn);
                }
                case "AWS::Cognito::UserPool" -> iam.userPoolArns.put(resource.physicalId(), arn);
                case "AWS::SES::EmailIdentity" -> iam.sesIdentityArns.put(resource.physicalId(), arn);
                default -> { }
            }
        }
        return iam;
    }

    /** Runs {@code work} as the function {@code logicalId}: its AWS calls are checked against its policy. */
    public <T> T as(String logicalId, Supplier<T> work) {
        String outer = running.get();
        running.set(logicalId);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                running.remove();
            } else {
                running.set(outer);
            }
        }
    }

    /** Every call refused so far, e.g. to report them together. */
    public List<String> denials() {
        return List.copyOf(denials);
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String function = running.get();
        if (function == null) {
            return;
        }
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        List<Statement> statements = statementsByFunction.getOrDefault(function, List.of());
        for (Need need : needs(operation, context.request())) {
            if (statements.stream().noneMatch(s -> s.allows(need.action(), need.resource()))) {
                String denial = function + " is not allowed " + need.action() + " on " + need.resource();
                denials.add(denial);
                throw SdkClientException.create("AccessDenied (local IAM, template.yaml): " + denial);
            }
        }
    }

    List<Need> needs(String operation, SdkRequest request) {
        String service = request.getClass().getPackageName(); // software.amazon.awssdk.services.<service>.model
        return switch (service) {
            case "software.amazon.awssdk.services.dynamodb.model" -> dynamoNeeds(operation, request);
            case "software.amazon.awssdk.services.sqs.model" -> {
                String action = "sqs:" + (SQS_BATCHES.contains(operation)
                        ? operation.substring(0, operation.length() - "Batch".length()) : operation);
                String queue = field(request, "QueueUrl").or(() -> field(request, "QueueName")).orElse("*");
                yield List.of(new Need(action, queueArns.getOrDefault(queue, queue)));
            }
            case "software.amazon.awssdk.services.secretsmanager.model" -> List.of(new Need("secretsmanager:" + operation,
                    field(request, "SecretId").orElse("*")));
            case "software.amazon.awssdk.services.sesv2.model" -> {
                // SES authorizes sending on the From identity: the address itself or its domain
                String from = field(request, "FromEmailAddress").orElse("*");
                String domain = from.substring(from.indexOf('@') + 1);
                String arn = sesIdentityArns.getOrDefault(from, sesIdentityArns.getOrDefault(domain, from));
                yield List.of(new Need("ses:" + operation, arn));
            }
            case "software.amazon.awssdk.services.cognitoidentityprovider.model" -> field(request, "UserPoolId")
                    .map(pool -> List.of(new Need("cognito-idp:" + operation, userPoolArns.getOrDefault(pool, pool))))
                    .orElse(List.of()); // sign-in and token calls are not IAM-authorized
            default -> List.of(new Need(service.replace("software.amazon.awssdk.services.", "").replace(".model", "")
                    + ":" + operation, "*"));
        };
    }

    private List<Need> dynamoNeeds(String operation, SdkRequest request) {
        List<Need> needs = new ArrayList<>();
        if (request instanceof BatchGetItemRequest batch) {
            batch.requestItems().keySet().forEach(t -> needs.add(dynamo("BatchGetItem", t, null)));
        } else if (request instanceof BatchWriteItemRequest batch) {
            batch.requestItems().keySet().forEach(t -> needs.add(dynamo("BatchWriteItem", t, null)));
        } else if (request instanceof TransactWriteItemsRequest tx) {
            for (TransactWriteItem item : tx.transactItems()) {
                if (item.put() != null) {
                    needs.add(dynamo("PutItem", item.put().tableName(), null));
                } else if (item.update() != null) {
                    needs.add(dynamo("UpdateItem", item.update().tableName(), null));
                } else if (item.delete() != null) {
                    needs.add(dynamo("DeleteItem", item.delete().tableName(), null));
                } else if (item.conditionCheck() != null) {
                    needs.add(dynamo("ConditionCheckItem", item.conditionCheck().tableName(), null));
                }
            }
        } else if (request instanceof TransactGetItemsRequest tx) {
            tx.transactItems().forEach(item -> needs.add(dynamo("GetItem", item.get().tableName(), null)));
        } else if (request instanceof QueryRequest query) {
            needs.add(dynamo(operation, query.tableName(), query.indexName()));
        } else if (request instanceof ScanRequest scan) {
            needs.add(dynamo(operation, scan.tableName(), scan.indexName()));
        } else {
            needs.add(dynamo(operation, field(request, "TableName").orElse("*"), null));
        }
        return needs;
    }

    private Need dynamo(String action, String table, String index) {
        String arn = tableArns.getOrDefault(table, table);
        return new Need("dynamodb:" + action, index == null ? arn : arn + "/index/" + index);
    }

    private static Optional<String> field(SdkRequest request, String name) {
        return request.getValueForField(name, String.class);
    }

    private static List<String> strings(Object value, ProvisionedStack stack) {
        List<Object> values = value instanceof List<?> ? Templates.asList(value) : List.of(value);
        return values.stream().map(stack::resolveString).toList();
    }

    /** IAM's wildcards: {@code *} any run of characters, {@code ?} one character. */
    private static Pattern glob(String iamPattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : iamPattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
    }
}
