package com.practicecal.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.practicecal.shared.json.Json;
import com.practicecal.shared.logging.Metrics;
import com.practicecal.shared.plan.Plan;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The {@code BookingsCreated} embedded-metric-format count, as the bookings jar writes it when Lambda runs it: a
 * booking created and then replayed with the same Idempotency-Key (the runner invokes the same event twice) counts
 * once, not twice; a second key counts again.
 */
class BookingMetricsIT extends LocalStackIT {

    @Test
    void anIdempotencyKeyReplayIsNotCountedAsASecondBooking() {
        TestUser owner = users.signUpAndLogin(Plan.M);
        String room = api.post("/v1/rooms", Map.of("name", "Praxis"), owner.accessToken()).field("id");
        LocalDate day = LocalDate.now(Times.BERLIN).plusDays(8);
        try (FunctionJarProcess jars = new FunctionJarProcess(local.stack())) {
            FunctionJarProcess.Result replayed = create(jars, owner, room, day, 9);
            assertThat(replayed.status()).as(replayed.output()).isEqualTo("201");
            assertThat(bookingsCreated(replayed)).as("created once, replayed once:\n" + replayed.output())
                    .containsExactly(1L);

            FunctionJarProcess.Result other = create(jars, owner, room, day, 11);
            assertThat(other.status()).as(other.output()).isEqualTo("201");
            assertThat(bookingsCreated(other)).as(other.output()).containsExactly(1L);
        }
        assertThat(api.get("/v1/bookings?from=" + enc(Times.berlin(day, 0)) + "&to=" + enc(Times.berlin(day.plusDays(1), 0)),
                owner.accessToken()).json().path("items").size()).as("two bookings exist").isEqualTo(2);
    }

    /** A weekly series counts the occurrences it booked, in one metric line; its replay books and counts nothing. */
    @Test
    void aSeriesCountsItsOccurrencesOnce() {
        TestUser owner = users.signUpAndLogin(Plan.M);
        String room = api.post("/v1/rooms", Map.of("name", "Praxis"), owner.accessToken()).field("id");
        LocalDate day = LocalDate.now(Times.BERLIN).plusDays(9);
        APIGatewayV2HTTPEvent event = FunctionJarProcess.event("POST /v1/booking-series", "/v1/booking-series",
                Map.of(), Map.of(), Map.of("host", "localhost", "content-type", "application/json", "idempotency-key",
                        UUID.randomUUID().toString()),
                Json.write(Map.of("roomId", room, "start", Times.berlin(day, 14), "end", Times.berlin(day, 15),
                        "client", Map.of("name", "Erika Muster"),
                        "recurrence", Map.of("frequency", "WEEKLY", "interval", 1, "count", 3))), owner);
        try (FunctionJarProcess jars = new FunctionJarProcess(local.stack())) {
            FunctionJarProcess.Result created = jars.invoke(local.stack().template().function("BookingsFunction"),
                    event, Map.of());
            assertThat(created.status()).as(created.output()).isEqualTo("201");
            assertThat(bookingsCreated(created)).as("three occurrences, then the replay:\n" + created.output())
                    .containsExactly(3L);
        }
    }

    private FunctionJarProcess.Result create(FunctionJarProcess jars, TestUser owner, String room, LocalDate day,
                                             int hour) {
        APIGatewayV2HTTPEvent event = FunctionJarProcess.event("POST /v1/bookings", "/v1/bookings", Map.of(), Map.of(),
                Map.of("host", "localhost", "content-type", "application/json", "idempotency-key",
                        UUID.randomUUID().toString()),
                Json.write(Map.of("roomId", room, "start", Times.berlin(day, hour), "end", Times.berlin(day, hour + 1),
                        "client", Map.of("name", "Erika Muster"))), owner);
        return jars.invoke(local.stack().template().function("BookingsFunction"), event, Map.of());
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The values of every BookingsCreated metric line the function wrote. */
    private static List<Long> bookingsCreated(FunctionJarProcess.Result result) {
        return result.functionLines().stream().filter(line -> line.contains("\"_aws\"")).map(Json::tree)
                .filter(line -> line.has(Metrics.BOOKINGS_CREATED))
                .map(line -> line.path(Metrics.BOOKINGS_CREATED).asLong()).toList();
    }
}
