package com.practicecal.shared.aws;

import com.practicecal.shared.store.DynamoTable;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The one recipe for AWS clients: URL-connection HTTP client (fast cold start), explicit timeouts, standard
 * retries, endpoint override from AWS_ENDPOINT_URL[_SERVICE]. Used by the Micronaut {@link AwsClientFactory}
 * in functions and directly by the local tooling, so both talk to AWS the same way.
 */
public final class AwsClients {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(5);
    static final Duration API_CALL_ATTEMPT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(12);
    /** Clients started by {@link #startEarly}, for the function's factory to take. */
    private static final AtomicReference<Early> EARLY = new AtomicReference<>();

    private record Early(String region, CompletableFuture<AwsClients> clients) {
    }

    /** Done when the early DynamoDB call has returned (or failed): the end of a function's init waits for it. */
    private static final AtomicReference<CompletableFuture<Void>> EARLY_CALL = new AtomicReference<>();

    private final Region region;
    private final List<ExecutionInterceptor> interceptors;
    private final EndpointResolver endpoints;
    private final SdkHttpClient http;
    private final RestorableCredentials credentials = new RestorableCredentials();
    /** The DynamoDB client {@link #startEarly} built and warmed; handed out by the first {@link #dynamoDb()}. */
    private final AtomicReference<DynamoDbClient> warmDynamoDb = new AtomicReference<>();

    public AwsClients(Region region, List<ExecutionInterceptor> interceptors, EndpointResolver endpoints) {
        this.region = region;
        this.interceptors = List.copyOf(interceptors);
        this.endpoints = endpoints;
        this.http = UrlConnectionHttpClient.builder()
                .connectionTimeout(CONNECT_TIMEOUT)
                .socketTimeout(SOCKET_TIMEOUT)
                .build();
    }

    public static AwsClients fromEnvironment(Region region, List<ExecutionInterceptor> interceptors) {
        return new AwsClients(region, interceptors, EndpointResolver.fromSystem());
    }

    /**
     * For a function's init (Lambda runs it on two vCPUs whatever the memory size): builds the clients and makes one
     * DynamoDB call ({@link DynamoTable#readAbsentKey}, which loads the SDK's request path and opens the connection)
     * on a background thread while the function's application context starts; {@link #forFunction} takes them.
     * Takes the region's name, not a {@link Region}: the caller's thread loads nothing of the SDK, and no lambda
     * (whose first use bootstraps {@code java.lang.invoke}) runs before the thread is away.
     */
    public static void startEarly(String regionName, String tableName) {
        CompletableFuture<AwsClients> built = new CompletableFuture<>();
        CompletableFuture<Void> called = new CompletableFuture<>();
        EARLY.set(new Early(regionName, built));
        EARLY_CALL.set(called);
        Thread thread = new Thread(new EarlyBuild(regionName, tableName, built, called), "init-aws-clients");
        thread.setDaemon(true);
        thread.start();
    }

    public static void startEarly(Region region, String tableName) {
        startEarly(region.id(), tableName);
    }

    private static final class EarlyBuild implements Runnable {
        private final String regionName;
        private final String tableName;
        private final CompletableFuture<AwsClients> built;
        private final CompletableFuture<Void> called;

        EarlyBuild(String regionName, String tableName, CompletableFuture<AwsClients> built,
                   CompletableFuture<Void> called) {
            this.regionName = regionName;
            this.tableName = tableName;
            this.built = built;
            this.called = called;
        }

        /**
         * The clients are handed over as soon as they are built (the context creates the function's beans and its
         * other clients meanwhile); the call follows on this thread.
         */
        @Override
        public void run() {
            try {
                DynamoDbClient dynamo;
                try {
                    AwsClients clients = fromEnvironment(Region.of(regionName), List.of());
                    dynamo = clients.dynamoDb();
                    clients.warmDynamoDb.set(dynamo);
                    built.complete(clients);
                } catch (RuntimeException | Error failed) {
                    built.completeExceptionally(failed); // the factory then builds the clients itself
                    return;
                }
                if (tableName != null && !tableName.isBlank()) {
                    try {
                        DynamoTable.readAbsentKey(dynamo, tableName);
                    } catch (RuntimeException refused) {
                        // e.g. a policy without GetItem: the request path ran all the same
                    }
                }
            } finally {
                called.complete(null);
            }
        }
    }

    /**
     * The end of a function's init: waits for the call {@link #startEarly} makes (bounded by the clients' call
     * timeout), so that nothing of init is still running when the first request (or SnapStart's snapshot) comes.
     */
    public static void awaitEarlyCall() {
        CompletableFuture<Void> called = EARLY_CALL.getAndSet(null);
        if (called != null) {
            called.join();
        }
    }

    /**
     * The clients of a function: those {@link #startEarly} built for this region (once, and only without
     * interceptors: tests attach theirs to clients of their own), else new ones.
     */
    public static AwsClients forFunction(Region region, List<ExecutionInterceptor> interceptors) {
        Early early = EARLY.getAndSet(null);
        if (early != null && interceptors.isEmpty() && early.region().equals(region.id())) {
            try {
                return early.clients().join();
            } catch (CompletionException failed) {
                // built below as usual; the same failure, if any, then surfaces on the request path
            }
        }
        return fromEnvironment(region, interceptors);
    }

    /** After a SnapStart restore: drop credentials cached in the snapshot, resolve them afresh on the next call. */
    public void refreshCredentials() {
        credentials.refresh();
    }

    public SdkHttpClient httpClient() {
        return http;
    }

    public DynamoDbClient dynamoDb() {
        DynamoDbClient warm = warmDynamoDb.getAndSet(null);
        if (warm != null) {
            return warm;
        }
        return configure(DynamoDbClient.builder(), "DynamoDB").endpointDiscoveryEnabled(false).build();
    }

    public DynamoDbStreamsClient dynamoDbStreams() {
        return configure(DynamoDbStreamsClient.builder(), "DynamoDB Streams").build();
    }

    public SqsClient sqs() {
        return configure(SqsClient.builder(), "SQS").build();
    }

    public software.amazon.awssdk.services.secretsmanager.SecretsManagerClient secretsManager() {
        return configure(software.amazon.awssdk.services.secretsmanager.SecretsManagerClient.builder(), "Secrets Manager")
                .build();
    }

    public software.amazon.awssdk.services.sesv2.SesV2Client sesV2() {
        return configure(software.amazon.awssdk.services.sesv2.SesV2Client.builder(), "SESv2").build();
    }

    public CognitoIdentityProviderClient cognito() {
        return configure(CognitoIdentityProviderClient.builder(), "Cognito Identity Provider").build();
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder, String serviceId) {
        builder.region(region)
                .credentialsProvider(credentials)
                .httpClient(http)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallAttemptTimeout(API_CALL_ATTEMPT_TIMEOUT)
                        .apiCallTimeout(API_CALL_TIMEOUT)
                        .retryStrategy(RetryMode.STANDARD)
                        .executionInterceptors(interceptors)
                        .build());
        endpoints.endpointFor(serviceId).ifPresent(builder::endpointOverride);
        return builder;
    }

    /**
     * Lambda's credentials first, without the default chain's web-identity and instance-metadata lookups: system
     * properties, environment (Lambda sets them), the container endpoint (Lambda with SnapStart), then the profile
     * (local tooling against real AWS); replaceable after a restore.
     */
    static final class RestorableCredentials implements AwsCredentialsProvider {
        private volatile AwsCredentialsProviderChain delegate = chain();

        private static AwsCredentialsProviderChain chain() {
            return AwsCredentialsProviderChain.builder().reuseLastProviderEnabled(true).credentialsProviders(
                    SystemPropertyCredentialsProvider.create(), EnvironmentVariableCredentialsProvider.create(),
                    ContainerCredentialsProvider.builder().build(), ProfileCredentialsProvider.create()).build();
        }

        @Override
        public AwsCredentials resolveCredentials() {
            return delegate.resolveCredentials();
        }

        void refresh() {
            AwsCredentialsProviderChain stale = delegate;
            delegate = chain();
            stale.close();
        }
    }
}
