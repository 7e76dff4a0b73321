package com.practicecal.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.practicecal.shared.json.Json;
import com.practicecal.shared.plan.Plan;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What an operator sees: the practice function's deployed jar, run as Lambda runs it (fresh JVM, only the jar),
 * writes one JSON object per line to stdout, an access line per request with route, status and latency, the
 * request id and route in every line of a request, and neither the bearer token, the client's email nor the note.
 */
class JsonLogsIT extends LocalStackIT {

    @Test
    void aNoteWrittenThroughTheJarLogsJsonWithoutTokenEmailOrNote() {
        TestUser owner = users.signUpAndLogin(Plan.XL);
        String email = "client-" + UUID.randomUUID().toString().substring(0, 8) + "@client.test";
        String note = "Private session note " + UUID.randomUUID();
        LocalDate day = LocalDate.now(Times.BERLIN).plusDays(9);
        String room = api.post("/v1/rooms", Map.of("name", "Praxis"), owner.accessToken()).field("id");
        String booking = api.post("/v1/bookings", Map.of("roomId", room, "start", Times.berlin(day, 9), "end",
                Times.berlin(day, 10), "client", Map.of("name", "Erika Muster", "email", email)),
                owner.accessToken()).field("id");

        String routeKey = "POST /v1/bookings/{bookingId}/notes";
        APIGatewayV2HTTPEvent event = FunctionJarProcess.event(routeKey, "/v1/bookings/" + booking + "/notes",
                Map.of(), Map.of("bookingId", booking), Map.of("host", "localhost", "content-type", "application/json",
                        "authorization", "Bearer " + owner.accessToken()), Json.write(Map.of("text", note)), owner);
        FunctionJarProcess.Result result;
        try (FunctionJarProcess jars = new FunctionJarProcess(local.stack())) {
            result = jars.invoke(local.stack().template().function("PracticeFunction"), event,
                    Map.of("AWS_LAMBDA_LOG_LEVEL", "DEBUG"));
        }
        assertThat(result.status()).as(result.output()).isEqualTo("201");

        List<String> lines = result.functionLines();
        assertThat(lines).as("the function's output").isNotEmpty();
        List<JsonNode> json = lines.stream().map(JsonLogsIT::parse).toList();
        for (JsonNode line : json) {
            assertThat(line.isObject()).as("%s", line).isTrue();
            if (!line.has("_aws")) {
                assertThat(line.path("timestamp").asText()).as("%s", line).matches("\\d{4}-.*Z");
                assertThat(line.path("level").asText()).as("%s", line).isIn("TRACE", "DEBUG", "INFO", "WARN", "ERROR");
                assertThat(line.has("message")).as("%s", line).isTrue();
            }
        }
        List<JsonNode> access = json.stream().filter(l -> "access".equals(l.path("logger").asText())).toList();
        assertThat(access).as("one access line per invocation").hasSize(2);
        for (JsonNode line : access) {
            assertThat(line.path("method").asText()).isEqualTo("POST");
            assertThat(line.path("route").asText()).isEqualTo(routeKey);
            assertThat(line.path("status").asInt()).isEqualTo(201);
            assertThat(line.path("latencyMs").isNumber()).isTrue();
            assertThat(line.path("requestId").asText()).isEqualTo(event.getRequestContext().getRequestId());
        }
        assertThat(json.stream().filter(l -> l.has("requestId"))).as("lines of a request name its route")
                .allSatisfy(l -> assertThat(l.path("route").asText()).isEqualTo(routeKey));
        assertThat(result.output()).doesNotContain(owner.accessToken()).doesNotContain(email).doesNotContain(note)
                .doesNotContain("Bearer");
    }

    private static JsonNode parse(String line) {
        try {
            return Json.tree(line);
        } catch (RuntimeException notJson) {
            throw new AssertionError("not a JSON log line: " + line, notJson);
        }
    }
}
