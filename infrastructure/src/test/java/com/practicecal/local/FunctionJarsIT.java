package com.practicecal.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicecal.shared.plan.Plan;
import java.time.LocalDate;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Every deployable jar works on its own, as Lambda runs it: a fresh JVM with only the jar on the class path (no
 * Cognito SDK or ical4j where the routes do not need them) builds the handler; API functions answer an unknown
 * route key with the JSON 404 and serve their read-only probe (the cold-start bench's) for a real owner, so the SDK
 * classes a jar's filters keep are enough for a real request.
 */
class FunctionJarsIT extends LocalStackIT {
    private static FunctionJarProcess jars;

    @AfterAll
    static void closeRunner() {
        if (jars != null) {
            jars.close();
        }
    }

    @Test
    void everyJarStartsAloneAndRoutes() {
        if (jars == null) {
            jars = new FunctionJarProcess(local.stack());
        }
        TestUser owner = users.signUpAndLogin(Plan.XL);
        SoftAssertions softly = new SoftAssertions();
        for (SamFunction function : local.stack().template().functions()) {
            try {
                if (function.routes().isEmpty()) {
                    softly.assertThat(jars.init(function).status()).as(function.logicalId()).isEqualTo("init");
                    continue;
                }
                FunctionJarProcess.Result unknown = jars.invoke(function, FunctionJarProcess.event(
                        "GET /v1/no-such-route", "/v1/no-such-route", Map.of(), Map.of(), Map.of("host", "localhost"),
                        null, null), Map.of());
                softly.assertThat(unknown.status()).as(function.logicalId() + ":\n" + unknown.output()).isEqualTo("404");
                // a real route, so the jar's own SDK client and the model classes it keeps serve a request
                ColdStartBenchmark.Probe probe = ColdStartBenchmark.PROBES.get(function.logicalId());
                softly.assertThat(probe).as("a read-only probe for %s in ColdStartBenchmark", function.logicalId())
                        .isNotNull();
                if (probe != null) {
                    FunctionJarProcess.Result read = jars.invoke(function, probe.event(owner), Map.of());
                    softly.assertThat(read.status()).as(function.logicalId() + " " + probe.routeKey() + ":\n"
                            + read.output()).isEqualTo(String.valueOf(probe.expectedStatus()));
                }
            } catch (IllegalStateException failure) {
                softly.fail(failure.getMessage());
            }
        }
        softly.assertAll();
        assertThat(local.stack().template().functions()).hasSizeGreaterThan(10);
    }

    /** Lambda runs the jar's contents extracted into a directory: Micronaut then finds its beans by walking it. */
    @Test
    void aJarExtractedAsLambdaDoesServes() {
        TestUser owner = users.signUpAndLogin(Plan.XL);
        SamFunction accounts = local.stack().template().function("AccountsFunction");
        try (FunctionJarProcess extracted = new FunctionJarProcess(local.stack(), true)) {
            FunctionJarProcess.Result read = extracted.invoke(accounts,
                    ColdStartBenchmark.PROBES.get("AccountsFunction").event(owner), Map.of());
            assertThat(read.status()).as(read.output()).isEqualTo("200");
        }
    }

    @Test
    void theFeedsJarRendersACalendar() {
        TestUser owner = users.signUpAndLogin(Plan.M);
        String room = api.post("/v1/rooms", Map.of("name", "Praxisraum"), owner.accessToken()).field("id");
        LocalDate day = LocalDate.now(Times.BERLIN).plusDays(7);
        assertThat(api.post("/v1/bookings", Map.of("roomId", room, "start", Times.berlin(day, 9), "end",
                Times.berlin(day, 10), "client", Map.of("name", "Erika Mustermann")), owner.accessToken()).status())
                .isEqualTo(201);
        String url = api.post("/v1/feeds", null, owner.accessToken()).field("url");
        String file = url.substring(url.lastIndexOf('/') + 1);
        if (jars == null) {
            jars = new FunctionJarProcess(local.stack());
        }
        FunctionJarProcess.Result result = jars.invoke(local.stack().template().function("FeedsFunction"),
                FunctionJarProcess.event("GET /v1/public/feeds/{file}", "/v1/public/feeds/" + file, Map.of(),
                        Map.of("file", file), Map.of("host", "localhost"), null, null), Map.of());
        assertThat(result.status()).as(result.output()).isEqualTo("200");
    }
}
