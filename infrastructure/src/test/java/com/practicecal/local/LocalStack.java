package com.practicecal.local;

import com.practicecal.shared.aws.AwsClients;
import com.practicecal.shared.aws.EndpointResolver;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * One local stack per test JVM: a freshly provisioned stack with a unique name ({@code it-xxxxxxxx}) on the
 * endpoint from AWS_ENDPOINT_URL, and the local API on a free port with a {@link CountingInterceptor}. Started by
 * the first test that asks ({@link #shared()}), torn down when JUnit finishes (see {@link LocalStackExtension}).
 */
public final class LocalStack implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);
    private static LocalStack shared;
    private static RuntimeException startFailure;

    private final ProvisionedStack stack;
    private final LocalApi api;
    private final CountingInterceptor awsCalls;
    private final ApiClient client;
    private final AwsClients aws;
    private final DynamoDbClient dynamo;
    private final CognitoIdentityProviderClient cognito;
    private final SqsClient sqs;
    private final TestUsers users;

    private LocalStack(ProvisionedStack stack, LocalApi api, CountingInterceptor awsCalls) {
        this.stack = stack;
        this.api = api;
        this.awsCalls = awsCalls;
        this.client = new ApiClient(api.baseUri());
        this.aws = AwsClients.fromEnvironment(Region.of(stack.region()), List.of());
        this.dynamo = aws.dynamoDb();
        this.cognito = aws.cognito();
        this.sqs = aws.sqs();
        this.users = new TestUsers(client, cognito, stack.physicalId("UserPoolClient"), stack.physicalId("UserPool"));
    }

    /** The stack of this JVM, provisioned on first use. */
    public static synchronized LocalStack shared() {
        if (startFailure != null) {
            // One clear failure per test instead of re-provisioning for every test class.
            throw new IllegalStateException("the local stack could not be started (see the first failure)",
                    startFailure);
        }
        if (shared == null) {
            try {
                shared = start("it-" + UUID.randomUUID().toString().substring(0, 8));
            } catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
        }
        return shared;
    }

    static LocalStack start(String stackName) {
        requireLocalEndpoint();
        long started = System.nanoTime();
        ProvisionedStack stack = TemplateProvisioner.fromEnvironment(SamTemplate.load()).provision(stackName);
        CountingInterceptor awsCalls = new CountingInterceptor();
        try {
            LocalApi api = LocalApi.builder(stack).singleton(awsCalls).start();
            LOG.info("local stack {} ready in {} ms: {}", stackName, (System.nanoTime() - started) / 1_000_000,
                    api.baseUri());
            return new LocalStack(stack, api, awsCalls);
        } catch (RuntimeException e) {
            stack.teardown();
            throw e;
        }
    }

    /** Integration tests create and delete resources: never let them run against real AWS by accident. */
    private static void requireLocalEndpoint() {
        boolean external = "1".equals(System.getenv("PRACTICECAL_EXTERNAL_ENDPOINT"));
        if (!external && EndpointResolver.fromSystem().endpointFor("DynamoDB").isEmpty()) {
            throw new IllegalStateException("integration tests need a local AWS endpoint: run them with ./dev test, "
                    + "or set AWS_ENDPOINT_URL (e.g. http://127.0.0.1:5055 from ./dev moto)");
        }
    }

    public ProvisionedStack stack() {
        return stack;
    }

    public LocalApi api() {
        return api;
    }

    /** HTTP client for the local API. */
    public ApiClient client() {
        return client;
    }

    public TestUsers users() {
        return users;
    }

    /** The functions' AWS calls (the test's own clients below are not counted). */
    public CountingInterceptor awsCalls() {
        return awsCalls;
    }

    /** For checking state behind the API's back. */
    public DynamoDbClient dynamo() {
        return dynamo;
    }

    public CognitoIdentityProviderClient cognito() {
        return cognito;
    }

    public SqsClient sqs() {
        return sqs;
    }

    public String tableName() {
        return stack.physicalId("MainTable");
    }

    public String userPoolId() {
        return stack.physicalId("UserPool");
    }

    public String clientId() {
        return stack.physicalId("UserPoolClient");
    }

    @Override
    public void close() {
        synchronized (LocalStack.class) {
            if (shared == this) {
                shared = null;
            }
        }
        try {
            api.close();
        } finally {
            dynamo.close();
            cognito.close();
            sqs.close();
            aws.httpClient().close();
            stack.teardown();
        }
    }
}
