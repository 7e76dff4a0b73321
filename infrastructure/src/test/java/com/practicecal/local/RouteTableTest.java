package com.practicecal.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTableTest {
    private final RouteTable routes = new RouteTable(List.of(
            new HttpApiRoute("Get", "GET", "/v1/rooms/{roomId}", "Jwt"),
            new HttpApiRoute("Special", "GET", "/v1/rooms/special", "Jwt"),
            new HttpApiRoute("List", "GET", "/v1/rooms", "Jwt"),
            new HttpApiRoute("Patch", "PATCH", "/v1/rooms/{roomId}", "Jwt"),
            new HttpApiRoute("Files", "GET", "/files/{proxy+}", null),
            new HttpApiRoute("AnyAudit", "ANY", "/v1/audit", null),
            new HttpApiRoute("PostAudit", "POST", "/v1/audit", null)));

    @Test
    void exactPathsWinOverTemplates() {
        assertThat(routes.match("GET", "/v1/rooms/special")).get()
                .extracting(m -> m.route().functionId()).isEqualTo("Special");
        RouteMatch match = routes.match("GET", "/v1/rooms/r-1").orElseThrow();
        assertThat(match.route().functionId()).isEqualTo("Get");
        assertThat(match.pathParameters()).isEqualTo(Map.of("roomId", "r-1"));
    }

    @Test
    void methodsMustMatchAndExactMethodsBeatAny() {
        assertThat(routes.match("PATCH", "/v1/rooms/r-1")).get().extracting(m -> m.route().functionId())
                .isEqualTo("Patch");
        assertThat(routes.match("DELETE", "/v1/rooms/r-1")).isEmpty();
        assertThat(routes.match("POST", "/v1/audit")).get().extracting(m -> m.route().functionId())
                .isEqualTo("PostAudit");
        assertThat(routes.match("GET", "/v1/audit")).get().extracting(m -> m.route().functionId())
                .isEqualTo("AnyAudit");
    }

    @Test
    void parametersAreDecodedAndNeverEmpty() {
        assertThat(routes.match("GET", "/v1/rooms/a%20b%2Fc+d").orElseThrow().pathParameters())
                .isEqualTo(Map.of("roomId", "a b/c+d"));
        assertThat(routes.match("GET", "/v1/rooms/")).isEmpty();
        assertThat(routes.match("GET", "/v1/rooms/a/b")).isEmpty();
        assertThat(routes.match("GET", "/nope")).isEmpty();
    }

    @Test
    void greedyParametersTakeTheRest() {
        assertThat(routes.match("GET", "/files/a/b.txt").orElseThrow().pathParameters())
                .isEqualTo(Map.of("proxy", "a/b.txt"));
        assertThat(routes.match("GET", "/files/")).isEmpty();
    }
}
