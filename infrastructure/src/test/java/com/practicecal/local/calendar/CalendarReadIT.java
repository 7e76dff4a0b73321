package com.practicecal.local.calendar;

import static com.practicecal.local.Urls.enc;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.practicecal.local.ApiResult;
import com.practicecal.local.LocalStackIT;
import com.practicecal.local.TestUser;
import com.practicecal.shared.plan.Plan;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * GET /v1/calendar reads a week in two calls: the account-day agendas (written by each booking's transaction)
 * and the account's calendar-room index (written by room and community transactions). These tests hold both
 * against the sources they duplicate: the bookings themselves and the community's shared rooms.
 */
class CalendarReadIT extends LocalStackIT {
    private static final DateTimeFormatter UTC_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    @Test
    void aWeekCostsTwoReadsAndMatchesTheBookingsAsStored() {
        TestUser a = users.signUpAndLogin(Plan.M);
        TestUser b = users.signUpAndLogin(Plan.S);
        join(a, b);
        String shared = room(a, "Shared");
        String own = room(a, "Own");
        assertThat(api.patch("/v1/rooms/" + shared, Map.of("shared", true), a.accessToken()).status()).isEqualTo(200);
        LocalDate monday = LocalDate.now(ZoneOffset.UTC).plusDays(30);
        String kept = book(a, own, at(monday, 9, 0), at(monday, 10, 0), "Kept Client");
        String overMidnight = book(a, shared, at(monday, 23, 30), at(monday.plusDays(1), 0, 30), "Late Client");
        String movedWithin = book(a, own, at(monday.plusDays(2), 9, 0), at(monday.plusDays(2), 10, 0), "Moved Client");
        String movedAway = book(a, own, at(monday.plusDays(3), 9, 0), at(monday.plusDays(3), 10, 0), "Away Client");
        String cancelled = book(a, own, at(monday.plusDays(4), 9, 0), at(monday.plusDays(4), 10, 0), "Gone Client");
        String bs = book(b, shared, at(monday.plusDays(1), 8, 0), at(monday.plusDays(1), 9, 0), "Bertha Private");
        assertThat(api.patch("/v1/bookings/" + movedWithin, Map.of("start", at(monday.plusDays(5), 14, 0),
                "end", at(monday.plusDays(5), 15, 0), "roomId", shared), a.accessToken()).status()).isEqualTo(200);
        assertThat(api.patch("/v1/bookings/" + movedAway, Map.of("start", at(monday.plusDays(20), 9, 0),
                "end", at(monday.plusDays(20), 10, 0)), a.accessToken()).status()).isEqualTo(200);
        assertThat(api.delete("/v1/bookings/" + cancelled, a.accessToken()).status()).isEqualTo(204);

        String week = "from=" + enc(at(monday, 0, 0)) + "&to=" + enc(at(monday.plusDays(7), 0, 0));
        awsCalls.reset();
        ApiResult calendar = api.get("/v1/calendar?" + week, a.accessToken());
        long calls = awsCalls.calls();
        System.out.printf("calendar week of an owner with 2 rooms in a community: %d DynamoDB calls %s%n", calls,
                awsCalls.byOperation());
        assertThat(calls).as("%s", awsCalls.byOperation()).isLessThanOrEqualTo(2);
        assertThat(calendar.status()).as("%s", calendar).isEqualTo(200);
        assertThat(ids(calendar.json().path("bookings"))).containsExactly(kept, overMidnight, movedWithin);
        // the agenda must say exactly what the bookings themselves say (read through the account's booking index)
        ApiResult listed = api.get("/v1/bookings?" + week, a.accessToken());
        List<JsonNode> confirmed = StreamSupport.stream(listed.json().path("items").spliterator(), false)
                .filter(n -> n.path("status").asText().equals("CONFIRMED")).toList();
        assertThat(calendar.json().path("bookings")).containsExactlyElementsOf(confirmed);
        assertThat(calendar.json().path("busy")).singleElement().satisfies(block -> {
            assertThat(block.path("roomId").asText()).isEqualTo(shared);
            assertThat(OffsetDateTime.parse(block.path("start").asText()).toInstant())
                    .isEqualTo(OffsetDateTime.parse(at(monday.plusDays(1), 8, 0)).toInstant());
        });
        assertThat(calendar.body()).doesNotContain("Bertha").doesNotContain(bs);
        assertThat(rooms(calendar)).containsExactly(shared, own);
    }

    /**
     * Many changes of one account's day at once: each lands in the day's agenda, none overwrites another. (Writers
     * of the same room-day contend on its version by design; like a client, the test retries those 409s.)
     */
    @Test
    void concurrentChangesOfOneDayAllReachItsAgenda() throws Exception {
        TestUser a = users.signUpAndLogin(Plan.L);
        List<String> rooms = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            rooms.add(room(a, "Room " + i));
        }
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(35);
        ExecutorService pool = Executors.newFixedThreadPool(12);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<ApiResult>> created = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                int slot = i;
                created.add(pool.submit(retrying(start, () -> api.post("/v1/bookings", Map.of("roomId",
                        rooms.get(slot % 6), "start", at(day, 6 + slot / 6, 0), "end", at(day, 6 + slot / 6, 30),
                        "client", Map.of("name", "Client " + slot)), a.accessToken()))));
            }
            start.countDown();
            List<String> ids = new ArrayList<>();
            for (Future<ApiResult> f : created) {
                assertThat(f.get().status()).as("%s", f.get()).isEqualTo(201);
                ids.add(f.get().field("id"));
            }
            CountDownLatch again = new CountDownLatch(1);
            List<Future<ApiResult>> changed = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                String id = ids.get(i);
                int slot = i;
                changed.add(pool.submit(retrying(again, () -> slot % 3 == 0
                        ? api.delete("/v1/bookings/" + id, a.accessToken())
                        : api.patch("/v1/bookings/" + id, Map.of("start", at(day, 6 + slot / 6, 15),
                        "end", at(day, 6 + slot / 6, 45)), a.accessToken()))));
            }
            again.countDown();
            for (Future<ApiResult> f : changed) {
                assertThat(f.get().status()).as("%s", f.get()).isIn(200, 204);
            }
        } finally {
            pool.shutdownNow();
        }
        String range = "from=" + enc(at(day, 0, 0)) + "&to=" + enc(at(day.plusDays(1), 0, 0));
        ApiResult calendar = api.get("/v1/calendar?" + range, a.accessToken());
        List<JsonNode> confirmed = StreamSupport.stream(api.get("/v1/bookings?" + range, a.accessToken()).json()
                .path("items").spliterator(), false).filter(n -> n.path("status").asText().equals("CONFIRMED")).toList();
        assertThat(confirmed).hasSize(16);
        assertThat(calendar.json().path("bookings")).containsExactlyElementsOf(confirmed);
    }

    @Test
    void joiningSharingUnsharingLeavingAndDeletingKeepEveryCalendarsRoomsRight() {
        TestUser a = users.signUpAndLogin(Plan.M);
        TestUser b = users.signUpAndLogin(Plan.S);
        TestUser c = users.signUpAndLogin(Plan.S);
        join(a, b);
        String ra = room(a, "A shared");
        String rb = room(b, "B shared");
        share(a, ra, true);
        share(b, rb, true);
        assertThat(rooms(calendar(a))).containsExactly(ra, rb);
        assertThat(rooms(calendar(b))).containsExactly(rb, ra);
        join(a, c); // joins after the sharing: sees both rooms at once
        assertThat(rooms(calendar(c))).containsExactlyInAnyOrder(ra, rb);
        String rc = room(c, "C private");
        assertThat(rooms(calendar(c))).containsExactlyInAnyOrder(rc, ra, rb).first().isEqualTo(rc);

        share(a, ra, false);
        assertThat(rooms(calendar(b))).containsExactly(rb);
        assertThat(rooms(calendar(c))).containsExactlyInAnyOrder(rc, rb);
        assertThat(rooms(calendar(a))).containsExactly(ra, rb);
        assertThat(index(b)).as("unsharing tidies the others' indexes").doesNotContain(ra);

        assertThat(api.delete("/v1/community/members/" + c.accountId(), c.accessToken()).status()).isEqualTo(204);
        assertThat(rooms(calendar(c))).containsExactly(rc);
        assertThat(index(c)).containsExactly(rc);

        assertThat(api.delete("/v1/community/members/" + b.accountId(), a.accessToken()).status()).isEqualTo(204);
        assertThat(rooms(calendar(a))).containsExactly(ra);
        assertThat(rooms(calendar(b))).containsExactly(rb);
        assertThat(index(a)).containsExactly(ra);
        assertThat(index(b)).containsExactly(rb);

        assertThat(api.delete("/v1/rooms/" + ra, a.accessToken()).status()).isEqualTo(204);
        assertThat(rooms(calendar(a))).isEmpty();
        assertThat(index(a)).isEmpty();
    }

    /**
     * A join that read the community before a concurrent share committed would miss the room without the
     * community's version condition; every round races one accept against three shares and then compares.
     */
    @Test
    void aJoinRacingSharesNeverMissesARoom() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 4; round++) {
                TestUser a = users.signUpAndLogin(Plan.L);
                TestUser b = users.signUpAndLogin(Plan.S);
                TestUser c = users.signUpAndLogin(Plan.S);
                join(a, b);
                List<String> rooms = List.of(room(a, "One"), room(a, "Two"), room(a, "Three"));
                String invitation = api.post("/v1/community/invitations", Map.of("inviteeEmail", c.email()),
                        a.accessToken()).field("id");
                CountDownLatch start = new CountDownLatch(1);
                List<Future<ApiResult>> done = new ArrayList<>();
                done.add(pool.submit(retrying(start, () ->
                        api.post("/v1/community/invitations/" + invitation + "/accept", null, c.accessToken()))));
                for (String r : rooms) {
                    done.add(pool.submit(retrying(start, () ->
                            api.patch("/v1/rooms/" + r, Map.of("shared", true), a.accessToken()))));
                }
                start.countDown();
                for (Future<ApiResult> f : done) {
                    assertThat(f.get().status()).as("%s", f.get()).isEqualTo(200);
                }
                assertThat(rooms(calendar(c))).as("round %d", round).containsExactlyInAnyOrderElementsOf(rooms);
                assertThat(rooms(calendar(b))).as("round %d", round).containsExactlyInAnyOrderElementsOf(rooms);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void staffAndGranteesSeeTheAccountsRoomsAndBusyBlocks() {
        TestUser a = users.signUpAndLogin(Plan.XL);
        TestUser b = users.signUpAndLogin(Plan.S);
        TestUser colleague = users.signUpAndLogin(Plan.S);
        join(a, b);
        String rb = room(b, "B shared");
        share(b, rb, true);
        String ra = room(a, "A own");
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(33);
        book(b, rb, at(day, 8, 0), at(day, 9, 0), "Bertha Private");
        String mine = book(a, ra, at(day, 10, 0), at(day, 11, 0), "Anna Mustermann");
        TestUser secretary = users.addStaff(a, "SECRETARY", null);
        users.grant(a, colleague, List.of("appointments:read"));
        String range = "from=" + enc(at(day, 0, 0)) + "&to=" + enc(at(day.plusDays(7), 0, 0));

        awsCalls.reset();
        ApiResult bySecretary = api.get("/v1/calendar?" + range, secretary.accessToken());
        long staffReads = awsCalls.calls("BatchGetItem");
        long staffWrites = awsCalls.calls("TransactWriteItems");
        long staffCalls = awsCalls.calls();
        awsCalls.reset();
        ApiResult byGrantee = api.get("/v1/accounts/" + a.accountId() + "/calendar?" + range, colleague.accessToken());
        long granteeCalls = awsCalls.calls();
        System.out.printf("calendar week read by staff: %d calls (%d reads, %d audit write), by a grantee: %d calls%n",
                staffCalls, staffReads, staffWrites, granteeCalls);
        // staff find their account in the first read, their practice's community in its account item (never a copy
        // on the staff item), then read as an owner
        assertThat(staffReads).as("staff reads").isLessThanOrEqualTo(4);
        assertThat(staffWrites).as("staff opening client contact data are logged").isEqualTo(1);
        assertThat(staffCalls).isEqualTo(staffReads + staffWrites);
        assertThat(granteeCalls).isLessThanOrEqualTo(2);
        for (ApiResult view : List.of(bySecretary, byGrantee)) {
            assertThat(view.status()).as("%s", view).isEqualTo(200);
            assertThat(rooms(view)).containsExactly(ra, rb);
            assertThat(view.json().path("busy")).singleElement().satisfies(block ->
                    assertThat(block.path("roomId").asText()).isEqualTo(rb));
            assertThat(ids(view.json().path("bookings"))).containsExactly(mine);
            assertThat(view.body()).doesNotContain("Bertha");
        }
        assertThat(bySecretary.body()).contains("Anna Mustermann");
        assertThat(byGrantee.body()).contains("Anna M.").doesNotContain("Mustermann");
    }

    private Callable<ApiResult> retrying(CountDownLatch start, Callable<ApiResult> call) {
        return () -> {
            start.await();
            ApiResult result = call.call();
            for (int i = 0; i < 20 && "CONCURRENT_MODIFICATION".equals(result.errorCode()); i++) {
                result = call.call();
            }
            return result;
        };
    }

    private void join(TestUser owner, TestUser invitee) {
        ApiResult invited = api.post("/v1/community/invitations", Map.of("inviteeEmail", invitee.email()), owner.accessToken());
        assertThat(invited.status()).as("%s", invited).isEqualTo(201);
        ApiResult accepted = api.post("/v1/community/invitations/" + invited.field("id") + "/accept", null,
                invitee.accessToken());
        assertThat(accepted.status()).as("%s", accepted).isEqualTo(200);
    }

    private String room(TestUser owner, String name) {
        ApiResult created = api.post("/v1/rooms", Map.of("name", name), owner.accessToken());
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.field("id");
    }

    private void share(TestUser owner, String roomId, boolean shared) {
        ApiResult result = api.patch("/v1/rooms/" + roomId, Map.of("shared", shared), owner.accessToken());
        assertThat(result.status()).as("%s", result).isEqualTo(200);
    }

    private String book(TestUser who, String roomId, String start, String end, String client) {
        ApiResult created = api.post("/v1/bookings", Map.of("roomId", roomId, "start", start, "end", end,
                "client", Map.of("name", client, "email", "client@example.test")), who.accessToken());
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.field("id");
    }

    private ApiResult calendar(TestUser who) {
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        ApiResult result = api.get("/v1/calendar?from=" + enc(at(day, 0, 0)) + "&to=" + enc(at(day.plusDays(7), 0, 0)),
                who.accessToken());
        assertThat(result.status()).as("%s", result).isEqualTo(200);
        return result;
    }

    /** The stored calendar-room index of the account (the tidiness the readers do not depend on). */
    private Set<String> index(TestUser owner) {
        Map<String, AttributeValue> item = local.dynamo().getItem(g -> g.tableName(local.tableName()).consistentRead(true)
                .key(Map.of("PK", AttributeValue.fromS("ACCOUNT#" + owner.accountId()),
                        "SK", AttributeValue.fromS("ACCOUNT")))).item();
        AttributeValue rooms = item.get("calendarRooms");
        return rooms == null ? Set.of() : new TreeSet<>(rooms.ss());
    }

    private static List<String> rooms(ApiResult calendar) {
        return ids(calendar.json().path("rooms"));
    }

    private static List<String> ids(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.path("id").asText()).toList();
    }

    private static String at(LocalDate day, int hour, int minute) {
        return UTC_SECONDS.format(day.atTime(hour, minute).atOffset(ZoneOffset.UTC));
    }
}
