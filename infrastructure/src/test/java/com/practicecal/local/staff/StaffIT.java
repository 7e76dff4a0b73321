package com.practicecal.local.staff;

import static com.practicecal.local.Times.berlin;
import static org.assertj.core.api.Assertions.assertThat;

import com.practicecal.local.ApiResult;
import com.practicecal.local.LocalStackIT;
import com.practicecal.local.TestUser;
import com.practicecal.local.TestUsers;
import com.practicecal.shared.plan.Plan;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Staff (plan XL) get exactly their scopes; removal and a downgrade below XL end access with the next request. */
class StaffIT extends LocalStackIT {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private String staffToken(TestUser owner, String role, List<String> scopes) {
        return users.addStaff(owner, role, scopes).accessToken();
    }

    @Test
    void staffWorkWithinTheirScopes() {
        TestUser owner = users.signUpAndLogin(Plan.XL);
        String room = api.post("/v1/rooms", Map.of("name", "Praxis"), owner.accessToken()).field("id");
        String secretary = staffToken(owner, "SECRETARY", null);
        String accountant = staffToken(owner, "ACCOUNTING", null);
        String auditor = staffToken(owner, "CUSTOM", List.of("audit"));
        LocalDate day = LocalDate.now(BERLIN).plusDays(25);

        ApiResult booked = api.post("/v1/bookings", booking(room, day, 9), secretary);
        assertThat(booked.status()).as("%s", booked).isEqualTo(201);
        assertThat(booked.field("createdBy")).isNotEqualTo(owner.userId());
        ApiResult read = api.get("/v1/bookings/" + booked.field("id"), secretary);
        assertThat(read.field("client.email")).as("a secretary manages appointments with contact data")
                .isEqualTo("client@example.org");
        assertThat(api.get("/v1/rooms", secretary).status()).isEqualTo(200);
        ApiResult secretaryMe = api.get("/v1/me", secretary);
        assertThat(secretaryMe.field("role")).isEqualTo("STAFF");
        assertThat(secretaryMe.json().path("scopes")).as("an app shows staff what their scopes allow")
                .extracting(n -> n.asText()).containsExactly("appointments");
        assertThat(api.get("/v1/me", accountant).json().path("scopes")).extracting(n -> n.asText())
                .containsExactly("finances", "invoicing", "reports");
        assertThat(api.get("/v1/me", auditor).json().path("scopes")).extracting(n -> n.asText()).containsExactly("audit");
        assertThat(api.get("/v1/me", owner.accessToken()).json().has("scopes")).as("an owner holds every scope").isFalse();
        assertThat(api.post("/v1/rooms", Map.of("name", "X"), secretary).status()).isEqualTo(403);
        assertThat(api.put("/v1/account/plan", Map.of("plan", "S"), secretary).status()).isEqualTo(403);
        assertThat(api.get("/v1/staff", secretary).status()).isEqualTo(403);
        ApiResult noAudit = api.get("/v1/audit", secretary);
        assertThat(noAudit.status()).isEqualTo(403);
        assertThat(noAudit.errorCode()).isEqualTo("MISSING_SCOPE");

        ApiResult noAppointments = api.get("/v1/bookings/" + booked.field("id"), accountant);
        assertThat(noAppointments.status()).isEqualTo(403);
        assertThat(noAppointments.body()).contains("appointments").doesNotContain("client@example.org");
        assertThat(api.get("/v1/calendar?from=" + enc(day, 0) + "&to=" + enc(day, 23), accountant).status()).isEqualTo(403);
        assertThat(api.post("/v1/bookings", booking(room, day, 11), accountant).status()).isEqualTo(403);

        assertThat(api.get("/v1/audit", auditor).status()).isEqualTo(200);
        assertThat(api.get("/v1/staff", owner.accessToken()).json().path("items")).hasSize(3);
    }

    @Test
    void removalAndDowngradeEndAccessAtOnce() {
        TestUser owner = users.signUpAndLogin(Plan.XL);
        String room = api.post("/v1/rooms", Map.of("name", "Praxis"), owner.accessToken()).field("id");
        String secretary = staffToken(owner, "SECRETARY", null);
        LocalDate day = LocalDate.now(BERLIN).plusDays(26);
        assertThat(api.post("/v1/bookings", booking(room, day, 9), secretary).status()).isEqualTo(201);

        assertThat(api.put("/v1/account/plan", Map.of("plan", "L"), owner.accessToken()).status()).isEqualTo(200);
        assertThat(api.get("/v1/me", secretary).json().path("scopes")).as("below XL staff can use nothing").isEmpty();
        ApiResult downgraded = api.post("/v1/bookings", booking(room, day, 10), secretary);
        assertThat(downgraded.status()).isEqualTo(403);
        assertThat(downgraded.errorCode()).isEqualTo("PLAN_REQUIRED");
        assertThat(api.post("/v1/staff", Map.of("email", TestUsers.uniqueEmail(), "role", "SECRETARY"), owner.accessToken())
                .errorCode()).isEqualTo("PLAN_REQUIRED");

        assertThat(api.put("/v1/account/plan", Map.of("plan", "XL"), owner.accessToken()).status()).isEqualTo(200);
        assertThat(api.post("/v1/bookings", booking(room, day, 10), secretary).status()).isEqualTo(201);
        assertThat(api.get("/v1/me", secretary).json().path("scopes")).extracting(n -> n.asText()).containsExactly("appointments");
        String userId = api.get("/v1/staff", owner.accessToken()).json().path("items").get(0).path("userId").asText();
        assertThat(api.get("/v1/staff", owner.accessToken()).json().path("items").get(0).path("role").asText())
                .as("the role given").isEqualTo("SECRETARY");
        awsCalls.reset();
        ApiResult changed = api.patch("/v1/staff/" + userId, Map.of("role", "ACCOUNTING"), owner.accessToken());
        assertThat(awsCalls.calls()).as("owner and staff member in one read, then the write: %s", awsCalls.byOperation())
                .isEqualTo(2);
        assertThat(changed.json().path("scopes")).extracting(n -> n.asText()).containsExactly("finances", "invoicing", "reports");
        assertThat(api.get("/v1/staff", owner.accessToken()).json().path("items").get(0).path("scopes"))
                .as("the answer is what was stored").isEqualTo(changed.json().path("scopes"));
        assertThat(changed.field("role")).isEqualTo("ACCOUNTING");
        assertThat(api.get("/v1/staff", owner.accessToken()).json().path("items").get(0).path("role").asText())
                .isEqualTo("ACCOUNTING");
        // a role with a scope named besides it stays that role; only scopes is CUSTOM
        assertThat(api.patch("/v1/staff/" + userId, Map.of("role", "SECRETARY", "scopes", List.of("documentation")),
                owner.accessToken()).field("role")).isEqualTo("SECRETARY");
        assertThat(api.get("/v1/staff", owner.accessToken()).json().path("items").get(0).path("role").asText())
                .isEqualTo("SECRETARY");
        ApiResult custom = api.patch("/v1/staff/" + userId, Map.of("scopes", List.of("invoicing")), owner.accessToken());
        assertThat(custom.field("role")).isEqualTo("CUSTOM");
        assertThat(api.patch("/v1/staff/" + userId, Map.of("role", "ACCOUNTING"), owner.accessToken()).status()).isEqualTo(200);
        assertThat(api.patch("/v1/staff/" + owner.userId(), Map.of("role", "ACCOUNTING"), owner.accessToken()).status())
                .as("the owner is no staff member").isEqualTo(404);
        assertThat(api.post("/v1/bookings", booking(room, day, 11), secretary).status()).isEqualTo(403);
        assertThat(api.delete("/v1/staff/" + userId, owner.accessToken()).status()).isEqualTo(204);
        assertThat(api.get("/v1/bookings?from=" + enc(day, 0) + "&to=" + enc(day, 23), secretary).status()).isEqualTo(404);
        assertThat(api.delete("/v1/staff/" + userId, owner.accessToken()).status()).isEqualTo(404);
        assertThat(api.post("/v1/staff", Map.of("email", "x", "role", "SECRETARY"), owner.accessToken()).errorField())
                .isEqualTo("email");
        assertThat(api.post("/v1/staff", Map.of("email", TestUsers.uniqueEmail(), "role", "BOSS"), owner.accessToken())
                .errorField()).isEqualTo("role");
    }

    private static Map<String, Object> booking(String room, LocalDate day, int hour) {
        return Map.of("roomId", room, "start", berlin(day, hour), "end", berlin(day, hour).replace(hour + ":00", hour + ":50"),
                "client", Map.of("name", "Erika Muster", "email", "client@example.org"));
    }


    private static String enc(LocalDate day, int hour) {
        return java.net.URLEncoder.encode(berlin(day, hour), java.nio.charset.StandardCharsets.UTF_8);
    }
}
