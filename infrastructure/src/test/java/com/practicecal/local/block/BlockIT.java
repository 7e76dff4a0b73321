package com.practicecal.local.block;

import static com.practicecal.local.Times.berlin;
import static com.practicecal.local.Urls.enc;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.practicecal.local.ApiResult;
import com.practicecal.local.Races;
import com.practicecal.local.LocalStackIT;
import com.practicecal.local.OccupancyCheck;
import com.practicecal.local.TestUser;
import com.practicecal.shared.plan.Plan;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.practicecal.local.ApiClient;
import com.practicecal.local.LocalApi;
import com.practicecal.local.audit.FaultInjector;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * Blocked time through the local API: with a room it occupies the room like a booking (the community sees busy, the
 * same transaction decides a race), without one the therapist has no online slots while the rooms stay free; the
 * plan quota never moves.
 */
class BlockIT extends LocalStackIT {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final List<String> WEEK = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY",
            "SUNDAY");

    private String room(TestUser owner, String name) {
        ApiResult created = api.post("/v1/rooms", Map.of("name", name), owner.accessToken());
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.field("id");
    }

    private static Map<String, Object> block(String start, String end, String title, String roomId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("start", start);
        body.put("end", end);
        body.put("title", title);
        if (roomId != null) {
            body.put("roomId", roomId);
        }
        return body;
    }

    private void workingHours(TestUser owner) {
        Map<String, Object> hours = new LinkedHashMap<>();
        WEEK.forEach(day -> hours.put(day, List.of(Map.of("from", "08:00", "to", "18:00"))));
        ApiResult saved = api.put("/v1/settings/booking", Map.of("workingHours", hours, "services",
                List.of(Map.of("id", "session", "name", "Therapiesitzung", "durationMinutes", 50))), owner.accessToken());
        assertThat(saved.status()).as("%s", saved).isEqualTo(200);
    }

    private List<LocalTime> slotStarts(TestUser owner, LocalDate day) {
        ApiResult result = api.get("/v1/public/therapists/" + owner.accountId() + "/slots?serviceId=session&from="
                + enc(berlin(day, 0, 0)) + "&to=" + enc(berlin(day.plusDays(1), 0, 0)), null);
        assertThat(result.status()).as("%s", result).isEqualTo(200);
        List<LocalTime> starts = new ArrayList<>();
        result.json().path("slots").forEach(s -> starts.add(OffsetDateTime.parse(s.path("start").asText())
                .atZoneSameInstant(BERLIN).toLocalTime()));
        return starts;
    }

    private JsonNode calendar(TestUser who, LocalDate day) {
        ApiResult result = api.get("/v1/calendar?from=" + enc(berlin(day, 0)) + "&to=" + enc(berlin(day.plusDays(1), 0)),
                who.accessToken());
        assertThat(result.status()).as("%s", result).isEqualTo(200);
        return result.json();
    }

    private long quota(TestUser owner, YearMonth month) {
        var item = local.dynamo().getItem(b -> b.tableName(local.stack().physicalId("MainTable")).key(Map.of(
                "PK", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("ACCOUNT#" + owner.accountId()),
                "SK", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("QUOTA#" + month)))).item();
        return item == null || !item.containsKey("booked") ? 0 : Long.parseLong(item.get("booked").n());
    }

    private void join(TestUser owner, TestUser invitee) {
        ApiResult invited = api.post("/v1/community/invitations", Map.of("inviteeEmail", invitee.email()),
                owner.accessToken());
        assertThat(invited.status()).as("%s", invited).isEqualTo(201);
        ApiResult accepted = api.post("/v1/community/invitations/" + invited.field("id") + "/accept", null,
                invitee.accessToken());
        assertThat(accepted.status()).as("%s", accepted).isEqualTo(200);
    }

    @Test
    void aBlockWithoutRoomRemovesOnlineSlotsButLeavesTheRoomFreeAndTheQuotaAlone() {
        TestUser owner = users.signUpAndLogin(Plan.S);
        String room = room(owner, "Praxis");
        workingHours(owner);
        LocalDate day = LocalDate.now(BERLIN).plusDays(9);
        assertThat(slotStarts(owner, day)).contains(LocalTime.of(12, 0), LocalTime.of(13, 0));
        long quotaBefore = quota(owner, YearMonth.from(day));

        awsCalls.reset();
        ApiResult created = api.post("/v1/blocks", block(berlin(day, 12, 0), berlin(day, 14, 0), "Mittagspause", null),
                owner.accessToken());
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        System.out.printf("block without room: %d AWS calls %s%n", awsCalls.calls(), awsCalls.byOperation());
        assertThat(awsCalls.calls()).as("%s", awsCalls.byOperation()).isEqualTo(2);
        assertThat(created.field("title")).isEqualTo("Mittagspause");
        assertThat(created.json().path("roomId").isMissingNode() || created.json().path("roomId").isNull()).isTrue();

        assertThat(slotStarts(owner, day)).doesNotContain(LocalTime.of(11, 15), LocalTime.of(12, 0), LocalTime.of(13, 0),
                LocalTime.of(13, 45)).contains(LocalTime.of(11, 0), LocalTime.of(14, 0));
        assertThat(quota(owner, YearMonth.from(day))).as("blocks never count").isEqualTo(quotaBefore);
        // the room stays free: the therapist (or anyone) can still book it
        assertThat(api.post("/v1/bookings", Map.of("roomId", room, "start", berlin(day, 12, 0), "end", berlin(day, 13, 0),
                "client", Map.of("name", "Trotzdem")), owner.accessToken()).status()).isEqualTo(201);

        JsonNode calendar = calendar(owner, day);
        assertThat(calendar.path("blocks")).hasSize(1);
        assertThat(calendar.path("blocks").get(0).path("title").asText()).isEqualTo("Mittagspause");
        assertThat(calendar.path("blocks").get(0).path("id").asText()).isEqualTo(created.field("id"));

        // moving it frees 12:00 and takes 16:00; deleting it brings the afternoon back
        ApiResult moved = api.patch("/v1/blocks/" + created.field("id"), Map.of("start", berlin(day, 16, 0),
                "end", berlin(day, 17, 0)), owner.accessToken());
        assertThat(moved.status()).as("%s", moved).isEqualTo(200);
        assertThat(slotStarts(owner, day)).contains(LocalTime.of(14, 0)).doesNotContain(LocalTime.of(16, 0));
        assertThat(OffsetDateTime.parse(api.get("/v1/blocks/" + created.field("id"), owner.accessToken()).field("start"))
                .toInstant()).isEqualTo(OffsetDateTime.parse(berlin(day, 16, 0)).toInstant());
        assertThat(api.delete("/v1/blocks/" + created.field("id"), owner.accessToken()).status()).isEqualTo(204);
        assertThat(slotStarts(owner, day)).contains(LocalTime.of(16, 0));
        assertThat(api.get("/v1/blocks/" + created.field("id"), owner.accessToken()).status()).isEqualTo(404);
        assertThat(calendar(owner, day).path("blocks")).isEmpty();
        assertThat(quota(owner, YearMonth.from(day))).isEqualTo(quotaBefore + 1); // the one real booking
    }

    @Test
    void aBlockInASharedRoomIsBusyForTheCommunityAndNothingMore() {
        TestUser a = users.signUpAndLogin(Plan.M);
        TestUser b = users.signUpAndLogin(Plan.S);
        join(a, b);
        String shared = room(a, "Gemeinsam");
        assertThat(api.patch("/v1/rooms/" + shared, Map.of("shared", true), a.accessToken()).status()).isEqualTo(200);
        LocalDate day = LocalDate.now(BERLIN).plusDays(20);
        long quotaBefore = quota(a, YearMonth.from(day));
        ApiResult created = api.post("/v1/blocks", block(berlin(day, 9, 0), berlin(day, 11, 0), "Supervision Geheim",
                shared), a.accessToken());
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(quota(a, YearMonth.from(day))).isEqualTo(quotaBefore);

        // B sees a busy interval in the shared room, without id or title, and cannot book over it
        ApiResult seen = api.get("/v1/calendar?from=" + enc(berlin(day, 0)) + "&to=" + enc(berlin(day.plusDays(1), 0)),
                b.accessToken());
        assertThat(seen.body()).doesNotContain("Supervision").doesNotContain(created.field("id"));
        assertThat(seen.json().path("busy")).hasSize(1);
        assertThat(seen.json().path("busy").get(0).path("roomId").asText()).isEqualTo(shared);
        assertThat(seen.json().path("blocks")).isEmpty();
        ApiResult refused = api.post("/v1/bookings", Map.of("roomId", shared, "start", berlin(day, 10, 0),
                "end", berlin(day, 10, 50), "client", Map.of("name", "B Client")), b.accessToken());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.errorCode()).isEqualTo("ROOM_TAKEN");
        assertThat(refused.body()).doesNotContain("Supervision");
        // the owner's own booking over the block is refused as well, and a second block too
        assertThat(api.post("/v1/bookings", Map.of("roomId", shared, "start", berlin(day, 10, 0), "end", berlin(day, 10, 50),
                "client", Map.of("name", "A Client")), a.accessToken()).errorCode()).isEqualTo("ROOM_TAKEN");
        assertThat(api.post("/v1/blocks", block(berlin(day, 10, 30), berlin(day, 12, 0), "Noch eins", shared),
                a.accessToken()).errorCode()).isEqualTo("ROOM_TAKEN");
        // B cannot see, change or delete A's block
        assertThat(api.get("/v1/blocks/" + created.field("id"), b.accessToken()).status()).isEqualTo(404);
        assertThat(api.delete("/v1/blocks/" + created.field("id"), b.accessToken()).status()).isEqualTo(404);
        assertThat(api.get("/v1/blocks?from=" + enc(berlin(day, 0)) + "&to=" + enc(berlin(day.plusDays(1), 0)),
                b.accessToken()).json().path("items")).isEmpty();
        // deleting frees the room for B
        assertThat(api.delete("/v1/blocks/" + created.field("id"), a.accessToken()).status()).isEqualTo(204);
        assertThat(api.post("/v1/bookings", Map.of("roomId", shared, "start", berlin(day, 10, 0), "end", berlin(day, 10, 50),
                "client", Map.of("name", "B Client")), b.accessToken()).status()).isEqualTo(201);
        assertThat(OccupancyCheck.overlaps(local, shared)).isEmpty();
    }

    @Test
    void aHolidayOfThirtyOneDaysIsListedAndLongerIsRefused() {
        TestUser owner = users.signUpAndLogin(Plan.M);
        String room = room(owner, "Urlaubsraum");
        LocalDate first = LocalDate.now(BERLIN).plusDays(60);
        ApiResult holiday = api.post("/v1/blocks", block(berlin(first, 0), berlin(first.plusDays(31), 0), "Urlaub", room),
                owner.accessToken());
        assertThat(holiday.status()).as("%s", holiday).isEqualTo(201);
        ApiResult tooLong = api.post("/v1/blocks", block(berlin(first, 0), berlin(first.plusDays(31), 0).replace(":00+", ":01+"),
                "Urlaub", null), owner.accessToken());
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.errorField()).isEqualTo("end");
        // listed for a range starting in its middle
        ApiResult listed = api.get("/v1/blocks?from=" + enc(berlin(first.plusDays(15), 0)) + "&to="
                + enc(berlin(first.plusDays(16), 0)), owner.accessToken());
        assertThat(listed.status()).as("%s", listed).isEqualTo(200);
        assertThat(listed.json().path("items")).hasSize(1);
        assertThat(listed.json().path("items").get(0).path("id").asText()).isEqualTo(holiday.field("id"));
        // bad input
        assertThat(api.post("/v1/blocks", block(berlin(first, 10), berlin(first, 11), "", null), owner.accessToken())
                .errorField()).isEqualTo("title");
        assertThat(api.post("/v1/blocks", block(berlin(first, 10), berlin(first, 11), "X", "nosuchroom"),
                owner.accessToken()).errorField()).isEqualTo("roomId");
        assertThat(api.post("/v1/blocks", block(berlin(LocalDate.now(BERLIN).minusDays(2), 10),
                berlin(LocalDate.now(BERLIN).minusDays(2), 11), "Vorbei", null), owner.accessToken()).errorField())
                .isEqualTo("end");
        // the room is occupied throughout: a booking in its middle is refused
        assertThat(api.post("/v1/bookings", Map.of("roomId", room, "start", berlin(first.plusDays(10), 9),
                "end", berlin(first.plusDays(10), 10), "client", Map.of("name", "X")), owner.accessToken()).errorCode())
                .isEqualTo("ROOM_TAKEN");
    }

    @Test
    void aBlockAndABookingRacingForTheSameRoomTimeOneWins() throws Exception {
        TestUser owner = users.signUpAndLogin(Plan.L);
        String room = room(owner, "Umkämpft");
        LocalDate day = LocalDate.now(BERLIN).plusDays(33);
        for (int round = 0; round < 3; round++) {
            int hour = 8 + 2 * round;
            List<ApiResult> results = Races.race(20, i -> () -> i % 2 == 0
                    ? api.post("/v1/blocks", block(berlin(day, hour, 0), berlin(day, hour + 1, 0), "Block " + i, room),
                            owner.accessToken())
                    : api.post("/v1/bookings", Map.of("roomId", room, "start", berlin(day, hour, 30),
                            "end", berlin(day, hour + 1, 30), "client", Map.of("name", "Client " + i)), owner.accessToken()));
            assertThat(results).filteredOn(r -> r.status() == 201).as("round %d", round).hasSize(1);
            assertThat(results).filteredOn(r -> r.status() != 201)
                    .allSatisfy(r -> assertThat(r.status()).as("%s", r).isEqualTo(409));
        }
        assertThat(OccupancyCheck.overlaps(local, room)).isEmpty();
    }


    @Test
    void aWeeklyLunchBreakIsOneBlockPerWeekAndSkipsATakenWeek() {
        TestUser owner = users.signUpAndLogin(Plan.M);
        String room = room(owner, "Mittag");
        LocalDate first = LocalDate.now(BERLIN).plusDays(30);
        assertThat(api.post("/v1/bookings", Map.of("roomId", room, "start", berlin(first.plusWeeks(1), 12, 30),
                "end", berlin(first.plusWeeks(1), 13, 30), "client", Map.of("name", "Mittagsklient")), owner.accessToken())
                .status()).isEqualTo(201);
        Map<String, Object> body = block(berlin(first, 12, 0), berlin(first, 13, 0), "Mittagspause", room);
        body.put("recurrence", Map.of("frequency", "WEEKLY", "count", 4));
        ApiResult keyless = api.post("/v1/blocks", body, owner.accessToken());
        assertThat(keyless.status()).as("%s", keyless).isEqualTo(422);
        assertThat(keyless.errorCode()).isEqualTo("IDEMPOTENCY_KEY_REQUIRED");
        String key = UUID.randomUUID().toString();
        awsCalls.reset();
        ApiResult created = api.post("/v1/blocks", body, owner.accessToken(), "Idempotency-Key", key);
        System.out.printf("weekly block, 4 weeks with a room, 1 taken: %d AWS calls %s%n", awsCalls.calls(),
                awsCalls.byOperation());
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(awsCalls.calls("BatchGetItem")).as("%s", awsCalls.byOperation()).isEqualTo(1);
        assertThat(awsCalls.calls("TransactWriteItems")).as("%s", awsCalls.byOperation()).isEqualTo(3);
        assertThat(awsCalls.calls()).as("%s", awsCalls.byOperation()).isEqualTo(4);
        awsCalls.reset();
        assertThat(api.post("/v1/blocks", body, owner.accessToken(), "Idempotency-Key", key).json())
                .isEqualTo(created.json());
        assertThat(awsCalls.calls()).as("the replay: %s", awsCalls.byOperation()).isEqualTo(1);
        assertThat(created.json().path("blocks")).hasSize(3);
        assertThat(created.json().path("skipped")).hasSize(1);
        assertThat(created.json().path("skipped").get(0).path("code").asText()).isEqualTo("ROOM_TAKEN");
        String seriesId = created.field("seriesId");
        created.json().path("blocks").forEach(b -> {
            assertThat(b.path("seriesId").asText()).isEqualTo(seriesId);
            assertThat(OffsetDateTime.parse(b.path("start").asText()).atZoneSameInstant(BERLIN).toLocalTime())
                    .isEqualTo(LocalTime.of(12, 0));
        });
        ApiResult listed = api.get("/v1/blocks?from=" + enc(berlin(first, 0)) + "&to=" + enc(berlin(first.plusWeeks(4), 0)),
                owner.accessToken());
        assertThat(listed.json().path("items")).hasSize(3);
    }

    private List<String> weeklyBlocks(TestUser owner, LocalDate first, int weeks) {
        ApiResult listed = api.get("/v1/blocks?from=" + enc(berlin(first, 0)) + "&to="
                + enc(berlin(first.plusWeeks(weeks), 0)), owner.accessToken());
        assertThat(listed.status()).as("%s", listed).isEqualTo(200);
        List<String> found = new ArrayList<>();
        listed.json().path("items").forEach(b -> found.add(OffsetDateTime.parse(b.path("start").asText())
                .atZoneSameInstant(BERLIN).toLocalTime() + " " + b.path("title").asText() + " "
                + (b.hasNonNull("roomId") ? b.path("roomId").asText() : "-")));
        return found;
    }

    @Test
    void aWeeklyBlockIsChangedAndDeletedFromAnOccurrenceOnInOneReadAndOneTransactionEach() {
        TestUser owner = users.signUpAndLogin(Plan.M);
        String room = room(owner, "Supervision");
        LocalDate first = LocalDate.now(BERLIN).plusDays(15);
        Map<String, Object> body = block(berlin(first, 12, 0), berlin(first, 13, 0), "Mittag", room);
        body.put("recurrence", Map.of("frequency", "WEEKLY", "count", 6));
        ApiResult created = api.post("/v1/blocks", body, owner.accessToken(), "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String seriesId = created.field("seriesId");
        // week 5 at 15:00 is taken by a booking: that occurrence keeps 12:00
        assertThat(api.post("/v1/bookings", Map.of("roomId", room, "start", berlin(first.plusWeeks(4), 15, 0),
                "end", berlin(first.plusWeeks(4), 15, 30), "client", Map.of("name", "Im Weg")), owner.accessToken())
                .status()).isEqualTo(201);

        awsCalls.reset();
        ApiResult changed = api.patch("/v1/block-series/" + seriesId, Map.of("from", berlin(first.plusWeeks(2), 12, 0),
                "start", berlin(first.plusWeeks(2), 15, 0), "end", berlin(first.plusWeeks(2), 16, 0),
                "title", "Supervision"), owner.accessToken());
        System.out.printf("PATCH weekly block from week 3 of 6: %d AWS calls %s%n", awsCalls.calls(), awsCalls.byOperation());
        assertThat(changed.status()).as("%s", changed).isEqualTo(200);
        assertThat(changed.json().path("changed")).hasSize(3);
        assertThat(changed.json().path("notChanged")).hasSize(1);
        assertThat(changed.json().path("notChanged").get(0).path("code").asText()).isEqualTo("ROOM_TAKEN");
        assertThat(awsCalls.calls("BatchGetItem")).as("%s", awsCalls.byOperation()).isEqualTo(2);
        assertThat(awsCalls.calls("TransactWriteItems")).as("%s", awsCalls.byOperation()).isEqualTo(3);
        assertThat(weeklyBlocks(owner, first, 6)).containsExactly("12:00 Mittag " + room, "12:00 Mittag " + room,
                "15:00 Supervision " + room, "15:00 Supervision " + room, "12:00 Mittag " + room,
                "15:00 Supervision " + room);
        assertThat(OccupancyCheck.overlaps(local, room)).isEmpty();
        // the old 12:00 is free again in week 3
        assertThat(api.post("/v1/bookings", Map.of("roomId", room, "start", berlin(first.plusWeeks(2), 12, 0),
                "end", berlin(first.plusWeeks(2), 12, 50), "client", Map.of("name", "Frei")), owner.accessToken()).status())
                .isEqualTo(201);

        awsCalls.reset();
        ApiResult deleted = api.delete("/v1/block-series/" + seriesId + "?from=" + enc(berlin(first.plusWeeks(3), 15, 0)),
                owner.accessToken());
        System.out.printf("DELETE weekly block from week 4 of 6: %d AWS calls %s%n", awsCalls.calls(), awsCalls.byOperation());
        assertThat(deleted.status()).as("%s", deleted).isEqualTo(200);
        assertThat(deleted.json().path("changed")).hasSize(3);
        assertThat(awsCalls.calls("BatchGetItem")).as("%s", awsCalls.byOperation()).isEqualTo(1);
        assertThat(awsCalls.calls("TransactWriteItems")).as("%s", awsCalls.byOperation()).isEqualTo(3);
        assertThat(weeklyBlocks(owner, first, 6)).containsExactly("12:00 Mittag " + room, "12:00 Mittag " + room,
                "15:00 Supervision " + room);
        assertThat(api.delete("/v1/block-series/" + seriesId + "?from=" + enc(berlin(first, 9, 0)), owner.accessToken())
                .errorField()).isEqualTo("from");
        assertThat(api.delete("/v1/block-series/" + UUID.randomUUID() + "?from=" + enc(berlin(first, 12, 0)),
                owner.accessToken()).status()).isEqualTo(404);
        assertThat(OccupancyCheck.overlaps(local, room)).isEmpty();
    }

    @Test
    void aWeeklyBlockCutShortByACrashIsResumedByTheSameKeyAndConcurrentRetriesCreateNothingTwice() throws Exception {
        TestUser owner = users.signUpAndLogin(Plan.M);
        String room = room(owner, "Absturzraum");
        LocalDate first = LocalDate.now(BERLIN).plusDays(25);
        Map<String, Object> body = block(berlin(first, 7, 0), berlin(first, 8, 0), "Frühsport", room);
        body.put("recurrence", Map.of("frequency", "WEEKLY", "count", 8));
        String key = UUID.randomUUID().toString();
        FaultInjector faults = new FaultInjector();
        AtomicInteger transactions = new AtomicInteger();
        faults.failWhen(request -> request instanceof TransactWriteItemsRequest && transactions.incrementAndGet() > 3);
        try (LocalApi crashing = LocalApi.builder(local.stack()).singleton(faults).start()) {
            ApiResult crashed = new ApiClient(crashing.baseUri()).post("/v1/blocks", body, owner.accessToken(),
                    "Idempotency-Key", key);
            assertThat(crashed.status()).as("%s", crashed).isGreaterThanOrEqualTo(500);
        }
        assertThat(weeklyBlocks(owner, first, 9)).as("three occurrences were committed before the crash").hasSize(3);
        // two retries at once: together they create the five missing occurrences, each once
        List<ApiResult> retries = Races.race(2, i -> () -> api.post("/v1/blocks", body, owner.accessToken(),
                "Idempotency-Key", key));
        retries.forEach(r -> assertThat(r.status()).as("%s", r).isEqualTo(201));
        retries.forEach(r -> assertThat(r.json().path("blocks")).hasSize(8));
        assertThat(weeklyBlocks(owner, first, 9)).hasSize(8).allSatisfy(b -> assertThat(b).startsWith("07:00 Frühsport"));
        assertThat(OccupancyCheck.overlaps(local, room)).isEmpty();
        awsCalls.reset();
        ApiResult replay = api.post("/v1/blocks", body, owner.accessToken(), "Idempotency-Key", key);
        assertThat(replay.json().path("blocks")).hasSize(8);
        assertThat(awsCalls.calls()).as("%s", awsCalls.byOperation()).isEqualTo(1);
    }

    private int bookingStatus(TestUser owner, String room, LocalDate day) {
        return api.post("/v1/bookings", Map.of("roomId", room, "start", berlin(day, 10, 0), "end", berlin(day, 10, 50),
                "client", Map.of("name", "Probe")), owner.accessToken()).status();
    }

    @Test
    void aThirtyOneDayRoomBlockMovesFarInTwoStepsThatNeverLeaveTheRoomBookableTwice() {
        TestUser owner = users.signUpAndLogin(Plan.M);
        String room = room(owner, "Urlaub weit");
        String other = room(owner, "Anderer Raum");
        LocalDate first = LocalDate.now(BERLIN).plusDays(50);
        ApiResult holiday = api.post("/v1/blocks", block(berlin(first, 0), berlin(first.plusDays(31), 0), "Urlaub", room),
                owner.accessToken());
        assertThat(holiday.status()).as("%s", holiday).isEqualTo(201);
        String id = holiday.field("id");
        LocalDate later = first.plusDays(45);
        // a booking in the target range: the move is refused and nothing changes
        ApiResult inTheWay = api.post("/v1/bookings", Map.of("roomId", room, "start", berlin(later.plusDays(20), 9, 0),
                "end", berlin(later.plusDays(20), 9, 50), "client", Map.of("name", "Im Weg")), owner.accessToken());
        assertThat(inTheWay.status()).isEqualTo(201);
        ApiResult refused = api.patch("/v1/blocks/" + id, Map.of("start", berlin(later, 0), "end",
                berlin(later.plusDays(31), 0)), owner.accessToken());
        assertThat(refused.errorCode()).as("%s", refused).isEqualTo("ROOM_TAKEN");
        assertThat(bookingStatus(owner, room, first.plusDays(3))).isEqualTo(409);
        assertThat(api.delete("/v1/bookings/" + inTheWay.field("id"), owner.accessToken()).status()).isEqualTo(204);

        awsCalls.reset();
        ApiResult moved = api.patch("/v1/blocks/" + id, Map.of("start", berlin(later, 0), "end",
                berlin(later.plusDays(31), 0)), owner.accessToken());
        System.out.printf("31-day room block moved 45 days: %d AWS calls %s%n", awsCalls.calls(), awsCalls.byOperation());
        assertThat(moved.status()).as("%s", moved).isEqualTo(200);
        assertThat(awsCalls.calls("TransactWriteItems")).as("%s", awsCalls.byOperation()).isEqualTo(2);
        assertThat(bookingStatus(owner, room, first.plusDays(3))).as("the old place is free").isEqualTo(201);
        assertThat(bookingStatus(owner, room, later.plusDays(30))).as("the new place is taken").isEqualTo(409);
        assertThat(calendar(owner, first.plusDays(10)).path("blocks")).isEmpty();
        assertThat(calendar(owner, later.plusDays(10)).path("blocks")).hasSize(1);
        assertThat(OccupancyCheck.overlaps(local, room)).isEmpty();

        // interrupted between the steps: both places stay taken until the next change of the block completes it
        FaultInjector faults = new FaultInjector();
        AtomicInteger transactions = new AtomicInteger();
        faults.failWhen(request -> request instanceof TransactWriteItemsRequest && transactions.incrementAndGet() > 1);
        LocalDate back = first.plusDays(5);
        try (LocalApi crashing = LocalApi.builder(local.stack()).singleton(faults).start()) {
            ApiResult crashed = new ApiClient(crashing.baseUri()).patch("/v1/blocks/" + id, Map.of("start",
                    berlin(back, 0), "end", berlin(back.plusDays(31), 0), "roomId", other), owner.accessToken());
            assertThat(crashed.status()).as("%s", crashed).isGreaterThanOrEqualTo(500);
        }
        assertThat(faults.injected()).isEqualTo(1);
        assertThat(bookingStatus(owner, other, back.plusDays(20))).as("the new place is claimed").isEqualTo(409);
        assertThat(bookingStatus(owner, room, later.plusDays(20))).as("the old one is still held").isEqualTo(409);
        assertThat(calendar(owner, back.plusDays(20)).path("blocks").get(0).path("roomId").asText())
                .as("the new days show the new place").isEqualTo(other);
        assertThat(calendar(owner, later.plusDays(20)).path("blocks")).as("the old days still show it, busy").hasSize(1);
        ApiResult renamed = api.patch("/v1/blocks/" + id, Map.of("title", "Sommerurlaub"), owner.accessToken());
        assertThat(renamed.status()).as("%s", renamed).isEqualTo(200);
        assertThat(renamed.field("roomId")).isEqualTo(other);
        assertThat(bookingStatus(owner, room, later.plusDays(21))).as("completed: the old place is free").isEqualTo(201);
        assertThat(calendar(owner, later.plusDays(21)).path("blocks")).isEmpty();
        // and far back without a room at all, then deleted: everything free
        Map<String, Object> noRoom = new LinkedHashMap<>();
        noRoom.put("start", berlin(later, 0));
        noRoom.put("end", berlin(later.plusDays(31), 0));
        noRoom.put("roomId", null);
        ApiResult roomless = api.patch("/v1/blocks/" + id, noRoom, owner.accessToken());
        assertThat(roomless.status()).as("%s", roomless).isEqualTo(200);
        assertThat(bookingStatus(owner, other, back.plusDays(22))).isEqualTo(201);
        assertThat(api.delete("/v1/blocks/" + id, owner.accessToken()).status()).isEqualTo(204);
        assertThat(calendar(owner, later.plusDays(3)).path("blocks")).isEmpty();
        assertThat(OccupancyCheck.overlaps(local, room)).isEmpty();
        assertThat(OccupancyCheck.overlaps(local, other)).isEmpty();
    }

    @Test
    void aBlockGivesUpItsRoomByPatchingRoomIdToNull() {
        TestUser owner = users.signUpAndLogin(Plan.M);
        String room = room(owner, "Abgeben");
        LocalDate day = LocalDate.now(BERLIN).plusDays(18);
        ApiResult created = api.post("/v1/blocks", block(berlin(day, 9, 0), berlin(day, 11, 0), "Intervision", room),
                owner.accessToken());
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        Map<String, Object> noRoom = new LinkedHashMap<>();
        noRoom.put("roomId", null);
        ApiResult patched = api.patch("/v1/blocks/" + created.field("id"), noRoom, owner.accessToken());
        assertThat(patched.status()).as("%s", patched).isEqualTo(200);
        assertThat(patched.json().hasNonNull("roomId")).isFalse();
        assertThat(patched.field("title")).isEqualTo("Intervision");
        assertThat(api.get("/v1/blocks/" + created.field("id"), owner.accessToken()).json().hasNonNull("roomId")).isFalse();
        // the room is free again; the therapist stays blocked in the calendar
        assertThat(api.post("/v1/bookings", Map.of("roomId", room, "start", berlin(day, 9, 30), "end", berlin(day, 10, 30),
                "client", Map.of("name", "Jetzt frei")), owner.accessToken()).status()).isEqualTo(201);
        JsonNode calendar = calendar(owner, day);
        assertThat(calendar.path("blocks")).hasSize(1);
        assertThat(calendar.path("blocks").get(0).hasNonNull("roomId")).isFalse();
        // an absent roomId keeps the room; a wrong type is refused
        ApiResult withRoom = api.post("/v1/blocks", block(berlin(day, 14, 0), berlin(day, 15, 0), "Bleibt", room),
                owner.accessToken());
        assertThat(api.patch("/v1/blocks/" + withRoom.field("id"), Map.of("title", "Bleibt drin"), owner.accessToken())
                .field("roomId")).isEqualTo(room);
        assertThat(api.patch("/v1/blocks/" + withRoom.field("id"), Map.of("roomId", 5), owner.accessToken()).errorField())
                .isEqualTo("roomId");
        assertThat(OccupancyCheck.overlaps(local, room)).isEmpty();
    }
}
