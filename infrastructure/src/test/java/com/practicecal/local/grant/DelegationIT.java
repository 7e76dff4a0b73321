package com.practicecal.local.grant;

import static com.practicecal.local.Times.berlin;
import static com.practicecal.local.Urls.enc;
import static org.assertj.core.api.Assertions.assertThat;

import com.practicecal.local.ApiResult;
import com.practicecal.local.LocalStackIT;
import com.practicecal.local.HttpApiRoute;
import com.practicecal.local.SamTemplate;
import com.practicecal.local.TestUser;
import com.practicecal.shared.plan.Plan;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Booking into a colleague's calendar under a grant: one table of endpoint × principal → status, a leak scan of
 * every response per principal, revocation on the next request, and the plan gate.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DelegationIT extends LocalStackIT {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final String CLIENT_LAST_NAME = "Vertraulich";
    private static final String CLIENT_EMAIL = "erika.private@client.test";
    private static final String CLIENT_PHONE = "+49 171 9998887";

    enum Who { OWNER, COMMUNITY_MEMBER, GRANTEE_READ, GRANTEE_WRITE, REVOKED_GRANTEE, UNRELATED, ANONYMOUS }

    /** One row per delegated route: the route key, how to call it, and the expected status per principal. */
    private record Row(String route, Function<Call, ApiResult> call, Map<Who, Integer> expected) {
    }

    /** What a call needs: the caller's token, the account, a fresh booking of the account, a unique hour. */
    private record Call(String token, String accountId, String bookingId, String room, int slot) {
    }

    private final Map<Who, TestUser> principals = new EnumMap<>(Who.class);
    private String room;
    private final AtomicInteger slots = new AtomicInteger();
    private final LocalDate day = LocalDate.now(BERLIN).plusDays(33);

    @BeforeAll
    void principals() {
        TestUser owner = users.signUpAndLogin(Plan.L);
        principals.put(Who.OWNER, owner);
        for (Who who : List.of(Who.COMMUNITY_MEMBER, Who.GRANTEE_READ, Who.GRANTEE_WRITE, Who.REVOKED_GRANTEE, Who.UNRELATED)) {
            principals.put(who, users.signUpAndLogin(Plan.M));
        }
        room = api.post("/v1/rooms", Map.of("name", "Praxis"), owner.accessToken()).field("id");
        String invitation = api.post("/v1/community/invitations", Map.of("inviteeEmail", principals.get(Who.COMMUNITY_MEMBER).email()),
                owner.accessToken()).field("id");
        api.post("/v1/community/invitations/" + invitation + "/accept", null, principals.get(Who.COMMUNITY_MEMBER).accessToken());
        grant(Who.GRANTEE_READ, List.of("appointments:read"));
        grant(Who.GRANTEE_WRITE, List.of("appointments:write"));
        grant(Who.REVOKED_GRANTEE, List.of("appointments:write"));
        assertThat(api.delete("/v1/grants/" + principals.get(Who.REVOKED_GRANTEE).userId(), owner.accessToken()).status())
                .isEqualTo(204);
        assertThat(api.post("/v1/clients", clientRecord(), owner.accessToken()).status()).isEqualTo(201);
    }

    /** A client record with the data a grantee must never see (search and create answer "Erika V." only). */
    private static Map<String, Object> clientRecord() {
        return Map.of("firstName", "Erika", "lastName", CLIENT_LAST_NAME, "email", CLIENT_EMAIL, "phone", CLIENT_PHONE);
    }

    private void grant(Who who, List<String> scopes) {
        users.grant(principals.get(Who.OWNER), principals.get(who), scopes);
    }

    private List<Row> matrix() {
        Map<Who, Integer> read = expect(200, 404, 200, 200, 404, 404, 401);
        return List.of(
                new Row("GET /v1/accounts/{accountId}/calendar", c -> api.get("/v1/accounts/" + c.accountId + "/calendar?from="
                        + enc(time(0, 0)) + "&to=" + enc(time(23, 0)), c.token), read),
                new Row("GET /v1/accounts/{accountId}/bookings", c -> api.get("/v1/accounts/" + c.accountId + "/bookings?from="
                        + enc(time(0, 0)) + "&to=" + enc(time(23, 0)), c.token), read),
                new Row("GET /v1/accounts/{accountId}/bookings/{bookingId}", c -> api.get("/v1/accounts/" + c.accountId
                        + "/bookings/" + c.bookingId, c.token), read),
                new Row("POST /v1/accounts/{accountId}/bookings", c -> api.post("/v1/accounts/" + c.accountId + "/bookings",
                        booking(c.room, c.slot), c.token), expect(201, 404, 403, 201, 404, 404, 401)),
                new Row("PATCH /v1/accounts/{accountId}/bookings/{bookingId}", c -> api.patch("/v1/accounts/" + c.accountId
                        + "/bookings/" + c.bookingId, Map.of("start", slotStart(c.slot), "end", slotEnd(c.slot)), c.token),
                        expect(200, 404, 403, 200, 404, 404, 401)),
                new Row("DELETE /v1/accounts/{accountId}/bookings/{bookingId}", c -> api.delete("/v1/accounts/" + c.accountId
                        + "/bookings/" + c.bookingId, c.token), expect(204, 404, 403, 204, 404, 404, 401)),
                new Row("GET /v1/accounts/{accountId}/clients", c -> api.get("/v1/accounts/" + c.accountId
                        + "/clients?query=erika", c.token), expect(200, 404, 403, 200, 404, 404, 401)),
                new Row("POST /v1/accounts/{accountId}/clients", c -> api.post("/v1/accounts/" + c.accountId + "/clients",
                        clientRecord(), c.token), expect(201, 404, 403, 201, 404, 404, 401)));
    }

    @Test
    void everyDelegatedRouteHasARowInTheMatrix() {
        Set<String> routed = SamTemplate.load().routes().stream()
                .map(HttpApiRoute::routeKey).filter(r -> r.contains("/v1/accounts/"))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> rows = new TreeSet<>();
        matrix().forEach(row -> rows.add(row.route()));
        assertThat(rows).isEqualTo(routed);
    }

    @Test
    void authorizationMatrixAndLeakScan() {
        TestUser owner = principals.get(Who.OWNER);
        for (Row row : matrix()) {
            for (Who who : Who.values()) {
                String booking = ownerBooking();
                String token = who == Who.ANONYMOUS ? null : principals.get(who).accessToken();
                ApiResult result = row.call.apply(new Call(token, owner.accountId(), booking, room, slots.incrementAndGet()));
                assertThat(result.status()).as("%s as %s: %s", row.route, who, result).isEqualTo(row.expected.get(who));
                if (who != Who.OWNER) {
                    for (String secret : List.of(CLIENT_LAST_NAME, CLIENT_EMAIL, CLIENT_PHONE)) {
                        assertThat(result.body()).as("%s as %s leaks %s", row.route, who, secret).doesNotContain(secret);
                    }
                }
                if (result.status() == 403) {
                    assertThat(result.body()).contains("appointments:write");
                }
            }
        }
        // the owner still sees everything the grantee entered
        ApiResult byGrantee = api.post("/v1/accounts/" + owner.accountId() + "/bookings", booking(room, slots.incrementAndGet()),
                principals.get(Who.GRANTEE_WRITE).accessToken());
        assertThat(byGrantee.field("client.name")).isEqualTo("Erika V.");
        assertThat(byGrantee.field("client.email")).isNull();
        ApiResult full = api.get("/v1/bookings/" + byGrantee.field("id"), owner.accessToken());
        assertThat(full.field("client.name")).isEqualTo("Erika " + CLIENT_LAST_NAME);
        assertThat(full.field("client.email")).isEqualTo(CLIENT_EMAIL);
        assertThat(full.field("createdBy")).isEqualTo(principals.get(Who.GRANTEE_WRITE).userId());
    }

    @Test
    void revocationAndPlanDowngradeTakeEffectOnTheNextRequest() {
        TestUser owner = users.signUpAndLogin(Plan.XL);
        TestUser colleague = users.signUpAndLogin(Plan.S);
        String ownRoom = api.post("/v1/rooms", Map.of("name", "R"), owner.accessToken()).field("id");
        users.grant(owner, colleague, List.of("appointments:write"));
        String path = "/v1/accounts/" + owner.accountId() + "/bookings";
        String first = api.post(path, booking(ownRoom, 1), colleague.accessToken()).field("id");
        assertThat(first).isNotNull();
        awsCalls.reset();
        assertThat(api.get(path + "/" + first, colleague.accessToken()).status()).isEqualTo(200);
        assertThat(awsCalls.calls()).as("delegated read: %s", awsCalls.byOperation()).isEqualTo(1);
        assertThat(api.get("/v1/grants", colleague.accessToken()).json().path("received")).hasSize(1);
        // downgrade to M: delegation ends
        assertThat(api.put("/v1/account/plan", Map.of("plan", "M"), owner.accessToken()).status()).isEqualTo(200);
        assertThat(api.post(path, booking(ownRoom, 2), colleague.accessToken()).status()).isEqualTo(404);
        assertThat(api.post("/v1/grants", Map.of("granteeEmail", colleague.email(), "scopes", List.of("appointments:read")),
                owner.accessToken()).errorCode()).isEqualTo("PLAN_REQUIRED");
        // back on L the grant works again, until it is revoked
        assertThat(api.put("/v1/account/plan", Map.of("plan", "L"), owner.accessToken()).status()).isEqualTo(200);
        assertThat(api.post(path, booking(ownRoom, 3), colleague.accessToken()).status()).isEqualTo(201);
        assertThat(api.delete("/v1/grants/" + colleague.userId(), owner.accessToken()).status()).isEqualTo(204);
        assertThat(api.post(path, booking(ownRoom, 4), colleague.accessToken()).status()).isEqualTo(404);
        assertThat(api.get("/v1/grants", owner.accessToken()).json().path("given").get(0).path("status").asText())
                .isEqualTo("REVOKED");
        assertThat(api.delete("/v1/grants/" + colleague.userId(), owner.accessToken()).status()).isEqualTo(404);
        assertThat(api.post("/v1/grants", Map.of("granteeEmail", "nobody@nowhere.test", "scopes", List.of("appointments:read")),
                owner.accessToken()).errorField()).isEqualTo("granteeEmail");
        assertThat(api.post("/v1/grants", Map.of("granteeEmail", colleague.email(), "scopes", List.of("invoices")),
                owner.accessToken()).errorField()).isEqualTo("scopes");
    }

    private String ownerBooking() {
        return api.post("/v1/bookings", booking(room, slots.incrementAndGet()), principals.get(Who.OWNER).accessToken()).field("id");
    }

    private Map<String, Object> booking(String roomId, int slot) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("roomId", roomId);
        body.put("start", slotStart(slot));
        body.put("end", slotEnd(slot));
        body.put("client", Map.of("name", "Erika " + CLIENT_LAST_NAME, "email", CLIENT_EMAIL, "phone", CLIENT_PHONE));
        return body;
    }

    /** Slot n: 5-minute appointments from 06:00 (216 until midnight), so no two calls of the test ever collide. */
    private String slotStart(int slot) {
        return berlin(day, 6 + slot / 12, slot % 12 * 5);
    }

    private String slotEnd(int slot) {
        return berlin(day, 6 + slot / 12, slot % 12 * 5 + 4);
    }

    private String time(int hour, int minute) {
        return berlin(day, hour, minute);
    }

    private static Map<Who, Integer> expect(int owner, int member, int read, int write, int revoked, int unrelated, int anonymous) {
        Map<Who, Integer> map = new EnumMap<>(Who.class);
        map.put(Who.OWNER, owner);
        map.put(Who.COMMUNITY_MEMBER, member);
        map.put(Who.GRANTEE_READ, read);
        map.put(Who.GRANTEE_WRITE, write);
        map.put(Who.REVOKED_GRANTEE, revoked);
        map.put(Who.UNRELATED, unrelated);
        map.put(Who.ANONYMOUS, anonymous);
        return map;
    }
}
