package com.practicecal.local.online;

import static com.practicecal.local.Times.berlin;
import static com.practicecal.local.Urls.enc;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.practicecal.local.ApiResult;
import com.practicecal.local.LocalStackIT;
import com.practicecal.local.OccupancyCheck;
import com.practicecal.local.TestUser;
import com.practicecal.shared.plan.Plan;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Clients book online under the therapist's rules; the same transaction as every other path decides. */
class OnlineBookingIT extends LocalStackIT {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final List<String> WEEK = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY",
            "SUNDAY");

    private record Therapist(TestUser owner, String room) {
    }

    /** A therapist working 08:00-12:00 and 13:00-18:00 every day, one room, a 50-minute session + 10 min after. */
    private Therapist therapist(Map<String, Object> extraRules) {
        TestUser owner = users.signUpAndLogin(Plan.M);
        String room = api.post("/v1/rooms", Map.of("name", "Praxisraum"), owner.accessToken()).field("id");
        Map<String, Object> hours = new LinkedHashMap<>();
        WEEK.forEach(day -> hours.put(day, List.of(Map.of("from", "08:00", "to", "12:00"), Map.of("from", "13:00", "to", "18:00"))));
        Map<String, Object> rules = new LinkedHashMap<>(Map.of("workingHours", hours,
                "services", List.of(Map.of("id", "session", "name", "Therapiesitzung", "durationMinutes", 50,
                        "bufferAfterMinutes", 10), Map.of("id", "intake", "name", "Erstgespräch", "durationMinutes", 90,
                        "bufferBeforeMinutes", 15)),
                "contactHint", "Bitte rufen Sie die Praxis an: 030 1234567"));
        rules.putAll(extraRules);
        ApiResult saved = api.put("/v1/settings/booking", rules, owner.accessToken());
        assertThat(saved.status()).as("%s", saved).isEqualTo(200);
        return new Therapist(owner, room);
    }

    /** Working hours are answered in the form they are sent ("08:00"), by GET and PUT alike. */
    @Test
    void workingHoursAreAnsweredAsHoursAndMinutes() {
        Therapist t = therapist(Map.of());
        JsonNode monday = api.get("/v1/settings/booking", t.owner().accessToken()).json().path("workingHours").path("MONDAY");
        assertThat(monday.get(0).path("from").asText()).isEqualTo("08:00");
        assertThat(monday.get(1).path("to").asText()).isEqualTo("18:00");
        ApiResult again = api.put("/v1/settings/booking", Map.of("workingHours", Map.of("TUESDAY",
                List.of(Map.of("from", "09:30:00", "to", "12:15")))), t.owner().accessToken());
        assertThat(again.status()).as("%s", again).isEqualTo(200);
        assertThat(again.json().path("workingHours").path("TUESDAY").get(0).path("from").asText()).isEqualTo("09:30");
        assertThat(again.json().path("workingHours").path("TUESDAY").get(0).path("to").asText()).isEqualTo("12:15");
    }

    /** The booking link's page learns the practice and its services anonymously, and nothing else. */
    @Test
    void thePublicProfileNamesThePracticeAndItsServicesOnly() {
        Therapist t = therapist(Map.of());
        awsCalls.reset();
        ApiResult profile = api.get("/v1/public/therapists/" + t.owner().accountId(), null);
        assertThat(profile.status()).as("%s", profile).isEqualTo(200);
        assertThat(awsCalls.calls()).as("one read: %s", awsCalls.byOperation()).isEqualTo(1);
        assertThat(profile.field("practiceName")).isEqualTo(api.get("/v1/me", t.owner().accessToken()).field("practiceName"));
        assertThat(profile.field("timeZone")).isEqualTo("Europe/Berlin");
        assertThat(profile.field("contactHint")).isEqualTo("Bitte rufen Sie die Praxis an: 030 1234567");
        JsonNode services = profile.json().path("services");
        assertThat(services).hasSize(2);
        assertThat(services.get(0).path("id").asText()).isEqualTo("session");
        assertThat(services.get(0).path("name").asText()).isEqualTo("Therapiesitzung");
        assertThat(services.get(0).path("durationMinutes").asInt()).isEqualTo(50);
        assertThat(profile.body()).doesNotContain("buffer").doesNotContain("workingHours").doesNotContain(t.room())
                .doesNotContain(t.owner().email()).doesNotContain("Notice");
        assertThat(api.get("/v1/public/therapists/" + java.util.UUID.randomUUID(), null).status()).isEqualTo(404);
        // a practice without online booking has no services yet
        TestUser fresh = users.signUpAndLogin(Plan.S);
        assertThat(api.get("/v1/public/therapists/" + fresh.accountId(), null).json().path("services")).isEmpty();
    }

    @Test
    void slotsFollowWorkingHoursBuffersNoticeAndHorizon() {
        Therapist t = therapist(Map.of());
        LocalDate day = LocalDate.now(BERLIN).plusDays(10);
        List<JsonNode> slots = slots(t, day, day.plusDays(1), "session");
        assertThat(slots).isNotEmpty();
        assertThat(slots).allSatisfy(slot -> {
            LocalTime start = OffsetDateTime.parse(slot.path("start").asText()).atZoneSameInstant(BERLIN).toLocalTime();
            LocalTime end = OffsetDateTime.parse(slot.path("end").asText()).atZoneSameInstant(BERLIN).toLocalTime();
            assertThat(end).isEqualTo(start.plusMinutes(50));
            boolean morning = !start.isBefore(LocalTime.of(8, 0)) && !end.isAfter(LocalTime.of(12, 0));
            boolean afternoon = !start.isBefore(LocalTime.of(13, 0)) && !end.isAfter(LocalTime.of(18, 0));
            assertThat(morning || afternoon).as("%s inside working hours", slot).isTrue();
            assertThat(slot.path("roomId").asText()).isEqualTo(t.room);
        });
        assertThat(startsOn(slots, day)).contains(LocalTime.of(8, 0), LocalTime.of(11, 0), LocalTime.of(17, 0))
                .doesNotContain(LocalTime.of(11, 15), LocalTime.of(12, 0), LocalTime.of(17, 15));

        // the therapist's own appointment 10:00-10:50 (the only room): 9:00 still fits with its 10-minute after-buffer
        assertThat(api.post("/v1/bookings", Map.of("roomId", t.room, "start", berlin(day, 10, 0), "end", berlin(day, 10, 50),
                "client", Map.of("name", "Own client")), t.owner.accessToken()).status()).isEqualTo(201);
        assertThat(startsOn(slots(t, day, day.plusDays(1), "session"), day)).contains(LocalTime.of(9, 0), LocalTime.of(11, 0))
                .doesNotContain(LocalTime.of(9, 15), LocalTime.of(10, 0), LocalTime.of(10, 45));
        // own appointment 13:00-13:50: the intake's 15-minute before-buffer rules out 14:00 although the room is free
        assertThat(api.post("/v1/bookings", Map.of("roomId", t.room, "start", berlin(day, 13, 0), "end", berlin(day, 13, 50),
                "client", Map.of("name", "Own client 2")), t.owner.accessToken()).status()).isEqualTo(201);
        assertThat(startsOn(slots(t, day, day.plusDays(1), "intake"), day)).contains(LocalTime.of(14, 15))
                .doesNotContain(LocalTime.of(14, 0), LocalTime.of(11, 0));
        assertThat(startsOn(slots(t, day, day.plusDays(1), "session"), day)).contains(LocalTime.of(14, 0));

        // notice (24 h) and horizon (60 days)
        LocalDate tomorrow = LocalDate.now(BERLIN).plusDays(1);
        assertThat(slots(t, LocalDate.now(BERLIN), tomorrow, "session")).isEmpty();
        assertThat(slots(t, LocalDate.now(BERLIN).plusDays(61), LocalDate.now(BERLIN).plusDays(62), "session")).isEmpty();
        assertThat(api.get(slotsPath(t, day, day.plusDays(1), "nope"), null).errorField()).isEqualTo("serviceId");
    }

    @Test
    void clientBooksCancelsAndReschedulesWithTheManageToken() {
        Therapist t = therapist(Map.of("maxReschedules", 1));
        LocalDate day = LocalDate.now(BERLIN).plusDays(12);
        String key = UUID.randomUUID().toString();
        Map<String, Object> request = publicBooking(berlin(day, 9, 0), "Clara Client", "clara@client.test");
        awsCalls.reset();
        ApiResult booked = api.post(publicPath(t), request, null, "Idempotency-Key", key);
        assertThat(booked.status()).as("%s", booked).isEqualTo(201);
        // therapist + idempotency record, availability, booking read, the transaction
        System.out.printf("public booking: %d AWS calls %s%n", awsCalls.calls(), awsCalls.byOperation());
        // DynamoDB calls; the confirmation email (SES SendEmail) and a first read of the token key come on top
        assertThat(awsCalls.calls() - awsCalls.calls("SendEmail") - awsCalls.calls("GetSecretValue"))
                .as("%s", awsCalls.byOperation()).isLessThanOrEqualTo(4);
        assertThat(awsCalls.calls("SendEmail")).isEqualTo(1);
        String token = booked.field("manageToken");
        assertThat(token).hasSizeGreaterThanOrEqualTo(22); // ≥ 128 bits in base64url
        awsCalls.reset();
        ApiResult replay = api.post(publicPath(t), request, null, "Idempotency-Key", key);
        assertThat(replay.json()).isEqualTo(booked.json());
        assertThat(awsCalls.calls()).as("a replay is answered from the first read").isEqualTo(1);
        assertThat(startsOn(slots(t, day, day.plusDays(1), "session"), day)).doesNotContain(LocalTime.of(9, 0));

        // the therapist sees the booking with the client's data; the token is stored only as a hash
        ApiResult seen = api.get("/v1/bookings/" + booked.field("bookingId"), t.owner.accessToken());
        assertThat(seen.field("client.email")).isEqualTo("clara@client.test");
        assertThat(seen.field("serviceId")).isEqualTo("session");
        var stored = local.dynamo().getItem(b -> b.tableName(local.stack().physicalId("MainTable")).key(Map.of(
                "PK", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("BOOKING#" + booked.field("bookingId")),
                "SK", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("BOOKING")))).item();
        assertThat(stored.toString()).doesNotContain(token);

        String path = "/v1/public/bookings/" + booked.field("bookingId");
        assertThat(api.delete(path, null, "X-Manage-Token", "wrong").status()).isEqualTo(404);
        assertThat(api.delete(path, null).status()).isEqualTo(404);
        ApiResult moved = api.patch(path, Map.of("start", berlin(day, 14, 0)), null, "X-Manage-Token", token);
        assertThat(moved.status()).as("%s", moved).isEqualTo(200);
        assertThat(moved.field("manageToken")).isEqualTo(token);
        ApiResult again = api.patch(path, Map.of("start", berlin(day, 15, 0)), null, "X-Manage-Token", token);
        assertThat(again.errorCode()).isEqualTo("RESCHEDULE_LIMIT_REACHED");
        assertThat(again.body()).contains("030 1234567");
        assertThat(api.delete(path, null, "X-Manage-Token", token).status()).isEqualTo(204);
        assertThat(api.get("/v1/bookings/" + booked.field("bookingId"), t.owner.accessToken()).field("status"))
                .isEqualTo("CANCELLED");
        assertThat(startsOn(slots(t, day, day.plusDays(1), "session"), day)).contains(LocalTime.of(14, 0));
    }

    @Test
    void cancellationNoticeIsEnforcedWithTheContactHint() {
        Therapist t = therapist(Map.of("cancellationNoticeMinutes", 43200, "rescheduleNoticeMinutes", 43200));
        LocalDate day = LocalDate.now(BERLIN).plusDays(20); // inside the 30-day notice
        ApiResult booked = api.post(publicPath(t), publicBooking(berlin(day, 9, 0), "Dora", "dora@client.test"), null);
        String path = "/v1/public/bookings/" + booked.field("bookingId");
        ApiResult late = api.delete(path, null, "X-Manage-Token", booked.field("manageToken"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.errorCode()).isEqualTo("CANCELLATION_TOO_LATE");
        assertThat(late.body()).contains("030 1234567");
        assertThat(api.patch(path, Map.of("start", berlin(day, 10, 0)), null, "X-Manage-Token", booked.field("manageToken"))
                .errorCode()).isEqualTo("RESCHEDULE_TOO_LATE");
        assertThat(api.get("/v1/bookings/" + booked.field("bookingId"), t.owner.accessToken()).field("status"))
                .isEqualTo("CONFIRMED");
    }

    @Test
    void badRequestsAreRefusedWithTheFieldNamed() {
        Therapist t = therapist(Map.of());
        LocalDate day = LocalDate.now(BERLIN).plusDays(14);
        assertThat(api.post(publicPath(t), publicBooking(berlin(LocalDate.now(BERLIN), 23, 0), "A", "a@b.de"), null)
                .errorCode()).isIn("TOO_SHORT_NOTICE", "VALIDATION_FAILED");
        assertThat(api.post(publicPath(t), publicBooking(berlin(LocalDate.now(BERLIN).plusDays(70), 9, 0), "A", "a@b.de"), null)
                .errorCode()).isEqualTo("BEYOND_HORIZON");
        assertThat(api.post(publicPath(t), publicBooking(berlin(day, 20, 0), "A", "a@b.de"), null).errorCode())
                .isEqualTo("OUTSIDE_WORKING_HOURS");
        assertThat(api.post(publicPath(t), publicBooking(berlin(day, 11, 30), "A", "a@b.de"), null).errorCode())
                .as("50 minutes from 11:30 end after noon").isEqualTo("OUTSIDE_WORKING_HOURS");
        assertThat(api.post(publicPath(t), publicBooking(berlin(day, 9, 0), "A", "not-an-email"), null).errorField())
                .isEqualTo("client.email");
        assertThat(api.post(publicPath(t), publicBooking(berlin(day, 9, 0), "A\u0007B", "a@b.de"), null).errorField())
                .isEqualTo("client.name");
        assertThat(api.post(publicPath(t), publicBooking(berlin(day, 9, 0), "x".repeat(121), "a@b.de"), null).errorField())
                .isEqualTo("client.name");
        Map<String, Object> unknownService = new LinkedHashMap<>(publicBooking(berlin(day, 9, 0), "A", "a@b.de"));
        unknownService.put("serviceId", "massage");
        assertThat(api.post(publicPath(t), unknownService, null).errorField()).isEqualTo("serviceId");
        assertThat(api.post("/v1/public/therapists/nobody/bookings", publicBooking(berlin(day, 9, 0), "A", "a@b.de"), null)
                .status()).isEqualTo(404);
        ApiResult badRules = api.put("/v1/settings/booking", Map.of("workingHours", Map.of("FUNDAY", List.of())),
                t.owner.accessToken());
        assertThat(badRules.errorField()).isEqualTo("workingHours.FUNDAY");
        assertThat(api.put("/v1/settings/booking", Map.of("services", List.of(Map.of("id", "s", "name", "S",
                "durationMinutes", 1))), t.owner.accessToken()).errorField()).isEqualTo("services[0].durationMinutes");
    }

    @Test
    void slotOfferedToADisappearsWhenCommunityMemberBBooksTheSharedRoom() {
        Therapist a = therapist(Map.of());
        TestUser b = users.signUpAndLogin(Plan.S);
        String invitation = api.post("/v1/community/invitations", Map.of("inviteeEmail", b.email()), a.owner.accessToken())
                .field("id");
        api.post("/v1/community/invitations/" + invitation + "/accept", null, b.accessToken());
        api.patch("/v1/rooms/" + a.room, Map.of("shared", true), a.owner.accessToken());
        LocalDate day = LocalDate.now(BERLIN).plusDays(15);
        assertThat(startsOn(slots(a, day, day.plusDays(1), "session"), day)).contains(LocalTime.of(11, 0));
        assertThat(api.post("/v1/bookings", Map.of("roomId", a.room, "start", berlin(day, 11, 0), "end", berlin(day, 11, 50),
                "client", Map.of("name", "B's client")), b.accessToken()).status()).isEqualTo(201);
        List<JsonNode> after = slots(a, day, day.plusDays(1), "session");
        assertThat(startsOn(after, day)).doesNotContain(LocalTime.of(11, 0), LocalTime.of(10, 30));
        assertThat(after.toString()).doesNotContain("B's client");
        assertThat(api.post(publicPath(a), publicBooking(berlin(day, 11, 0), "Late", "late@client.test"), null).errorCode())
                .isEqualTo("SLOT_TAKEN");


        // 31 days (the most one call may ask for) over A's room and B's shared room: rules + 2 batches
        String ownSecond = api.post("/v1/rooms", Map.of("name", "Second"), a.owner.accessToken()).field("id");
        assertThat(ownSecond).isNotNull();
        awsCalls.reset();
        List<JsonNode> horizon = slots(a, LocalDate.now(BERLIN), LocalDate.now(BERLIN).plusDays(31), "session");
        long calls = awsCalls.calls();
        System.out.printf("slots for 31 days, 3 rooms: %d DynamoDB calls %s%n", calls, awsCalls.byOperation());
        assertThat(horizon).extracting(n -> n.path("roomId").asText()).contains(ownSecond);
        assertThat(calls).isLessThanOrEqualTo(3);
    }

    /** B's appointment in A's room stays when A stops sharing it; it must keep B busy for B's online booking. */
    @Test
    void anAppointmentInARoomNoLongerSharedStillKeepsTheTherapistBusy() {
        Therapist a = therapist(Map.of());
        Therapist b = therapist(Map.of());
        String invitation = api.post("/v1/community/invitations", Map.of("inviteeEmail", b.owner.email()),
                a.owner.accessToken()).field("id");
        assertThat(api.post("/v1/community/invitations/" + invitation + "/accept", null, b.owner.accessToken()).status())
                .isEqualTo(200);
        assertThat(api.patch("/v1/rooms/" + a.room, Map.of("shared", true), a.owner.accessToken()).status()).isEqualTo(200);
        LocalDate day = LocalDate.now(BERLIN).plusDays(16);
        assertThat(api.post("/v1/bookings", Map.of("roomId", a.room, "start", berlin(day, 11, 0), "end", berlin(day, 11, 50),
                "client", Map.of("name", "B's client")), b.owner.accessToken()).status()).isEqualTo(201);
        assertThat(api.patch("/v1/rooms/" + a.room, Map.of("shared", false), a.owner.accessToken()).status()).isEqualTo(200);

        List<JsonNode> slots = slots(b, day, day.plusDays(1), "session");
        assertThat(slots).extracting(n -> n.path("roomId").asText()).containsOnly(b.room);
        assertThat(startsOn(slots, day)).contains(LocalTime.of(10, 0), LocalTime.of(13, 0))
                .doesNotContain(LocalTime.of(11, 0), LocalTime.of(10, 30));
        assertThat(api.post(publicPath(b), publicBooking(berlin(day, 11, 0), "Double", "double@client.test"), null)
                .errorCode()).isEqualTo("SLOT_TAKEN");
    }

    @Test
    void fiftyConcurrentBookingsFromOwnerMemberAndPublicOneWins() throws Exception {
        Therapist a = therapist(Map.of());
        TestUser b = users.signUpAndLogin(Plan.S);
        String invitation = api.post("/v1/community/invitations", Map.of("inviteeEmail", b.email()), a.owner.accessToken())
                .field("id");
        api.post("/v1/community/invitations/" + invitation + "/accept", null, b.accessToken());
        api.patch("/v1/rooms/" + a.room, Map.of("shared", true), a.owner.accessToken());
        LocalDate day = LocalDate.now(BERLIN).plusDays(16);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ApiResult>> futures = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int kind = i % 3;
            int n = i;
            futures.add(pool.submit(() -> {
                start.await();
                return switch (kind) {
                    case 0 -> api.post("/v1/bookings", Map.of("roomId", a.room, "start", berlin(day, 9, 0), "end",
                            berlin(day, 9, 50), "client", Map.of("name", "A" + n)), a.owner.accessToken());
                    case 1 -> api.post("/v1/bookings", Map.of("roomId", a.room, "start", berlin(day, 9, 20), "end",
                            berlin(day, 10, 0), "client", Map.of("name", "B" + n)), b.accessToken());
                    default -> api.post(publicPath(a), publicBooking(berlin(day, 9, 0), "P" + n, "p" + n + "@client.test"), null);
                };
            }));
        }
        start.countDown();
        List<ApiResult> results = new ArrayList<>();
        for (Future<ApiResult> f : futures) {
            results.add(f.get());
        }
        pool.shutdown();
        assertThat(results).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(results).filteredOn(r -> r.status() != 201).allSatisfy(r -> assertThat(r.status()).as("%s", r).isEqualTo(409));
        assertThat(OccupancyCheck.overlaps(local, a.room)).isEmpty();
    }

    /** Two free rooms, one therapist: concurrent online bookings of the same time must not double-book the therapist. */
    @Test
    void concurrentOnlineBookingsNeverDoubleBookTheTherapistAcrossRooms() throws Exception {
        Therapist t = therapist(Map.of());
        String secondRoom = api.post("/v1/rooms", Map.of("name", "Zweiter Raum"), t.owner.accessToken()).field("id");
        assertThat(secondRoom).isNotNull();
        LocalDate day = LocalDate.now(BERLIN).plusDays(17);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ApiResult>> futures = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int n = i;
            futures.add(pool.submit(() -> {
                start.await();
                return api.post(publicPath(t), publicBooking(berlin(day, 9, n % 2 == 0 ? 0 : 15), "P" + n,
                        "p" + n + "@client.test"), null);
            }));
        }
        start.countDown();
        List<ApiResult> results = new ArrayList<>();
        for (Future<ApiResult> f : futures) {
            results.add(f.get());
        }
        pool.shutdown();
        assertThat(results).filteredOn(r -> r.status() == 201).as("one therapist, one appointment at a time").hasSize(1);
        assertThat(results).filteredOn(r -> r.status() != 201).allSatisfy(r -> assertThat(r.status()).as("%s", r).isEqualTo(409));
    }

    @Test
    void daylightSavingWeekKeepsLocalWorkingHours() {
        Therapist t = therapist(Map.of("horizonDays", 365));
        LocalDate today = LocalDate.now(BERLIN);
        LocalDate thisYear = today.withMonth(10).with(TemporalAdjusters.lastInMonth(DayOfWeek.SUNDAY));
        LocalDate sunday = thisYear.isAfter(today.plusDays(2)) ? thisYear
                : today.plusYears(1).withMonth(10).with(TemporalAdjusters.lastInMonth(DayOfWeek.SUNDAY));
        if (sunday.isAfter(today.plusDays(360))) {
            return; // the change lies beyond any horizon from today: nothing to check this year
        }
        List<JsonNode> slots = slots(t, sunday.minusDays(1), sunday.plusDays(1), "session");
        LocalDate saturday = sunday.minusDays(1);
        JsonNode firstSaturday = slots.stream().filter(s -> s.path("start").asText().startsWith(saturday.toString()))
                .findFirst().orElseThrow();
        JsonNode firstSunday = slots.stream().filter(s -> s.path("start").asText().startsWith(sunday.toString()))
                .findFirst().orElseThrow();
        assertThat(firstSaturday.path("start").asText()).isEqualTo(saturday + "T08:00:00+02:00");
        assertThat(firstSunday.path("start").asText()).isEqualTo(sunday + "T08:00:00+01:00");
    }

    private List<JsonNode> slots(Therapist t, LocalDate from, LocalDate to, String service) {
        ApiResult result = api.get(slotsPath(t, from, to, service), null);
        assertThat(result.status()).as("%s", result).isEqualTo(200);
        List<JsonNode> slots = new ArrayList<>();
        result.json().path("slots").forEach(slots::add);
        return slots;
    }

    private static String slotsPath(Therapist t, LocalDate from, LocalDate to, String service) {
        return "/v1/public/therapists/" + t.owner.accountId() + "/slots?serviceId=" + service + "&from="
                + enc(berlin(from, 0, 0)) + "&to=" + enc(berlin(to, 0, 0));
    }

    private static List<LocalTime> startsOn(List<JsonNode> slots, LocalDate day) {
        return slots.stream().map(s -> OffsetDateTime.parse(s.path("start").asText()).atZoneSameInstant(BERLIN))
                .filter(z -> z.toLocalDate().equals(day)).map(ZonedDateTime::toLocalTime).toList();
    }

    private static String publicPath(Therapist t) {
        return "/v1/public/therapists/" + t.owner.accountId() + "/bookings";
    }

    private static Map<String, Object> publicBooking(String start, String name, String email) {
        return Map.of("serviceId", "session", "start", start, "client", Map.of("name", name, "email", email));
    }
}
