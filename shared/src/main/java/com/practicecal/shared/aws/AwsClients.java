package com.practicecal.shared.aws;

import java.time.Duration;
import java.util.List;
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

    public SdkHttpClient httpClient() {
        return http;
    }

    public DynamoDbClient dynamoDb() {
        return configure(DynamoDbClient.builder(), "DynamoDB").build();
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
}
