package com.practicecal.local.series;

import static com.practicecal.local.Times.berlin;
import static com.practicecal.local.Urls.enc;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.practicecal.local.ApiClient;
import com.practicecal.local.ApiResult;
import com.practicecal.local.Races;
import com.practicecal.local.LocalApi;
import com.practicecal.local.LocalStackIT;
import com.practicecal.local.OccupancyCheck;
import com.practicecal.local.TestUser;
import com.practicecal.local.audit.FaultInjector;
import com.practicecal.shared.plan.Plan;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * Weekly series through the local API: wall-clock time across DST, taken weeks skipped, quota per month, the same
 * conditional transaction per occurrence (concurrent series and singles never overlap), resumable after a crash
 * midway with the same Idempotency-Key, and the AWS calls of a 20-week series.
 */
class SeriesIT extends LocalStackIT {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private String room(TestUser owner, String name) {
        ApiResult created = api.post("/v1/rooms", Map.of("name", name), owner.accessToken());
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.field("id");
    }

    private static Map<String, Object> series(String roomId, String start, String end, String client,
                                              Map<String, Object> recurrence) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("roomId", roomId);
        body.put("start", start);
        body.put("end", end);
        body.put("client", Map.of("name", client, "email", "series.client@example.org"));
        body.put("recurrence", recurrence);
        return body;
    }

    private static Map<String, Object> weekly(int count) {
        return Map.of("frequency", "WEEKLY", "interval", 1, "count", count);
    }

    private static LocalTime localTime(JsonNode time) {
        return OffsetDateTime.parse(time.asText()).atZoneSameInstant(BERLIN).toLocalTime();
    }

    /** The first Tuesday two weeks before the spring DST change after now (last Sunday of March). */
    private static LocalDate tuesdayBeforeDst() {
        int year = LocalDate.now(BERLIN).getYear() + 1;
        LocalDate change = LocalDate.of(year, 3, 31).with(TemporalAdjusters.lastInMonth(DayOfWeek.SUNDAY));
        return change.minusDays(19); // Tuesday, 2.7 weeks before
    }

    @Test
    void aSeriesAcrossDstKeepsTenOClockAndSkipsTheTakenWeek() {
        TestUser owner = users.signUpAndLogin(Plan.L);
        String room = room(owner, "Serienraum");
        LocalDate first = tuesdayBeforeDst();
        assertThat(first.getDayOfWeek()).isEqualTo(DayOfWeek.TUESDAY);
        // week 3 is taken by a single booking
        assertThat(api.post("/v1/bookings", Map.of("roomId", room, "start", berlin(first.plusWeeks(2), 10, 30),
                "end", berlin(first.plusWeeks(2), 11, 0), "client", Map.of("name", "Einzeltermin")), owner.accessToken())
                .status()).isEqualTo(201);
        Map<String, Object> body = series(room, berlin(first, 10, 0), berlin(first, 10, 50), "Erika Mustermann", weekly(6));

        awsCalls.reset();
        ApiResult preview = api.post("/v1/booking-series/preview", body, owner.accessToken());
        assertThat(preview.status()).as("%s", preview).isEqualTo(200);
        assertThat(awsCalls.calls("TransactWriteItems")).as("a preview writes nothing").isZero();
        List<String> verdicts = new ArrayList<>();
        preview.json().path("occurrences").forEach(o -> verdicts.add(o.path("free").asBoolean() ? "free"
                : o.path("code").asText()));
        assertThat(verdicts).containsExactly("free", "free", "ROOM_TAKEN", "free", "free", "free");

        ApiResult created = api.post("/v1/booking-series", body, owner.accessToken(), "Idempotency-Key",
                UUID.randomUUID().toString());
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String seriesId = created.field("id");
        JsonNode bookings = created.json().path("bookings");
        assertThat(bookings).hasSize(5);
        Set<Integer> utcHours = new HashSet<>();
        bookings.forEach(b -> {
            assertThat(localTime(b.path("start"))).isEqualTo(LocalTime.of(10, 0));
            assertThat(localTime(b.path("end"))).isEqualTo(LocalTime.of(10, 50));
            assertThat(b.path("seriesId").asText()).isEqualTo(seriesId);
            utcHours.add(OffsetDateTime.parse(b.path("start").asText()).withOffsetSameInstant(ZoneOffset.UTC).getHour());
        });
        assertThat(utcHours).as("10:00 CET is 09:00 UTC, 10:00 CEST is 08:00 UTC").containsExactlyInAnyOrder(8, 9);
        assertThat(created.json().path("skipped")).hasSize(1);
        assertThat(created.json().path("skipped").get(0).path("code").asText()).isEqualTo("ROOM_TAKEN");
        assertThat(OffsetDateTime.parse(created.json().path("skipped").get(0).path("start").asText()).toLocalDate())
                .isEqualTo(first.plusWeeks(2));

        // the series as stored; the calendar marks occurrences; single occurrences are ordinary bookings
        ApiResult stored = api.get("/v1/booking-series/" + seriesId, owner.accessToken());
        assertThat(stored.status()).as("%s", stored).isEqualTo(200);
        List<String> statuses = new ArrayList<>();
        stored.json().path("occurrences").forEach(o -> statuses.add(o.path("status").asText()));
        assertThat(statuses).containsExactly("CONFIRMED", "CONFIRMED", "SKIPPED", "CONFIRMED", "CONFIRMED", "CONFIRMED");
        ApiResult calendar = api.get("/v1/calendar?from=" + enc(berlin(first, 0)) + "&to=" + enc(berlin(first.plusDays(1), 0)),
                owner.accessToken());
        assertThat(calendar.json().path("bookings").get(0).path("seriesId").asText()).isEqualTo(seriesId);
        String second = bookings.get(1).path("id").asText();
        ApiResult movedOne = api.patch("/v1/bookings/" + second, Map.of("start", berlin(first.plusWeeks(1), 12, 0),
                "end", berlin(first.plusWeeks(1), 12, 50)), owner.accessToken());
        assertThat(movedOne.status()).as("%s", movedOne).isEqualTo(200);
        assertThat(movedOne.field("seriesId")).isEqualTo(seriesId);

        // PATCH from the 4th occurrence: 14:00 from there on; DELETE from the 6th
        ApiResult changed = api.patch("/v1/booking-series/" + seriesId, Map.of("from", berlin(first.plusWeeks(3), 10, 0),
                "start", berlin(first.plusWeeks(3), 14, 0), "end", berlin(first.plusWeeks(3), 14, 50)), owner.accessToken());
        assertThat(changed.status()).as("%s", changed).isEqualTo(200);
        assertThat(changed.json().path("changed")).hasSize(3);
        assertThat(changed.json().path("notChanged")).isEmpty();
        ApiResult cancelled = api.delete("/v1/booking-series/" + seriesId + "?from=" + enc(berlin(first.plusWeeks(5), 14, 0)),
                owner.accessToken());
        assertThat(cancelled.status()).as("%s", cancelled).isEqualTo(200);
        assertThat(cancelled.json().path("changed")).hasSize(1);
        List<String> times = new ArrayList<>();
        api.get("/v1/booking-series/" + seriesId, owner.accessToken()).json().path("occurrences").forEach(o ->
                times.add(o.path("status").asText() + " " + localTime(o.path("start"))));
        assertThat(times).containsExactly("CONFIRMED 10:00", "CONFIRMED 12:00", "SKIPPED 10:00", "CONFIRMED 14:00",
                "CONFIRMED 14:00", "CANCELLED 14:00");
        assertThat(api.delete("/v1/booking-series/" + seriesId + "?from=" + enc(berlin(first, 9, 0)), owner.accessToken())
                .errorField()).isEqualTo("from");
        assertThat(OccupancyCheck.overlaps(local, room)).isEmpty();
    }

    @Test
    void aTwentyWeekSeriesCostsOneReadAndOneTransactionPerOccurrence() {
        TestUser owner = users.signUpAndLogin(Plan.L);
        String room = room(owner, "Zwanzig");
        LocalDate first = LocalDate.now(BERLIN).plusDays(14);
        Map<String, Object> body = series(room, berlin(first, 8, 0), berlin(first, 8, 50), "Zwanzig Wochen", weekly(20));
        String key = UUID.randomUUID().toString();
        awsCalls.reset();
        ApiResult created = api.post("/v1/booking-series", body, owner.accessToken(), "Idempotency-Key", key);
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        System.out.printf("20-week series: %d AWS calls %s%n", awsCalls.calls(), awsCalls.byOperation());
        assertThat(created.json().path("bookings")).hasSize(20);
        assertThat(awsCalls.calls("BatchGetItem")).as("%s", awsCalls.byOperation()).isEqualTo(1);
        assertThat(awsCalls.calls("TransactWriteItems")).as("%s", awsCalls.byOperation()).isEqualTo(20);
        assertThat(awsCalls.calls()).as("%s", awsCalls.byOperation()).isEqualTo(21);
        awsCalls.reset();
        ApiResult replay = api.post("/v1/booking-series", body, owner.accessToken(), "Idempotency-Key", key);
        System.out.printf("20-week series replay: %d AWS calls %s%n", awsCalls.calls(), awsCalls.byOperation());
        assertThat(replay.json()).isEqualTo(created.json());
        assertThat(awsCalls.calls()).isEqualTo(1);
        // without a key a series is refused (a retry could not resume it) and nothing is written
        Map<String, Object> keyless = series(room, berlin(first, 12, 0), berlin(first, 12, 50), "Ohne Schlüssel", weekly(3));
        awsCalls.reset();
        ApiResult refused = api.post("/v1/booking-series", keyless, owner.accessToken());
        assertThat(refused.status()).as("%s", refused).isEqualTo(422);
        assertThat(refused.errorCode()).isEqualTo("IDEMPOTENCY_KEY_REQUIRED");
        assertThat(refused.errorField()).isEqualTo("Idempotency-Key");
        assertThat(awsCalls.calls()).as("%s", awsCalls.byOperation()).isZero();
        // the same key with another body is refused
        Map<String, Object> other = series(room, berlin(first, 9, 0), berlin(first, 9, 50), "Zwanzig Wochen", weekly(20));
        assertThat(api.post("/v1/booking-series", other, owner.accessToken(), "Idempotency-Key", key).errorCode())
                .isEqualTo("IDEMPOTENCY_KEY_REUSED");
        awsCalls.reset();
        assertThat(api.get("/v1/booking-series/" + created.field("id"), owner.accessToken()).status()).isEqualTo(200);
        System.out.printf("GET 20-week series: %d AWS calls %s%n", awsCalls.calls(), awsCalls.byOperation());
    }

    @Test
    void changingAndCancellingATwentyWeekSeriesCostsOneBatchedReadAndOneTransactionPerOccurrence() {
        TestUser owner = users.signUpAndLogin(Plan.L);
        String room = room(owner, "Umzug");
        String other = room(owner, "Neuer Raum");
        LocalDate first = LocalDate.now(BERLIN).plusDays(10);
        ApiResult created = api.post("/v1/booking-series", series(room, berlin(first, 8, 0), berlin(first, 8, 50),
                "Zwanzig Umzüge", weekly(20)), owner.accessToken(), "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String seriesId = created.field("id");

        awsCalls.reset();
        ApiResult moved = api.patch("/v1/booking-series/" + seriesId, Map.of("from", berlin(first, 8, 0),
                "start", berlin(first, 11, 0), "end", berlin(first, 11, 50), "roomId", other), owner.accessToken());
        System.out.printf("PATCH 20-week series (all 20 move): %d AWS calls %s%n", awsCalls.calls(), awsCalls.byOperation());
        assertThat(moved.status()).as("%s", moved).isEqualTo(200);
        assertThat(moved.json().path("changed")).hasSize(20);
        assertThat(awsCalls.calls("BatchGetItem")).as("%s", awsCalls.byOperation()).isEqualTo(2);
        assertThat(awsCalls.calls("TransactWriteItems")).as("%s", awsCalls.byOperation()).isEqualTo(20);
        assertThat(awsCalls.calls()).as("%s", awsCalls.byOperation()).isEqualTo(22);
        List<String> placed = new ArrayList<>();
        api.get("/v1/booking-series/" + seriesId, owner.accessToken()).json().path("occurrences").forEach(o ->
                placed.add(o.path("roomId").asText() + " " + localTime(o.path("start"))));
        assertThat(placed).hasSize(20).allSatisfy(p -> assertThat(p).isEqualTo(other + " 11:00"));
        assertThat(OccupancyCheck.overlaps(local, room)).isEmpty();
        assertThat(OccupancyCheck.overlaps(local, other)).isEmpty();
        // the old room is free again at 08:00, the new one taken at 11:00
        assertThat(api.post("/v1/bookings", Map.of("roomId", room, "start", berlin(first.plusWeeks(3), 8, 0),
                "end", berlin(first.plusWeeks(3), 8, 50), "client", Map.of("name", "Frei")), owner.accessToken()).status())
                .isEqualTo(201);
        assertThat(api.post("/v1/bookings", Map.of("roomId", other, "start", berlin(first.plusWeeks(3), 11, 0),
                "end", berlin(first.plusWeeks(3), 11, 50), "client", Map.of("name", "Belegt")), owner.accessToken())
                .errorCode()).isEqualTo("ROOM_TAKEN");

        awsCalls.reset();
        ApiResult cancelled = api.delete("/v1/booking-series/" + seriesId + "?from=" + enc(berlin(first, 11, 0)),
                owner.accessToken());
        System.out.printf("DELETE 20-week series (all 20): %d AWS calls %s%n", awsCalls.calls(), awsCalls.byOperation());
        assertThat(cancelled.status()).as("%s", cancelled).isEqualTo(200);
        assertThat(cancelled.json().path("changed")).hasSize(20);
        assertThat(awsCalls.calls("BatchGetItem")).as("%s", awsCalls.byOperation()).isEqualTo(1);
        assertThat(awsCalls.calls("TransactWriteItems")).as("%s", awsCalls.byOperation()).isEqualTo(20);
        assertThat(awsCalls.calls()).as("%s", awsCalls.byOperation()).isEqualTo(21);
        assertThat(quota(owner, YearMonth.from(first.plusWeeks(3)))).as("the single booking only").isEqualTo(1);

        awsCalls.reset();
        assertThat(api.get("/v1/booking-series/" + seriesId, owner.accessToken()).status()).isEqualTo(200);
        System.out.printf("GET 20-week series: %d AWS calls %s%n", awsCalls.calls(), awsCalls.byOperation());
        assertThat(awsCalls.calls()).as("%s", awsCalls.byOperation()).isEqualTo(1);
    }

    @Test
    void aSeriesChangeRacingSingleBookingsForTheNewTimeNeverOverlaps() throws Exception {
        TestUser owner = users.signUpAndLogin(Plan.L);
        String room = room(owner, "Wettlauf");
        LocalDate first = LocalDate.now(BERLIN).plusDays(40);
        ApiResult created = api.post("/v1/booking-series", series(room, berlin(first, 8, 0), berlin(first, 8, 50),
                "Wettlauf", weekly(6)), owner.accessToken(), "Idempotency-Key", UUID.randomUUID().toString());
        String seriesId = created.field("id");
        List<ApiResult> results = Races.race(7, i -> () -> i == 0
                ? api.patch("/v1/booking-series/" + seriesId, Map.of("from", berlin(first, 8, 0),
                        "start", berlin(first, 12, 0), "end", berlin(first, 12, 50)), owner.accessToken())
                : api.post("/v1/bookings", Map.of("roomId", room, "start", berlin(first.plusWeeks(i - 1), 12, 20),
                        "end", berlin(first.plusWeeks(i - 1), 13, 0), "client", Map.of("name", "Single " + i)),
                        owner.accessToken()));
        ApiResult change = results.get(0);
        assertThat(change.status()).as("%s", change).isEqualTo(200);
        change.json().path("notChanged").forEach(n -> assertThat(n.path("code").asText()).isEqualTo("ROOM_TAKEN"));
        long singles = results.stream().skip(1).peek(r -> assertThat(r.status()).as("%s", r).isIn(201, 409))
                .filter(r -> r.status() == 201).count();
        // each week's 12:00 went to exactly one of them
        assertThat(change.json().path("changed").size() + singles).isEqualTo(6);
        assertThat(change.json().path("notChanged").size()).isEqualTo(singles);
        assertThat(OccupancyCheck.overlaps(local, room)).isEmpty();
    }

    @Test
    void aSeriesChangeToAnUnknownRoomWritesNothingAndTakenWeeksAreReported() {
        TestUser owner = users.signUpAndLogin(Plan.L);
        String room = room(owner, "Bleibt");
        LocalDate first = LocalDate.now(BERLIN).plusDays(12);
        ApiResult created = api.post("/v1/booking-series", series(room, berlin(first, 9, 0), berlin(first, 9, 50),
                "Teilweise", weekly(4)), owner.accessToken(), "Idempotency-Key", UUID.randomUUID().toString());
        String seriesId = created.field("id");
        ApiResult unknown = api.patch("/v1/booking-series/" + seriesId, Map.of("from", berlin(first, 9, 0),
                "roomId", "nosuchroom"), owner.accessToken());
        assertThat(unknown.status()).as("%s", unknown).isEqualTo(422);
        assertThat(unknown.errorField()).isEqualTo("roomId");
        List<String> rooms = new ArrayList<>();
        api.get("/v1/booking-series/" + seriesId, owner.accessToken()).json().path("occurrences")
                .forEach(o -> rooms.add(o.path("roomId").asText()));
        assertThat(rooms).as("the segment was not written").containsOnly(room);
        // week 3 at 15:00 is taken: that one stays, the others move
        assertThat(api.post("/v1/bookings", Map.of("roomId", room, "start", berlin(first.plusWeeks(2), 15, 0),
                "end", berlin(first.plusWeeks(2), 15, 30), "client", Map.of("name", "Im Weg")), owner.accessToken())
                .status()).isEqualTo(201);
        ApiResult changed = api.patch("/v1/booking-series/" + seriesId, Map.of("from", berlin(first, 9, 0),
                "start", berlin(first, 15, 0), "end", berlin(first, 15, 50)), owner.accessToken());
        assertThat(changed.status()).as("%s", changed).isEqualTo(200);
        assertThat(changed.json().path("changed")).hasSize(3);
        assertThat(changed.json().path("notChanged")).hasSize(1);
        assertThat(changed.json().path("notChanged").get(0).path("code").asText()).isEqualTo("ROOM_TAKEN");
        assertThat(localTime(changed.json().path("notChanged").get(0).path("start"))).isEqualTo(LocalTime.of(9, 0));
        assertThat(OccupancyCheck.overlaps(local, room)).isEmpty();
    }

    /** A change from a skipped week on moves no booking, but the series' new segment is written all the same. */
    @Test
    void aChangeFromASkippedWeekOnWritesTheSegmentAlone() {
        TestUser owner = users.signUpAndLogin(Plan.L);
        String room = room(owner, "Nur Plan");
        LocalDate first = LocalDate.now(BERLIN).plusDays(12);
        assertThat(api.post("/v1/bookings", Map.of("roomId", room, "start", berlin(first.plusWeeks(1), 9, 0),
                "end", berlin(first.plusWeeks(1), 9, 50), "client", Map.of("name", "Im Weg")), owner.accessToken())
                .status()).isEqualTo(201);
        ApiResult created = api.post("/v1/booking-series", series(room, berlin(first, 9, 0), berlin(first, 9, 50),
                "Zweimal", weekly(2)), owner.accessToken(), "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(created.json().path("skipped")).as("week 2 is taken").hasSize(1);
        String seriesId = created.field("id");

        ApiResult changed = api.patch("/v1/booking-series/" + seriesId, Map.of("from", berlin(first.plusWeeks(1), 9, 0),
                "start", berlin(first.plusWeeks(1), 11, 0), "end", berlin(first.plusWeeks(1), 11, 50)),
                owner.accessToken());

        assertThat(changed.status()).as("%s", changed).isEqualTo(200);
        assertThat(changed.json().path("changed")).isEmpty();
        assertThat(changed.json().path("notChanged")).isEmpty();
        JsonNode occurrences = api.get("/v1/booking-series/" + seriesId, owner.accessToken()).json().path("occurrences");
        assertThat(localTime(occurrences.get(0).path("start"))).as("week 1 keeps its time").isEqualTo(LocalTime.of(9, 0));
        assertThat(occurrences.get(1).path("status").asText()).isEqualTo("SKIPPED");
        assertThat(localTime(occurrences.get(1).path("start"))).as("week 2 is planned from the new segment")
                .isEqualTo(LocalTime.of(11, 0));
    }

    @Test
    void theMonthlyQuotaSkipsWhatIsOverTheCap() {
        TestUser owner = users.signUpAndLogin(Plan.S); // 30 a month
        String room = room(owner, "Quote");
        YearMonth month = YearMonth.now(BERLIN).plusMonths(3);
        for (int i = 0; i < 28; i++) {
            LocalDate day = month.atDay(1 + i);
            assertThat(api.post("/v1/bookings", Map.of("roomId", room, "start", berlin(day, 7, 0), "end", berlin(day, 7, 45),
                    "client", Map.of("name", "C" + i)), owner.accessToken()).status()).isEqualTo(201);
        }
        ApiResult created = api.post("/v1/booking-series", series(room, berlin(month.atDay(1), 16, 0),
                berlin(month.atDay(1), 16, 50), "Quote", weekly(6)), owner.accessToken(), "Idempotency-Key",
                UUID.randomUUID().toString());
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        List<String> skipped = new ArrayList<>();
        created.json().path("skipped").forEach(s -> skipped.add(s.path("code").asText() + " "
                + YearMonth.from(OffsetDateTime.parse(s.path("start").asText()))));
        // 1st, 8th: booked (29, 30); 15th, 22nd (and the 29th if in the month): over the cap; next month's fine
        long inMonth = java.util.stream.IntStream.range(0, 6).filter(w -> YearMonth.from(month.atDay(1).plusWeeks(w))
                .equals(month)).count();
        assertThat(skipped).hasSize((int) inMonth - 2).allSatisfy(s -> assertThat(s).isEqualTo("QUOTA_EXCEEDED " + month));
        assertThat(created.json().path("bookings")).hasSize(6 - ((int) inMonth - 2));
    }

    @Test
    void concurrentSeriesAndSingleBookingsInOneRoomNeverOverlap() throws Exception {
        TestUser owner = users.signUpAndLogin(Plan.L);
        String room = room(owner, "Gedrängt");
        LocalDate first = LocalDate.now(BERLIN).plusDays(70);
        AtomicInteger n = new AtomicInteger();
        List<ApiResult> results = Races.race(12, i -> () -> i < 4
                ? api.post("/v1/booking-series", series(room, berlin(first, 9, 0 + i * 10), berlin(first, 10, i * 10),
                        "Serie " + i, weekly(8)), owner.accessToken(), "Idempotency-Key", UUID.randomUUID().toString())
                : api.post("/v1/bookings", Map.of("roomId", room, "start", berlin(first.plusWeeks(i % 8), 9, 30),
                        "end", berlin(first.plusWeeks(i % 8), 10, 0), "client", Map.of("name", "Single " + n.incrementAndGet())),
                        owner.accessToken()));
        results.forEach(r -> assertThat(r.status()).as("%s", r).isIn(201, 409));
        int booked = 0;
        for (ApiResult r : results) {
            if (r.status() == 201 && r.json().has("bookings")) {
                booked += r.json().path("bookings").size();
                r.json().path("skipped").forEach(s -> assertThat(s.path("code").asText()).isIn("ROOM_TAKEN",
                        "CONCURRENT_MODIFICATION"));
            } else if (r.status() == 201) {
                booked++;
            }
        }
        // 8 weeks, each 09:00-10:30 wanted by everyone: exactly one occupant per week
        assertThat(booked).isEqualTo(8);
        assertThat(OccupancyCheck.overlaps(local, room)).isEmpty();
    }

    @Test
    void aCrashMidwayIsResumedByTheSameIdempotencyKeyWithoutBookingAnythingTwice() {
        TestUser owner = users.signUpAndLogin(Plan.L);
        String room = room(owner, "Absturz");
        LocalDate first = LocalDate.now(BERLIN).plusDays(21);
        Map<String, Object> body = series(room, berlin(first, 15, 0), berlin(first, 15, 50), "Wiederaufnahme", weekly(10));
        String key = UUID.randomUUID().toString();
        FaultInjector faults = new FaultInjector();
        AtomicInteger transactions = new AtomicInteger();
        // the function's process dies after its 4th committed occurrence (the 5th transaction never reaches DynamoDB)
        faults.failWhen(request -> request instanceof TransactWriteItemsRequest && transactions.incrementAndGet() > 4);
        try (LocalApi crashing = LocalApi.builder(local.stack()).singleton(faults).start()) {
            ApiResult crashed = new ApiClient(crashing.baseUri()).post("/v1/booking-series", body, owner.accessToken(),
                    "Idempotency-Key", key);
            assertThat(crashed.status()).as("%s", crashed).isGreaterThanOrEqualTo(500);
        }
        assertThat(faults.injected()).isEqualTo(1);
        assertThat(seriesBookings(owner, first)).as("four occurrences were committed before the crash").hasSize(4);

        awsCalls.reset();
        ApiResult resumed = api.post("/v1/booking-series", body, owner.accessToken(), "Idempotency-Key", key);
        assertThat(resumed.status()).as("%s", resumed).isEqualTo(201);
        System.out.printf("resumed 10-week series after 4: %d AWS calls %s%n", awsCalls.calls(), awsCalls.byOperation());
        assertThat(awsCalls.calls("TransactWriteItems")).as("only the six missing").isEqualTo(6);
        assertThat(resumed.json().path("bookings")).hasSize(10);
        assertThat(resumed.json().path("skipped")).isEmpty();
        List<JsonNode> stored = seriesBookings(owner, first);
        assertThat(stored).hasSize(10);
        assertThat(stored.stream().map(b -> b.path("id").asText()).distinct()).hasSize(10);
        assertThat(stored.stream().map(b -> b.path("start").asText()).distinct()).hasSize(10);
        assertThat(OccupancyCheck.overlaps(local, room)).isEmpty();
        // the month counters count each occurrence once
        long counted = 0;
        for (YearMonth m = YearMonth.from(first); !m.isAfter(YearMonth.from(first.plusWeeks(9))); m = m.plusMonths(1)) {
            counted += quota(owner, m);
        }
        assertThat(counted).isEqualTo(10);
        assertThat(api.post("/v1/booking-series", body, owner.accessToken(), "Idempotency-Key", key).json())
                .isEqualTo(resumed.json());
    }

    private List<JsonNode> seriesBookings(TestUser owner, LocalDate first) {
        ApiResult listed = api.get("/v1/bookings?from=" + enc(berlin(first, 0)) + "&to=" + enc(berlin(first.plusWeeks(12), 0)),
                owner.accessToken());
        assertThat(listed.status()).as("%s", listed).isEqualTo(200);
        List<JsonNode> found = new ArrayList<>();
        listed.json().path("items").forEach(b -> {
            if (b.has("seriesId")) {
                found.add(b);
            }
        });
        return found;
    }

    private long quota(TestUser owner, YearMonth month) {
        var item = local.dynamo().getItem(b -> b.tableName(local.stack().physicalId("MainTable")).key(Map.of(
                "PK", AttributeValue.fromS("ACCOUNT#" + owner.accountId()), "SK", AttributeValue.fromS("QUOTA#" + month))))
                .item();
        return item == null || !item.containsKey("booked") ? 0 : Long.parseLong(item.get("booked").n());
    }

}
