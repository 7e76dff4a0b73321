package com.practicecal.local.staff;

import static com.practicecal.local.Times.berlin;
import static com.practicecal.local.Urls.enc;
import static org.assertj.core.api.Assertions.assertThat;

import com.practicecal.local.ApiResult;
import com.practicecal.local.LocalStackIT;
import com.practicecal.local.TestUser;
import com.practicecal.shared.plan.Plan;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A practice's staff see and book exactly what the practice may, now: the calendar community is the account's, never
 * a copy on the staff member's item, whenever the practice joined or left and whenever the staff member was added.
 */
class StaffCommunityIT extends LocalStackIT {
    private final LocalDate day = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(52);

    private Map<String, Object> booking(String roomId, int hour) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("roomId", roomId);
        body.put("start", berlin(day, hour));
        body.put("end", berlin(day, hour, 50));
        body.put("client", Map.of("name", "Klara Klient"));
        return body;
    }

    private String range() {
        return "?from=" + enc(berlin(day, 0)) + "&to=" + enc(berlin(day.plusDays(1), 0));
    }

    /** A's practice founds a community with a shared room and B's practice joins. */
    private String sharedRoomOfA(TestUser a, TestUser b) {
        String room = api.post("/v1/rooms", Map.of("name", "Gemeinschaftsraum"), a.accessToken()).field("id");
        String invitation = api.post("/v1/community/invitations", Map.of("inviteeEmail", b.email()), a.accessToken())
                .field("id");
        assertThat(api.post("/v1/community/invitations/" + invitation + "/accept", null, b.accessToken()).status())
                .isEqualTo(200);
        assertThat(api.patch("/v1/rooms/" + room, Map.of("shared", true), a.accessToken()).status()).isEqualTo(200);
        return room;
    }

    @Test
    void staffAddedBeforeTheirPracticeJoinedSeeAndBookTheCommunity() {
        TestUser a = users.signUpAndLogin(Plan.XL);
        TestUser b = users.signUpAndLogin(Plan.XL);
        TestUser secretary = users.addStaff(b, "SECRETARY", null);
        assertThat(api.get("/v1/community", secretary.accessToken()).errorCode()).isEqualTo("NOT_IN_COMMUNITY");

        String room = sharedRoomOfA(a, b);
        ApiResult community = api.get("/v1/community", secretary.accessToken());
        assertThat(community.status()).as("%s", community).isEqualTo(200);
        assertThat(community.body()).contains(room, a.accountId(), b.accountId());
        ApiResult booked = api.post("/v1/bookings", booking(room, 9), secretary.accessToken());
        assertThat(booked.status()).as("%s", booked).isEqualTo(201);
        assertThat(api.get("/v1/calendar" + range(), secretary.accessToken()).body()).contains(room);
    }

    @Test
    void afterRemovalStaffLoseTheCommunityAndProbingRevealsNoOccupancy() {
        TestUser a = users.signUpAndLogin(Plan.XL);
        TestUser b = users.signUpAndLogin(Plan.XL);
        String room = sharedRoomOfA(a, b);
        TestUser secretary = users.addStaff(b, "SECRETARY", null); // added while B is a member
        assertThat(api.post("/v1/bookings", booking(room, 8), secretary.accessToken()).status()).isEqualTo(201);
        assertThat(api.post("/v1/bookings", booking(room, 10), a.accessToken()).status()).isEqualTo(201);

        assertThat(api.delete("/v1/community/members/" + b.accountId(), a.accessToken()).status()).isEqualTo(204);

        assertThat(api.get("/v1/community", secretary.accessToken()).errorCode()).isEqualTo("NOT_IN_COMMUNITY");
        ApiResult calendar = api.get("/v1/calendar" + range(), secretary.accessToken());
        assertThat(calendar.json().path("rooms").toString()).doesNotContain(room); // its own booking there stays
        assertThat(calendar.json().path("busy")).as("A's use of the room is no longer shown").isEmpty();
        ApiResult taken = api.post("/v1/bookings", booking(room, 10), secretary.accessToken()); // A's appointment
        ApiResult free = api.post("/v1/bookings", booking(room, 14), secretary.accessToken());
        assertThat(taken.status()).as("taken: %s / free: %s", taken, free).isEqualTo(free.status()).isIn(403, 404, 422);
        assertThat(taken.errorCode()).isEqualTo(free.errorCode());
        assertThat(taken.json().path("error").path("message").asText())
                .isEqualTo(free.json().path("error").path("message").asText());
        assertThat(taken.body()).doesNotContain("10:").doesNotContain("booked");
    }

    @Test
    void whenThePracticeLeavesItsStaffLeaveWithIt() {
        TestUser a = users.signUpAndLogin(Plan.XL);
        TestUser b = users.signUpAndLogin(Plan.XL);
        String room = sharedRoomOfA(a, b);
        TestUser secretary = users.addStaff(b, "SECRETARY", null);
        assertThat(api.get("/v1/community", secretary.accessToken()).status()).isEqualTo(200);

        assertThat(api.delete("/v1/community/members/" + b.accountId(), b.accessToken()).status()).isEqualTo(204);

        assertThat(api.get("/v1/community", secretary.accessToken()).errorCode()).isEqualTo("NOT_IN_COMMUNITY");
        ApiResult probe = api.post("/v1/bookings", booking(room, 11), secretary.accessToken());
        assertThat(probe.status()).as("%s", probe).isNotEqualTo(201).isNotEqualTo(409);
    }
}
