package com.practicecal.local;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.api.RoutedFunction;
import io.micronaut.context.ApplicationContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The local runner refuses a function whose route table and HttpApi events disagree. */
class FunctionHandlersTest {
    private final ApplicationContext context = ApplicationContext.builder().start();

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void routeTableAndTemplateMustNameTheSameRouteKeys() {
        RoutedFunction rooms = new RoomsRoutes(context);
        assertThatCode(() -> FunctionHandlers.requireRoutes(function("GET /v1/rooms", "POST /v1/rooms"), rooms))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> FunctionHandlers.requireRoutes(function("GET /v1/rooms"), rooms))
                .hasMessageContaining("route table entries without an HttpApi event: [POST /v1/rooms]");
        assertThatThrownBy(() -> FunctionHandlers.requireRoutes(
                function("GET /v1/rooms", "POST /v1/rooms", "DELETE /v1/rooms/{roomId}"), rooms))
                .hasMessageContaining("template.yaml routes without an entry in")
                .hasMessageContaining("[DELETE /v1/rooms/{roomId}]");
    }

    private static SamFunction function(String... routeKeys) {
        List<HttpApiRoute> routes = java.util.Arrays.stream(routeKeys).map(key -> key.split(" "))
                .map(parts -> new HttpApiRoute("RoomsFunction", parts[0], parts[1], "CognitoJwt")).toList();
        return new SamFunction("RoomsFunction", RoomsRoutes.class.getName(), "functions/rooms/target/function.jar",
                Map.of(), 1024, 15, routes);
    }

    static final class RoomsRoutes extends RoutedFunction {
        RoomsRoutes(ApplicationContext context) {
            super(context);
        }

        @Override
        protected Map<String, Route> routes() {
            return Map.ofEntries(route("GET /v1/rooms", request -> ApiResponse.noContent()),
                    route("POST /v1/rooms", request -> ApiResponse.noContent()));
        }
    }
}
