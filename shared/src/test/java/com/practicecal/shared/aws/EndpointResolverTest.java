package com.practicecal.shared.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EndpointResolverTest {
    @Test
    void serviceSpecificVariableWinsOverGlobal() {
        var resolver = new EndpointResolver(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:5055",
                "AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:8000"));
        assertThat(resolver.endpointFor("DynamoDB")).contains(URI.create("http://127.0.0.1:8000"));
        assertThat(resolver.endpointFor("Cognito Identity Provider")).contains(URI.create("http://127.0.0.1:5055"));
    }

    @Test
    void noVariableMeansAwsItself() {
        assertThat(new EndpointResolver(Map.of()).endpointFor("SQS")).isEmpty();
    }
}
