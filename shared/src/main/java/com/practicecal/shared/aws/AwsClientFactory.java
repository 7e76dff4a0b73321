package com.practicecal.shared.aws;

import com.practicecal.shared.config.AppSettings;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The one place AWS clients are built: once per JVM (singletons), URL-connection HTTP client for cold start,
 * explicit timeouts and retry mode, endpoint override from the standard variables. Tests add
 * {@link ExecutionInterceptor} beans (e.g. to count calls) and they are attached here.
 */
@Factory
public class AwsClientFactory {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(5);
    static final Duration API_CALL_ATTEMPT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(12);

    private final EndpointResolver endpoints = EndpointResolver.fromSystem();
    private final Region region;
    private final List<ExecutionInterceptor> interceptors;

    public AwsClientFactory(AppSettings settings, List<ExecutionInterceptor> interceptors) {
        this.region = Region.of(settings.region());
        this.interceptors = List.copyOf(interceptors);
    }

    @Singleton
    @Bean(preDestroy = "close")
    SdkHttpClient httpClient() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(CONNECT_TIMEOUT)
                .socketTimeout(SOCKET_TIMEOUT)
                .build();
    }

    @Singleton
    @Bean(preDestroy = "close")
    DynamoDbClient dynamoDb(SdkHttpClient http) {
        return configure(DynamoDbClient.builder(), "DynamoDB")
                .httpClient(http).build();
    }

    @Singleton
    @Bean(preDestroy = "close")
    SqsClient sqs(SdkHttpClient http) {
        return configure(SqsClient.builder(), "SQS").httpClient(http).build();
    }

    @Singleton
    @Bean(preDestroy = "close")
    CognitoIdentityProviderClient cognito(SdkHttpClient http) {
        return configure(CognitoIdentityProviderClient.builder(), "Cognito Identity Provider").httpClient(http).build();
    }

    private <B extends AwsClientBuilder<B, ?>> B configure(B builder, String serviceId) {
        builder.region(region)
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
