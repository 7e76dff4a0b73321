package com.practicecal.shared.aws;

import com.practicecal.shared.config.AppSettings;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.List;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * AWS clients as singletons of the application context, i.e. built once per JVM. Tests add
 * {@link ExecutionInterceptor} beans (e.g. to count calls); they are attached to every client.
 */
@Factory
public class AwsClientFactory {
    private final AwsClients clients;

    public AwsClientFactory(AppSettings settings, List<ExecutionInterceptor> interceptors) {
        this.clients = AwsClients.forFunction(Region.of(settings.region()), interceptors);
    }

    /** The recipe itself, e.g. for SnapStart's after-restore credential refresh. */
    @Singleton
    AwsClients awsClients() {
        return clients;
    }

    @Singleton
    @Bean(preDestroy = "close")
    DynamoDbClient dynamoDb() {
        return clients.dynamoDb();
    }

    /** Only in the functions that ship the SQS SDK (integrations and the consumers). */
    @Singleton
    @Requires(classes = SqsClient.class)
    @Bean(preDestroy = "close")
    SqsClient sqs() {
        return clients.sqs();
    }

    /** Only in the function that ships the Secrets Manager SDK (online booking: the manage-token key). */
    @Singleton
    @Requires(classes = software.amazon.awssdk.services.secretsmanager.SecretsManagerClient.class)
    @Bean(preDestroy = "close")
    software.amazon.awssdk.services.secretsmanager.SecretsManagerClient secretsManager() {
        return clients.secretsManager();
    }

    /** Only in the function that ships the SES v2 SDK (online booking: confirmation emails). */
    @Singleton
    @Requires(classes = software.amazon.awssdk.services.sesv2.SesV2Client.class)
    @Bean(preDestroy = "close")
    software.amazon.awssdk.services.sesv2.SesV2Client sesV2() {
        return clients.sesV2();
    }

    /** Only in the functions that ship the Cognito SDK (sign-up, staff). */
    @Singleton
    @Requires(classes = CognitoIdentityProviderClient.class)
    @Bean(preDestroy = "close")
    CognitoIdentityProviderClient cognito() {
        return clients.cognito();
    }
}
