package com.practicecal.local;

import static com.practicecal.local.ErrorBodies.assertGatewayMessage;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.practicecal.shared.plan.Plan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The gateway itself: concurrency, the shared context's interceptor beans, CORS, the OpenAPI document. */
class LocalApiIT extends LocalStackIT {

    @Test
    void fiftyConcurrentRequestsAreServedAndTheirAwsCallsCounted() throws Exception {
        TestUser owner = users.signUpAndLogin(Plan.M);
        awsCalls.reset();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Future<ApiResult>> results = IntStream.range(0, 50)
                    .mapToObj(i -> pool.submit(() -> api.get("/v1/me", owner.accessToken()))).toList();
            for (Future<ApiResult> result : results) {
                assertThat(result.get().status()).as("%s", result.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(awsCalls.calls()).as("%s", awsCalls).isPositive();
        assertThat(awsCalls.calls() % 50).as("every request makes the same calls: %s", awsCalls).isZero();
        assertThat(local.api().applicationContext().getBeanDefinitions(Context.class))
                .as("invocations do not pile up Lambda Context beans (see shared NoLambdaContextBeans)").isEmpty();
    }

    @Test
    void everyResponseCarriesARequestId() {
        ApiResult config = api.get("/v1/public/config", null);
        ApiResult missing = api.get("/nope", null);
        assertThat(config.header("apigw-requestid")).isPresent();
        assertThat(missing.header("apigw-requestid")).isPresent().isNotEqualTo(config.header("apigw-requestid"));
        assertGatewayMessage(missing, 404, "Not Found");
    }

    @Test
    void corsAsConfiguredOnTheHttpApi() {
        // the hosted app shares the API's origin; only the configured origin (by default none) gets CORS answers
        String configured = String.valueOf(local.stack().template().parameterDefaults().get("CorsAllowOrigin"));
        assertThat(configured).isNotEqualTo("*");
        ApiResult preflight = api.send("OPTIONS", "/v1/me", null, null, "Origin", configured,
                "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "authorization");
        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.header("access-control-allow-origin")).contains(configured);
        assertThat(preflight.header("access-control-allow-methods")).hasValueSatisfying(m ->
                assertThat(m).contains("GET", "PATCH"));
        assertThat(preflight.header("access-control-max-age")).contains("600");

        ApiResult config = api.get("/v1/public/config", null, "Origin", configured);
        assertThat(config.header("access-control-allow-origin")).contains(configured);
        ApiResult foreign = api.get("/v1/public/config", null, "Origin", "https://evil.example");
        assertThat(foreign.status()).isEqualTo(200);
        assertThat(foreign.header("access-control-allow-origin")).isEmpty();
    }

    @Test
    void servesTheOpenApiDocument() throws Exception {
        Path document = local.stack().template().root().resolve("openapi.yaml");
        ApiResult result = api.get(LocalApi.OPENAPI_PATH, null);
        if (Files.isRegularFile(document)) {
            assertThat(result.status()).isEqualTo(200);
            assertThat(result.header("content-type")).contains("application/yaml");
            assertThat(result.body()).isEqualTo(Files.readString(document));
        } else {
            assertGatewayMessage(result, 404, "Not Found");
        }
    }
}
