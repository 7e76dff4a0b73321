package com.practicecal.shared.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.practicecal.shared.json.Json;
import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RoutedFunctionTest {
    private final ApplicationContext context = ApplicationContext.builder().start();
    private final TwoRoutes function = new TwoRoutes(context);

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void theRouteKeySelectsTheRoute() {
        assertThat(function.execute(event("GET /v1/things")).getBody()).isEqualTo("{\"route\":\"list\"}");
        assertThat(function.execute(event("GET /v1/things/{thingId}")).getBody()).isEqualTo("{\"route\":\"get\"}");
        assertThat(function.routeKeys()).containsExactlyInAnyOrder("GET /v1/things", "GET /v1/things/{thingId}");
    }

    @Test
    void theRequestContextsRouteKeyIsUsedWhenTheTopLevelOneIsMissing() {
        APIGatewayV2HTTPEvent event = event(null);
        event.setRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRouteKey("GET /v1/things").build());
        assertThat(function.execute(event).getBody()).isEqualTo("{\"route\":\"list\"}");
    }

    @Test
    void anUnknownOrMissingRouteKeyIsAJson404() {
        for (String routeKey : new String[] {"DELETE /v1/things", "GET /v1/things/", "$default", null}) {
            APIGatewayV2HTTPResponse response = function.execute(event(routeKey));
            assertThat(response.getStatusCode()).as(routeKey).isEqualTo(404);
            assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json");
            assertThat(Json.tree(response.getBody()).at("/error/code").asText()).isEqualTo("NOT_FOUND");
        }
    }

    private static APIGatewayV2HTTPEvent event(String routeKey) {
        return APIGatewayV2HTTPEvent.builder().withRouteKey(routeKey).withRawPath("/v1/things").build();
    }

    static final class TwoRoutes extends RoutedFunction {
        TwoRoutes(ApplicationContext context) {
            super(context);
        }

        @Override
        protected Map<String, Route> routes() {
            return Map.ofEntries(
                    route("GET /v1/things", request -> ApiResponse.ok(Map.of("route", "list"))),
                    route("GET /v1/things/{thingId}", request -> ApiResponse.ok(Map.of("route", "get"))));
        }
    }
}
