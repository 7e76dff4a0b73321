package com.practicecal.local.client;

import static com.practicecal.local.Urls.enc;
import static org.assertj.core.api.Assertions.assertThat;

import com.practicecal.functions.retentionpurge.RetentionPurgeHandler;
import com.practicecal.local.ApiResult;
import com.practicecal.local.CountingInterceptor;
import com.practicecal.local.LocalStack;
import com.practicecal.local.LocalStackIT;
import com.practicecal.local.TestUser;
import com.practicecal.shared.client.RetentionPurge;
import com.practicecal.shared.plan.Plan;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The scheduled retention purge, with the period shortened to seconds so real appointments can age past it: a
 * dry run changes nothing and names what it would purge; the run deletes bookings, notes, calendar entries and
 * the record of a client whose last appointment is that old, and keeps the history of a client who came again.
 */
class RetentionPurgeIT extends LocalStackIT {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void oldBookingsNotesAndRecordsGoAndDryRunOnlyTells() throws Exception {
        TestUser owner = users.signUpAndLogin(Plan.M);
        String room = api.post("/v1/rooms", Map.of("name", "Raum"), owner.accessToken()).field("id");
        String gone = api.post("/v1/clients", Map.of("firstName", "Alt", "lastName", "Klient"), owner.accessToken()).field("id");
        String stays = api.post("/v1/clients", Map.of("firstName", "Wieder", "lastName", "Da"), owner.accessToken()).field("id");
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(2);
        String old = book(owner, room, start, Map.of("clientId", gone));
        String oldInline = book(owner, room, start.plusSeconds(2), Map.of("client", Map.of("name", "Ohne Akte")));
        // a typed-in client gets a record of its own (see InlineClientLinkingIT), purged with its last appointment
        String inlineRecord = api.get("/v1/bookings/" + oldInline, owner.accessToken()).field("clientId");
        String oldOfReturning = book(owner, room, start.plusSeconds(4), Map.of("clientId", stays));
        LocalDate later = LocalDate.now(BERLIN).plusDays(3);
        book(owner, room, later.atTime(9, 0).atZone(BERLIN).toInstant(), Map.of("clientId", stays));
        assertThat(api.post("/v1/bookings/" + old + "/notes", Map.of("text", "alte Notiz"), owner.accessToken()).status())
                .isEqualTo(201);
        Thread.sleep(Duration.between(Instant.now(), start.plusSeconds(8)).toMillis());

        CountingInterceptor calls = new CountingInterceptor();
        try (ApplicationContext context = purgeContext(calls)) {
            RetentionPurgeHandler handler = new RetentionPurgeHandler(context);
            RetentionPurge.Report[] dryRun = new RetentionPurge.Report[1];
            Map<String, Long> dryCalls = calls.callsOf(() ->
                    dryRun[0] = handler.execute(Map.of("dryRun", true, "accountId", owner.accountId())));
            RetentionPurge.Report dry = dryRun[0];
            // candidates from the retention index, never a scan of the table: one query per shard and month
            System.out.printf("retention dry run: %d index months, AWS calls %s%n", dry.monthsRead(), dryCalls);
            assertThat(dryCalls).doesNotContainKey("Scan");
            assertThat(dry.monthsRead()).isEqualTo(1);
            assertThat(dry.dryRun()).isTrue();
            assertThat(dry.bookingIds()).containsExactlyInAnyOrder(old, oldInline);
            assertThat(dry.clientIds()).containsExactlyInAnyOrder(gone, inlineRecord);
            assertThat(dry.notes()).isEqualTo(1);
            assertThat(api.get("/v1/bookings/" + old, owner.accessToken()).status()).as("dry run changes nothing").isEqualTo(200);
            assertThat(api.get("/v1/clients/" + gone, owner.accessToken()).status()).isEqualTo(200);

            RetentionPurge.Report run = handler.execute(Map.of("dryRun", false, "accountId", owner.accountId()));
            assertThat(run.bookingIds()).containsExactlyInAnyOrder(old, oldInline);
        }
        assertThat(api.get("/v1/bookings/" + old, owner.accessToken()).status()).isEqualTo(404);
        assertThat(api.get("/v1/bookings/" + oldInline, owner.accessToken()).status()).isEqualTo(404);
        assertThat(api.get("/v1/clients/" + gone, owner.accessToken()).status()).isEqualTo(404);
        assertThat(local.dynamo().query(b -> b.tableName(local.tableName()).keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("BOOKING#" + old)))).items())
                .as("booking and notes").isEmpty();
        ApiResult calendar = api.get("/v1/calendar?from=" + enc(start.minusSeconds(60).toString()) + "&to="
                + enc(start.plusSeconds(60).toString()), owner.accessToken());
        assertThat(calendar.body()).doesNotContain(old).doesNotContain(oldInline).contains(oldOfReturning);
        assertThat(api.get("/v1/bookings/" + oldOfReturning, owner.accessToken()).status()).isEqualTo(200);
        assertThat(api.get("/v1/clients/" + stays, owner.accessToken()).status()).isEqualTo(200);
    }

    /** The purge function's context with a 2-second period, reading the index from this month (UTC) on. */
    private static ApplicationContext purgeContext(CountingInterceptor calls) {
        Map<String, Object> settings = new HashMap<>(LocalStack.shared().stack().settings());
        settings.put("retention.period", "PT2S");
        settings.put("retention.earliest.month", YearMonth.now(ZoneOffset.UTC).toString());
        return ApplicationContext.builder().properties(settings).singletons(calls).start();
    }

    /**
     * A booking written before the retention index existed (no index keys) is no candidate until the one-off
     * backfill gives it the keys; the next run purges it.
     */
    @Test
    void bookingsFromBeforeTheIndexArePurgedAfterTheBackfill() throws Exception {
        TestUser owner = users.signUpAndLogin(Plan.M);
        String room = api.post("/v1/rooms", Map.of("name", "Raum"), owner.accessToken()).field("id");
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(2);
        String legacy = book(owner, room, start, Map.of("client", Map.of("name", "Vor Index")));
        local.dynamo().updateItem(b -> b.tableName(local.tableName())
                .key(Map.of("PK", AttributeValue.fromS("BOOKING#" + legacy), "SK", AttributeValue.fromS("BOOKING")))
                .updateExpression("REMOVE retentionPK, retentionSK"));
        Thread.sleep(Duration.between(Instant.now(), start.plusSeconds(5)).toMillis());
        CountingInterceptor calls = new CountingInterceptor();
        try (ApplicationContext context = purgeContext(calls)) {
            RetentionPurgeHandler handler = new RetentionPurgeHandler(context);
            assertThat(handler.execute(Map.of("dryRun", true, "accountId", owner.accountId())).bookingIds())
                    .as("not in the index yet").doesNotContain(legacy);
            RetentionPurge.Report backfill = handler.execute(Map.of("backfill", true));
            assertThat(backfill.backfilled()).isGreaterThanOrEqualTo(1);
            assertThat(handler.execute(Map.of("dryRun", false, "accountId", owner.accountId())).bookingIds())
                    .containsExactly(legacy);
        }
        assertThat(api.get("/v1/bookings/" + legacy, owner.accessToken()).status()).isEqualTo(404);
    }

    private String book(TestUser owner, String room, Instant start, Map<String, Object> client) {
        Map<String, Object> body = new HashMap<>(client);
        body.put("roomId", room);
        body.put("start", start.toString());
        body.put("end", start.plusSeconds(2).toString());
        ApiResult booked = api.post("/v1/bookings", body, owner.accessToken());
        assertThat(booked.status()).as("%s", booked).isEqualTo(201);
        return booked.field("id");
    }
}
