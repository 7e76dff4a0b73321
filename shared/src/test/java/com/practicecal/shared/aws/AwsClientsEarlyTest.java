package com.practicecal.shared.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The clients a function's init builds on a background thread are the ones its factory then uses: once per JVM. */
class AwsClientsEarlyTest {
    @Test
    void theFactoryTakesTheEarlyClientsAndTheirWarmDynamoDbClientOnce() {
        AwsClients.startEarly(Region.EU_CENTRAL_1, null); // no table: no call, only the build
        AwsClients clients = AwsClients.forFunction(Region.EU_CENTRAL_1, List.of());
        DynamoDbClient first = clients.dynamoDb();
        DynamoDbClient second = clients.dynamoDb();

        assertThat(first).isNotSameAs(second); // the warm one is handed out once, then new ones as before
        assertThat(AwsClients.forFunction(Region.EU_CENTRAL_1, List.of())).isNotSameAs(clients); // taken once
        first.close();
        second.close();
    }

    @Test
    void clientsWithInterceptorsOrOfAnotherRegionAreBuiltAfresh() {
        AwsClients.startEarly(Region.EU_CENTRAL_1, null);
        ExecutionInterceptor counting = new ExecutionInterceptor() { };
        AwsClients withInterceptor = AwsClients.forFunction(Region.EU_CENTRAL_1, List.of(counting));
        AwsClients.startEarly(Region.EU_CENTRAL_1, null);
        AwsClients otherRegion = AwsClients.forFunction(Region.EU_WEST_1, List.of());

        assertThat(withInterceptor.dynamoDb().serviceClientConfiguration().overrideConfiguration()
                .executionInterceptors()).contains(counting);
        assertThat(otherRegion.dynamoDb().serviceClientConfiguration().region()).isEqualTo(Region.EU_WEST_1);
    }
}
