package com.practicecal.shared.aws;

import java.time.Duration;
import java.util.List;
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

    private final Region region;
    private final List<ExecutionInterceptor> interceptors;
    private final EndpointResolver endpoints;
    private final SdkHttpClient http;
    private final RestorableCredentials credentials = new RestorableCredentials();

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

    /** After a SnapStart restore: drop credentials cached in the snapshot, resolve them afresh on the next call. */
    public void refreshCredentials() {
        credentials.refresh();
    }

    public SdkHttpClient httpClient() {
        return http;
    }

    public DynamoDbClient dynamoDb() {
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
