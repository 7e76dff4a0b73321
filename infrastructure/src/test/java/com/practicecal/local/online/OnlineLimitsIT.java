package com.practicecal.local.online;

import static com.practicecal.local.Times.berlin;
import static org.assertj.core.api.Assertions.assertThat;

import com.practicecal.local.ApiResult;
import com.practicecal.local.LocalStackIT;
import com.practicecal.local.TestUser;
import com.practicecal.shared.plan.Plan;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A script booking online cannot flood a practice: caps per day and per client email, decided by conditions in
 * the booking transaction (concurrent requests never exceed them), and a share of the plan's monthly quota that
 * only the practice itself can use.
 */
class OnlineLimitsIT extends LocalStackIT {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final List<String> WEEK = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY",
            "SUNDAY");

    private record Therapist(TestUser owner, String room) {
        String publicPath() {
            return "/v1/public/therapists/" + owner.accountId() + "/bookings";
        }
    }

    private Therapist therapist(Plan plan, Map<String, Object> extraRules) {
        TestUser owner = users.signUpAndLogin(plan);
        String room = api.post("/v1/rooms", Map.of("name", "Praxisraum"), owner.accessToken()).field("id");
        Map<String, Object> hours = new LinkedHashMap<>();
        WEEK.forEach(day -> hours.put(day, List.of(Map.of("from", "08:00", "to", "18:00"))));
        Map<String, Object> rules = new LinkedHashMap<>(Map.of("workingHours", hours, "horizonDays", 120,
                "services", List.of(Map.of("id", "session", "name", "Therapiesitzung", "durationMinutes", 50))));
        rules.putAll(extraRules);
        ApiResult saved = api.put("/v1/settings/booking", rules, owner.accessToken());
        assertThat(saved.status()).as("%s", saved).isEqualTo(200);
        return new Therapist(owner, room);
    }

    @Test
    void settingsCarryTheCapsWithDefaultsAndBounds() {
        Therapist t = therapist(Plan.M, Map.of());
        ApiResult settings = api.get("/v1/settings/booking", t.owner.accessToken());
        assertThat(settings.json().path("maxOnlineBookingsPerDay").asInt()).isEqualTo(20);
        assertThat(settings.json().path("maxFutureBookingsPerClient").asInt()).isEqualTo(3);
        assertThat(api.put("/v1/settings/booking", Map.of("maxOnlineBookingsPerDay", 0), t.owner.accessToken())
                .errorField()).isEqualTo("maxOnlineBookingsPerDay");
        assertThat(api.put("/v1/settings/booking", Map.of("maxFutureBookingsPerClient", 51), t.owner.accessToken())
                .errorField()).isEqualTo("maxFutureBookingsPerClient");
    }

    @Test
    void parallelBookingsNeverExceedTheDailyCap() throws Exception {
        Therapist t = therapist(Plan.M, Map.of("maxOnlineBookingsPerDay", 3));
        LocalDate first = LocalDate.now(BERLIN).plusDays(3);
        List<ApiResult> results = parallel(10, n -> api.post(t.publicPath(),
                booking(berlin(first.plusDays(n), 9, 0), "Skript " + n, "script" + n + "@client.test"), null));
        System.out.printf("10 parallel online bookings, daily cap 3: %s%n", outcomes(results));
        assertThat(results).filteredOn(r -> r.status() == 201).hasSize(3);
        assertThat(results).filteredOn(r -> r.status() != 201).allSatisfy(r -> {
            assertThat(r.status()).as("%s", r).isEqualTo(409);
            assertThat(r.errorCode()).isEqualTo("ONLINE_DAILY_LIMIT");
        });
        // the therapist's own bookings are not held to it
        assertThat(api.post("/v1/bookings", Map.of("roomId", t.room, "start", berlin(first, 14, 0), "end",
                berlin(first, 14, 50), "client", Map.of("name", "Own")), t.owner.accessToken()).status()).isEqualTo(201);
    }

    @Test
    void parallelBookingsOfOneClientNeverExceedItsCapAndACancelFreesOne() throws Exception {
        Therapist t = therapist(Plan.M, Map.of("maxFutureBookingsPerClient", 2));
        LocalDate first = LocalDate.now(BERLIN).plusDays(3);
        List<ApiResult> results = parallel(8, n -> api.post(t.publicPath(),
                booking(berlin(first.plusDays(n), 10, 0), "Eine Person", n % 2 == 0 ? "same@client.test"
                        : "Same@Client.TEST"), null));
        System.out.printf("8 parallel online bookings of one email, cap 2: %s%n", outcomes(results));
        List<ApiResult> won = results.stream().filter(r -> r.status() == 201).toList();
        assertThat(won).hasSize(2);
        assertThat(results).filteredOn(r -> r.status() != 201).allSatisfy(r -> {
            assertThat(r.status()).as("%s", r).isEqualTo(409);
            assertThat(r.errorCode()).isEqualTo("CLIENT_BOOKING_LIMIT");
        });
        // another client is not affected
        assertThat(api.post(t.publicPath(), booking(berlin(first, 15, 0), "Andere", "other@client.test"), null).status())
                .isEqualTo(201);
        // a cancel frees one place for the client
        ApiResult third = api.post(t.publicPath(), booking(berlin(first.plusDays(20), 10, 0), "Eine Person",
                "same@client.test"), null);
        assertThat(third.errorCode()).isEqualTo("CLIENT_BOOKING_LIMIT");
        assertThat(api.delete("/v1/public/bookings/" + won.get(0).field("bookingId"), null, "X-Manage-Token",
                won.get(0).field("manageToken")).status()).isEqualTo(204);
        assertThat(api.post(t.publicPath(), booking(berlin(first.plusDays(20), 10, 0), "Eine Person",
                "same@client.test"), null).status()).isEqualTo(201);
    }

    /** About 30 scripted online bookings on plan S leave the therapist able to book her own clients. */
    @Test
    void scriptedOnlineBookingsLeaveTheReservedShareOfTheMonthlyQuota() {
        Therapist t = therapist(Plan.S, Map.of("maxOnlineBookingsPerDay", 500));
        YearMonth month = YearMonth.now(BERLIN).plusMonths(1);
        int booked = 0;
        List<String> refusals = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            LocalDate day = month.atDay(1 + i % 28);
            ApiResult result = api.post(t.publicPath(), booking(berlin(day, 8 + 2 * (i / 28), 0), "Bot " + i,
                    "bot" + i + "@script.test"), null);
            if (result.status() == 201) {
                booked++;
            } else {
                assertThat(result.status()).as("%s", result).isEqualTo(409);
                refusals.add(result.errorCode());
            }
        }
        System.out.printf("30 scripted online bookings on plan S: %d booked, refused %s%n", booked, refusals);
        assertThat(booked).isEqualTo(Plan.S.monthlyOnlineCap().getAsInt()).isEqualTo(20);
        assertThat(refusals).hasSize(10).containsOnly("ONLINE_MONTHLY_LIMIT");
        for (int i = 0; i < 10; i++) {
            LocalDate day = month.atDay(1 + i);
            ApiResult own = api.post("/v1/bookings", Map.of("roomId", t.room, "start", berlin(day, 15, 0), "end",
                    berlin(day, 15, 50), "client", Map.of("name", "Eigene Klientin " + i)), t.owner.accessToken());
            assertThat(own.status()).as("own booking %d: %s", i, own).isEqualTo(201);
        }
        assertThat(api.post("/v1/bookings", Map.of("roomId", t.room, "start", berlin(month.atDay(12), 16, 0), "end",
                berlin(month.atDay(12), 16, 50), "client", Map.of("name", "31st")), t.owner.accessToken()).errorCode())
                .as("the plan's cap still holds").isEqualTo("QUOTA_EXCEEDED");
    }

    /**
     * A full community (20 practices; 18 with 2 shared rooms, one with 5, the therapist with 2): one 31-day slot
     * read considers at most 40 rooms, the therapist's own first, and reads eventually consistent.
     */
    @Test
    void slotsOverAFullCommunityAreBoundedAndEventuallyConsistent() {
        Therapist a = therapist(Plan.M, Map.of());
        String ownSecond = api.post("/v1/rooms", Map.of("name", "Zweiter Raum"), a.owner.accessToken()).field("id");
        api.patch("/v1/rooms/" + a.room, Map.of("shared", true), a.owner.accessToken());
        for (int p = 0; p < 19; p++) {
            TestUser member = users.signUpAndLogin(p == 0 ? Plan.XL : Plan.M);
            String invitation = api.post("/v1/community/invitations", Map.of("inviteeEmail", member.email()),
                    a.owner.accessToken()).field("id");
            ApiResult accepted = api.post("/v1/community/invitations/" + invitation + "/accept", null,
                    member.accessToken());
            assertThat(accepted.status()).as("%s", accepted).isEqualTo(200);
            for (int r = 0; r < (p == 0 ? 5 : 2); r++) {
                String room = api.post("/v1/rooms", Map.of("name", "Raum " + p + "-" + r), member.accessToken()).field("id");
                assertThat(api.patch("/v1/rooms/" + room, Map.of("shared", true), member.accessToken()).status())
                        .isEqualTo(200);
            }
        }
        assertThat(api.get("/v1/community", a.owner.accessToken()).json().path("members").size()).isEqualTo(20);

        LocalDate from = LocalDate.now(BERLIN).plusDays(2);
        String path = "/v1/public/therapists/" + a.owner.accountId() + "/slots?serviceId=session&from="
                + com.practicecal.local.Urls.enc(berlin(from, 0, 0)) + "&to=";
        awsCalls.reset();
        ApiResult slots = api.get(path + com.practicecal.local.Urls.enc(berlin(from.plusDays(31), 0, 0)), null);
        assertThat(slots.status()).as("%s", slots).isEqualTo(200);
        System.out.printf("slots, full community (20 practices, 43 rooms in the index, %d considered), 31 days: "
                        + "%d calls %s, %d keys, %d strongly consistent%n", com.practicecal.shared.online
                        .AvailabilityReader.MAX_ROOMS, awsCalls.calls(), awsCalls.byOperation(), awsCalls.batchKeysRead(),
                awsCalls.consistentBatchReads());
        // therapist + rules, the room items (the index exceeds the cap), 40 rooms x 33 UTC days + 33 account days
        assertThat(awsCalls.calls()).isLessThanOrEqualTo(16);
        assertThat(awsCalls.batchKeysRead()).isLessThanOrEqualTo(2 + 43 + 40 * 33 + 33);
        assertThat(awsCalls.consistentBatchReads()).as("slots are advisory").isZero();
        List<String> roomsOffered = new ArrayList<>();
        slots.json().path("slots").forEach(s -> roomsOffered.add(s.path("roomId").asText()));
        assertThat(roomsOffered).as("own rooms first").isNotEmpty().allSatisfy(r -> assertThat(r).isIn(a.room, ownSecond));

        ApiResult tooLong = api.get(path + com.practicecal.local.Urls.enc(berlin(from.plusDays(32), 0, 0)), null);
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.errorField()).isEqualTo("to");
        // the booking still decides with strongly consistent reads
        awsCalls.reset();
        assertThat(api.post(a.publicPath(), booking(berlin(from.plusDays(1), 9, 0), "Klara", "klara@client.test"), null)
                .status()).isEqualTo(201);
        assertThat(awsCalls.consistentBatchReads()).isPositive();
    }

    private interface Call {
        ApiResult call(int n) throws Exception;
    }

    private static List<ApiResult> parallel(int n, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ApiResult>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            Callable<ApiResult> task = () -> {
                start.await();
                return call.call(k);
            };
            futures.add(pool.submit(task));
        }
        start.countDown();
        List<ApiResult> results = new ArrayList<>();
        for (Future<ApiResult> f : futures) {
            results.add(f.get());
        }
        pool.shutdown();
        return results;
    }

    private static Map<String, Long> outcomes(List<ApiResult> results) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        results.forEach(r -> counts.merge(r.status() + (r.errorCode() == null ? "" : " " + r.errorCode()), 1L, Long::sum));
        return counts;
    }

    private static Map<String, Object> booking(String start, String name, String email) {
        return Map.of("serviceId", "session", "start", start, "client", Map.of("name", name, "email", email));
    }
}
