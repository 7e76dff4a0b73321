package com.practicecal.local;

import com.practicecal.shared.aws.AwsClients;
import com.practicecal.shared.aws.EndpointResolver;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Creates on the configured endpoint (moto locally) exactly the resources template.yaml declares, for the types
 * it can play: DynamoDB tables, SQS queues, Cognito user pools and clients. Functions and the HTTP API are played
 * by {@link LocalApi}; log groups, roles and the like are not needed locally. Resources are created in reference
 * order, so {@code !GetAtt Dlq.Arn} or {@code !Ref UserPool} always resolve.
 */
public final class TemplateProvisioner {
    private static final Logger LOG = LoggerFactory.getLogger(TemplateProvisioner.class);
    public static final String DEFAULT_REGION = "eu-central-1";

    private static final String SERVED_APP = "played by the local runner (LocalApi serves frontend/dist on the API's "
            + "origin, StaticSite)";

    /** Types that have a local stand-in other than a provisioned resource, and why. */
    static final Map<String, String> NOT_PROVISIONED = Map.ofEntries(
            Map.entry(SamTemplate.FUNCTION, "played by the local runner (LocalApi invokes the handler in-process)"),
            Map.entry(SamTemplate.HTTP_API, "played by the local runner (LocalApi)"),
            Map.entry("AWS::Logs::LogGroup", "not needed locally (logs go to the console)"),
            Map.entry("AWS::IAM::Role", "not needed locally (moto does not enforce IAM)"),
            Map.entry("AWS::IAM::Policy", "not needed locally (moto does not enforce IAM)"),
            Map.entry("AWS::CloudWatch::Alarm", "not needed locally (no metrics locally)"),
            Map.entry("AWS::SNS::Topic", "not needed locally (alarm notifications)"),
            Map.entry("AWS::S3::Bucket", SERVED_APP),
            Map.entry("AWS::S3::BucketPolicy", SERVED_APP),
            Map.entry("AWS::CloudFront::Distribution", SERVED_APP),
            Map.entry("AWS::CloudFront::OriginAccessControl", SERVED_APP),
            Map.entry("AWS::CloudFront::Function", SERVED_APP),
            Map.entry("AWS::CloudFront::ResponseHeadersPolicy", SERVED_APP),
            Map.entry("AWS::WAFv2::WebACL", "not needed locally (edge rate limits run in CloudFront)"));

    private final SamTemplate template;
    private final String region;
    private final AwsClients clients;

    public TemplateProvisioner(SamTemplate template, String region, AwsClients clients) {
        this.template = template;
        this.region = region;
        this.clients = clients;
    }

    /** Region from AWS_REGION (default eu-central-1), endpoint from AWS_ENDPOINT_URL, the project's client recipe. */
    public static TemplateProvisioner fromEnvironment(SamTemplate template) {
        String region = regionFromEnvironment();
        return new TemplateProvisioner(template, region, AwsClients.fromEnvironment(Region.of(region), List.of()));
    }

    public static String regionFromEnvironment() {
        String region = System.getenv("AWS_REGION");
        return region == null || region.isBlank() ? DEFAULT_REGION : region;
    }

    /**
     * Creates (or adopts, when re-run against the same moto) every supported resource under {@code stackName}.
     * On failure, what was created so far is deleted again.
     */
    public ProvisionedStack provision(String stackName) {
        DynamoDbClient dynamo = clients.dynamoDb();
        SqsClient sqs = clients.sqs();
        CognitoIdentityProviderClient cognito = clients.cognito();
        var secrets = clients.secretsManager();
        var ses = clients.sesV2();
        Map<String, ResourceProvisioner> provisioners = new LinkedHashMap<>();
        for (ResourceProvisioner p : List.of(new DynamoDbTableProvisioner(dynamo), new SqsQueueProvisioner(sqs),
                new CognitoUserPoolProvisioner(cognito), new CognitoUserPoolClientProvisioner(cognito),
                new SecretsManagerSecretProvisioner(secrets), new SesEmailIdentityProvisioner(ses, region))) {
            provisioners.put(p.type(), p);
        }
        List<AutoCloseable> closeables = List.of(dynamo, sqs, cognito, secrets, ses, clients.httpClient());

        StackResolver resolver = new StackResolver(stackName, region, localParameters(template));
        Map<String, String> skipped = new LinkedHashMap<>();
        List<CfnResource> toCreate = new ArrayList<>();
        for (CfnResource resource : template.resources().values()) {
            if (provisioners.containsKey(resource.type())) {
                toCreate.add(resource);
            } else {
                String reason = NOT_PROVISIONED.getOrDefault(resource.type(), "not provisioned locally (unsupported type)");
                if (!NOT_PROVISIONED.containsKey(resource.type())) {
                    LOG.warn("{} ({}) is {}", resource.logicalId(), resource.type(), reason);
                }
                skipped.put(resource.logicalId(), reason);
            }
        }

        List<ProvisionedResource> created = new ArrayList<>();
        ProvisionedStack stack = new ProvisionedStack(stackName, region, cognitoEndpoint(), template, resolver,
                created, skipped, provisioners, closeables);
        try {
            for (CfnResource resource : inReferenceOrder(toCreate)) {
                ProvisionedResource result = provisioners.get(resource.type()).provision(resource, resolver);
                resolver.register(result.logicalId(), result.physicalId(), result.attributes());
                created.add(result);
                LOG.debug("{} {} -> {}", result.adopted() ? "adopted" : "created", result.logicalId(),
                        result.physicalId());
            }
        } catch (RuntimeException failure) {
            try {
                stack.teardown();
            } catch (RuntimeException cleanup) {
                failure.addSuppressed(cleanup);
            }
            throw failure;
        }
        return stack;
    }

    private static Optional<URI> cognitoEndpoint() {
        return EndpointResolver.fromSystem().endpointFor("Cognito Identity Provider");
    }

    /** Depth-first topological order over references between the resources being created. */
    static List<CfnResource> inReferenceOrder(List<CfnResource> resources) {
        Map<String, CfnResource> byId = new LinkedHashMap<>();
        resources.forEach(r -> byId.put(r.logicalId(), r));
        Set<String> done = new LinkedHashSet<>();
        Set<String> visiting = new LinkedHashSet<>();
        List<CfnResource> ordered = new ArrayList<>();
        for (String id : byId.keySet()) {
            visit(id, byId, done, visiting, ordered);
        }
        return ordered;
    }

    private static void visit(String id, Map<String, CfnResource> byId, Set<String> done, Set<String> visiting,
                              List<CfnResource> ordered) {
        if (done.contains(id)) {
            return;
        }
        if (!visiting.add(id)) {
            throw new IllegalStateException("circular reference between resources: " + visiting);
        }
        for (String dependency : StackResolver.references(byId.get(id).properties())) {
            if (byId.containsKey(dependency)) {
                visit(dependency, byId, done, visiting, ordered);
            }
        }
        visiting.remove(id);
        done.add(id);
        ordered.add(byId.get(id));
    }

    /**
     * Parameter values for a local stack: the defaults, and for secrets that have none (NoEcho, e.g. the
     * manage-token key an operator supplies at deploy time) a random value for this stack.
     */
    static Map<String, Object> localParameters(SamTemplate template) {
        Map<String, Object> values = new LinkedHashMap<>(template.parameterDefaults());
        Templates.at(template.document(), "Parameters").map(Templates::asMap).orElse(Map.of()).forEach((name, value) -> {
            Map<String, Object> parameter = Templates.asMap(value);
            if (!values.containsKey(name) && "true".equalsIgnoreCase(String.valueOf(parameter.get("NoEcho")))) {
                byte[] secret = new byte[32];
                new java.security.SecureRandom().nextBytes(secret);
                values.put(name, java.util.HexFormat.of().formatHex(secret));
            }
        });
        return values;
    }
}
