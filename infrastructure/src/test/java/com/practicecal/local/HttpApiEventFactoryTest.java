package com.practicecal.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The events the local gateway builds equal, field for field, the payload-2.0 fixtures. */
class HttpApiEventFactoryTest {
    private static final Instant NOW = Instant.parse("2026-11-27T16:00:00Z");
    private static final String REQUEST_ID = "Mc7UVioPPHcEKPA=";
    private final HttpApiEventFactory factory = new HttpApiEventFactory("local", StackResolver.LOCAL_ACCOUNT_ID);

    @Test
    void authorizedGetWithPathQueryAndCookies() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Host", List.of("127.0.0.1:3000"));
        headers.put("User-Agent", List.of("curl/8.5.0"));
        headers.put("Accept", List.of("application/json"));
        headers.put("Cookie", List.of("theme=dark; lang=de"));
        headers.put("Authorization", List.of("Bearer eyJraWQiOiJkdW1teSJ9.test.signature"));
        IncomingRequest request = new IncomingRequest("GET", "/v1/rooms/room%201",
                "from=2026-03-29T09%3A00%3A00%2B02%3A00&tag=a&tag=b", headers, new byte[0], "127.0.0.1", "HTTP/1.1");
        RouteMatch match = new RouteTable(List.of(new HttpApiRoute("GetRoom", "GET", "/v1/rooms/{roomId}", "Jwt")))
                .match("GET", request.rawPath()).orElseThrow();
        Map<String, String> claims = new LinkedHashMap<>();
        claims.put("sub", "4113e6f8-d632-4657-8568-a593f54c9799");
        claims.put("iss", "https://cognito-idp.eu-central-1.amazonaws.com/eu-central-1_example");
        claims.put("client_id", "d6d11769cbc4438fbfb6a6ef60");
        claims.put("token_use", "access");
        claims.put("scope", "aws.cognito.signin.user.admin");
        claims.put("exp", "1795800119");
        claims.put("iat", "1795796519");
        claims.put("username", "owner@practice.test");

        APIGatewayV2HTTPEvent event = factory.create(request, match,
                new JwtAuthorizer.Allowed(claims, List.of("aws.cognito.signin.user.admin")), REQUEST_ID, NOW);

        assertThat(comparable(EventFixtures.toTree(event)))
                .isEqualTo(comparable(EventFixtures.tree("http-api-get-room-authorized")));
    }

    @Test
    void publicPostWithJsonBody() {
        String body = "{\"email\":\"owner@practice.test\",\"password\":\"Therapy-Room-42\","
                + "\"practiceName\":\"Praxis Nord\",\"plan\":\"M\"}";
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Host", List.of("127.0.0.1:3000"));
        headers.put("Content-Type", List.of("application/json"));
        headers.put("Content-Length", List.of(String.valueOf(body.length())));
        IncomingRequest request = new IncomingRequest("POST", "/v1/signup", "", headers,
                body.getBytes(StandardCharsets.UTF_8), "127.0.0.1", "HTTP/1.1");
        RouteMatch match = new RouteMatch(new HttpApiRoute("Signup", "POST", "/v1/signup", null), Map.of());

        APIGatewayV2HTTPEvent event = factory.create(request, match, null, REQUEST_ID, NOW);

        assertThat(comparable(EventFixtures.toTree(event)))
                .isEqualTo(comparable(EventFixtures.tree("http-api-signup")));
    }

    @Test
    void fixturesReadAsTheLambdaRuntimeWould() {
        APIGatewayV2HTTPEvent event = EventFixtures.httpEvent("http-api-get-room-authorized");
        assertThat(event.getPathParameters()).containsEntry("roomId", "room 1");
        assertThat(event.getRequestContext().getAuthorizer().getJwt().getClaims())
                .containsEntry("sub", "4113e6f8-d632-4657-8568-a593f54c9799");
        assertThat(EventFixtures.httpEvent("http-api-signup").getIsBase64Encoded()).isFalse();
    }

    @Test
    void binaryBodiesAreBase64Encoded() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
        IncomingRequest request = new IncomingRequest("POST", "/upload", "", Map.of("Content-Type",
                List.of("image/png")), png, "127.0.0.1", "HTTP/1.1");
        APIGatewayV2HTTPEvent event = factory.create(request,
                new RouteMatch(new HttpApiRoute("Upload", "POST", "/upload", null), Map.of()), null, REQUEST_ID, NOW);
        assertThat(event.getIsBase64Encoded()).isTrue();
        assertThat(event.getBody()).isEqualTo("iVBORw==");
    }

    @Test
    void textTypes() {
        assertThat(HttpApiEventFactory.isText("application/json; charset=utf-8")).isTrue();
        assertThat(HttpApiEventFactory.isText("application/problem+json")).isTrue();
        assertThat(HttpApiEventFactory.isText("text/csv")).isTrue();
        assertThat(HttpApiEventFactory.isText(null)).isTrue();
        assertThat(HttpApiEventFactory.isText("application/octet-stream")).isFalse();
    }

    /** The trace id is random per request. */
    private static JsonNode comparable(JsonNode event) {
        JsonNode copy = event.deepCopy();
        ((ObjectNode) copy.path("headers")).put("x-amzn-trace-id", "<random>");
        return copy;
    }
}
