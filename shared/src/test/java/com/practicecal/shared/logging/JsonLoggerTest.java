package com.practicecal.shared.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.practicecal.shared.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.event.Level;

class JsonLoggerTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    @Test
    void theProviderIsThisOneAndWritesJson() {
        assertThat(LoggerFactory.getILoggerFactory()).isInstanceOf(JsonLoggerFactory.class);
    }

    @Test
    void oneJsonObjectPerLineWithMdcPairsAndError() {
        JsonLogger logger = new JsonLogger("test", Level.INFO, () -> out);
        MDC.put("requestId", "r-1");
        MDC.put("route", "GET /v1/me");
        logger.info("hello {} \"quoted\"\nsecond line", "world");
        logger.atWarn().addKeyValue("status", 503).addKeyValue("latencyMs", 12L).log("slow");
        logger.error("failed", new IllegalStateException("boom"));
        logger.debug("not written");

        List<JsonNode> lines = lines();
        assertThat(lines).hasSize(3);
        JsonNode first = lines.get(0);
        assertThat(first.get("level").asText()).isEqualTo("INFO");
        assertThat(first.get("message").asText()).isEqualTo("hello world \"quoted\"\nsecond line");
        assertThat(first.get("requestId").asText()).isEqualTo("r-1");
        assertThat(first.get("route").asText()).isEqualTo("GET /v1/me");
        assertThat(first.get("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(lines.get(1).get("status").asInt()).isEqualTo(503);
        assertThat(lines.get(1).get("latencyMs").isNumber()).isTrue();
        assertThat(lines.get(2).get("errorType").asText()).isEqualTo(IllegalStateException.class.getName());
        assertThat(lines.get(2).get("stackTrace").asText()).contains("JsonLoggerTest");
    }

    @Test
    void levelComesFromLambdaOrLogLevel() {
        assertThat(JsonLogger.threshold(Map.of())).isEqualTo(Level.INFO);
        assertThat(JsonLogger.threshold(Map.of("AWS_LAMBDA_LOG_LEVEL", "DEBUG", "LOG_LEVEL", "ERROR")))
                .isEqualTo(Level.DEBUG);
        assertThat(JsonLogger.threshold(Map.of("LOG_LEVEL", "warn"))).isEqualTo(Level.WARN);
        assertThat(JsonLogger.threshold(Map.of("AWS_LAMBDA_LOG_LEVEL", "FATAL"))).isEqualTo(Level.ERROR);
        JsonLogger warn = new JsonLogger("test", Level.WARN, () -> out);
        warn.info("dropped");
        warn.warn("kept");
        assertThat(lines()).extracting(l -> l.get("message").asText()).containsExactly("kept");
    }

    @Test
    void metricsAreEmbeddedMetricFormatLines() {
        MDC.put("route", "POST /v1/bookings");
        JsonNode metric = Json.tree(Metrics.line(Metrics.ROOM_TAKEN, 1).toString());
        assertThat(metric.get("RoomTaken").asInt()).isEqualTo(1);
        assertThat(metric.at("/_aws/CloudWatchMetrics/0/Namespace").asText()).isEqualTo(Metrics.NAMESPACE);
        assertThat(metric.at("/_aws/CloudWatchMetrics/0/Metrics/0/Name").asText()).isEqualTo("RoomTaken");
        assertThat(metric.at("/_aws/CloudWatchMetrics/0/Dimensions/0/0").asText()).isEqualTo("function");
        assertThat(metric.has("function")).isTrue();
        assertThat(metric.at("/_aws/Timestamp").isNumber()).isTrue();
        assertThat(metric.get("route").asText()).isEqualTo("POST /v1/bookings");
    }

    @Test
    void metricsReachStdoutInLambdaOnly() {
        PrintStream original = System.out;
        System.setOut(out);
        try {
            Metrics.count(Metrics.ROOM_TAKEN);
            Metrics.count(Metrics.RELAY_RETRIES, 0);
        } finally {
            System.setOut(original);
        }
        String written = bytes.toString(StandardCharsets.UTF_8);
        if (System.getenv("AWS_LAMBDA_FUNCTION_NAME") == null) {
            assertThat(written).doesNotContain("_aws"); // debug log, below the default level
        } else {
            assertThat(written.lines()).hasSize(1);
        }
    }

    private List<JsonNode> lines() {
        return bytes.toString(StandardCharsets.UTF_8).lines().map(Json::tree).toList();
    }
}
