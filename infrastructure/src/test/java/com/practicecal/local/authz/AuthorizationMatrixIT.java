package com.practicecal.local.authz;

import static com.practicecal.local.Times.berlin;
import static com.practicecal.local.Urls.enc;
import static org.assertj.core.api.Assertions.assertThat;

import com.practicecal.local.ApiResult;
import com.practicecal.local.LocalStackIT;
import com.practicecal.local.HttpApiRoute;
import com.practicecal.local.SamTemplate;
import com.practicecal.local.TestUser;
import com.practicecal.local.TestUsers;
import com.practicecal.shared.plan.Plan;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
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
 * Every authenticated endpoint × every principal kind, generated from one table: each route has a kind (acts on
 * the caller's own account, targets practice A's resource, delegated into A's calendar) and the scope it needs;
 * the expected status follows from the kind. A new route without a row fails {@link #everyRouteHasARow()}. Every
 * response is scanned for A's client data, note text and invoice amount unless the principal may see them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIT extends LocalStackIT {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final String CLIENT_EMAIL = "matrix.client@private.test";
    private static final String NOTE = "Matrixnotiz streng vertraulich";
    private static final String AMOUNT = "987654";

    enum Who {
        OWNER, COMMUNITY_MEMBER, GRANTEE_READ, GRANTEE_WRITE, SECRETARY, ACCOUNTING, CUSTOM_STAFF, REVOKED_GRANTEE,
        REMOVED_STAFF, UNRELATED, ANONYMOUS
    }

    enum Kind { SELF_ANY, SELF_ADMIN, SELF_SCOPED, TARGET_ADMIN, TARGET_SCOPED, DELEGATED_READ, DELEGATED_WRITE,
        COMMUNITY_REMOVE }

    private record Row(String route, Kind kind, String scope, int ownerStatus, Function<String, ApiResult> call) {
    }

    private static final Map<Who, Set<String>> STAFF_SCOPES = Map.of(
            Who.SECRETARY, Set.of("appointments"),
            Who.ACCOUNTING, Set.of("invoicing", "reports", "finances"),
            Who.CUSTOM_STAFF, Set.of("documentation", "audit"));

    private final Map<Who, String> tokens = new EnumMap<>(Who.class);
    private final Map<Who, TestUser> owners = new EnumMap<>(Who.class);
    private final AtomicInteger slots = new AtomicInteger();
    private final LocalDate day = LocalDate.now(BERLIN).plusDays(29);
    private TestUser a;
    private TestUser grantTarget;
    private TestUser otherGrantTarget;
    private String room;
    private String webhook;
    private String invoice;
    private String staffToEdit;
    private String client;
    private String usedJoinCode;
    private String offerToOutsider;
    private TestUser outsider;

    @BeforeAll
    void practiceA() {
        a = users.signUpAndLogin(Plan.XL);
        tokens.put(Who.OWNER, a.accessToken());
        for (Who who : List.of(Who.COMMUNITY_MEMBER, Who.GRANTEE_READ, Who.GRANTEE_WRITE, Who.REVOKED_GRANTEE, Who.UNRELATED)) {
            TestUser user = users.signUpAndLogin(Plan.XL);
            owners.put(who, user);
            tokens.put(who, user.accessToken());
        }
        grantTarget = users.signUpAndLogin(Plan.XL);
        outsider = users.signUpAndLogin(Plan.S);
        offerToOutsider = api.post("/v1/grants", Map.of("granteeEmail", outsider.email(),
                "scopes", List.of("appointments:read")), a.accessToken()).field("id");
        otherGrantTarget = users.signUpAndLogin(Plan.XL);
        String invitation = api.post("/v1/community/invitations", Map.of("inviteeEmail", owners.get(Who.COMMUNITY_MEMBER).email()),
                a.accessToken()).field("id");
        api.post("/v1/community/invitations/" + invitation + "/accept", null, tokens.get(Who.COMMUNITY_MEMBER));
        room = api.post("/v1/rooms", Map.of("name", "Matrixraum"), a.accessToken()).field("id");
        api.patch("/v1/rooms/" + room, Map.of("shared", true), a.accessToken());
        grant(Who.GRANTEE_READ, "appointments:read");
        grant(Who.GRANTEE_WRITE, "appointments:write");
        grant(Who.REVOKED_GRANTEE, "appointments:write");
        api.delete("/v1/grants/" + owners.get(Who.REVOKED_GRANTEE).userId(), a.accessToken());
        tokens.put(Who.SECRETARY, staff("SECRETARY", null).token);
        tokens.put(Who.ACCOUNTING, staff("ACCOUNTING", null).token);
        tokens.put(Who.CUSTOM_STAFF, staff("CUSTOM", List.of("documentation", "audit")).token);
        Staff removed = staff("SECRETARY", null);
        tokens.put(Who.REMOVED_STAFF, removed.token);
        assertThat(api.delete("/v1/staff/" + removed.userId, a.accessToken()).status()).isEqualTo(204);
        staffToEdit = staff("SECRETARY", null).userId;
        String booking = booking();
        api.post("/v1/bookings/" + booking + "/notes", Map.of("text", NOTE), a.accessToken());
        invoice = api.post("/v1/invoices", Map.of("bookingId", booking, "amountCents", Long.parseLong(AMOUNT)),
                a.accessToken()).field("id");
        client = clientOfA();
        usedJoinCode = usedJoinCode();
        webhook = api.post("/v1/webhooks", Map.of("url", "https://93.184.216.34/hooks/practice",
                "events", List.of("booking.created")), a.accessToken()).field("id");
        assertThat(webhook).as("A's webhook").isNotNull();
    }

    /** A client record of A with the contact data and notes only A and its documentation staff may see. */
    private String clientOfA() {
        ApiResult created = api.post("/v1/clients", Map.of("firstName", "Mara", "lastName", "Matrix", "email", CLIENT_EMAIL,
                "notes", NOTE), a.accessToken());
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.field("id");
    }

    /** A join code of a third practice that was already used: every owner gets 409, nobody joins anything. */
    private String usedJoinCode() {
        String code = api.post("/v1/community/join-codes", null, users.signUpAndLogin(Plan.S).accessToken()).field("code");
        assertThat(api.post("/v1/community/join", Map.of("code", code), users.signUpAndLogin(Plan.S).accessToken())
                .status()).isEqualTo(200);
        return code;
    }

    private void grant(Who who, String scope) {
        users.grant(a, owners.get(who), List.of(scope));
    }

    private record Staff(String userId, String token) {
    }

    private Staff staff(String role, List<String> scopes) {
        TestUser member = users.addStaff(a, role, scopes);
        return new Staff(member.userId(), member.accessToken());
    }

    /** A fresh booking of A in its room, with the contact data only A (and its appointments staff) may see. */
    private String booking() {
        return api.post("/v1/bookings", bookingBody(), a.accessToken()).field("id");
    }

    private Map<String, Object> bookingBody() {
        int slot = slots.incrementAndGet();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("roomId", room);
        body.put("start", time(slot, 0));
        body.put("end", time(slot, 9));
        body.put("client", Map.of("name", "Mara Matrix", "email", CLIENT_EMAIL));
        return body;
    }

    private String time(int slot, int plusMinutes) {
        return ZonedDateTime.of(day, LocalTime.of(6, 0).plusMinutes(10L * slot + plusMinutes), BERLIN).toOffsetDateTime()
                .toString();
    }

    private String range() {
        return "?from=" + enc(berlin(day, 0))
                + "&to=" + enc(berlin(day.plusDays(1), 0));
    }

    private String freshInvitationToA() {
        TestUser inviter = users.signUpAndLogin(Plan.S);
        return api.post("/v1/community/invitations", Map.of("inviteeEmail", a.email()), inviter.accessToken()).field("id");
    }

    private String freshCommunityMember() {
        TestUser member = users.signUpAndLogin(Plan.S);
        String id = api.post("/v1/community/invitations", Map.of("inviteeEmail", member.email()), a.accessToken()).field("id");
        api.post("/v1/community/invitations/" + id + "/accept", null, member.accessToken());
        return member.accountId();
    }

    private List<Row> matrix() {
        String acc = "/v1/accounts/" + "%s";
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("GET /v1/me", Kind.SELF_ANY, null, 200, t -> api.get("/v1/me", t)));
        rows.add(new Row("PUT /v1/account/plan", Kind.SELF_ADMIN, null, 200, t -> api.put("/v1/account/plan", Map.of("plan", "XL"), t)));
        rows.add(new Row("POST /v1/rooms", Kind.SELF_ADMIN, null, 201, t -> api.post("/v1/rooms", Map.of("name", "Neu"), t)));
        rows.add(new Row("GET /v1/rooms", Kind.SELF_SCOPED, "appointments", 200, t -> api.get("/v1/rooms", t)));
        rows.add(new Row("PATCH /v1/rooms/{roomId}", Kind.TARGET_ADMIN, null, 200,
                t -> api.patch("/v1/rooms/" + room, Map.of("name", "Matrixraum"), t)));
        rows.add(new Row("DELETE /v1/rooms/{roomId}", Kind.TARGET_ADMIN, null, 204,
                t -> api.delete("/v1/rooms/" + api.post("/v1/rooms", Map.of("name", "Weg"), a.accessToken()).field("id"), t)));
        // a booking in the caller's own calendar (members may use A's shared room) with the caller's own client
        rows.add(new Row("POST /v1/bookings", Kind.SELF_SCOPED, "appointments", 201, t -> {
            Map<String, Object> body = bookingBody();
            body.put("client", Map.of("name", "Own Client", "email", "own.client@example.org"));
            return api.post("/v1/bookings", body, t);
        }));
        rows.add(new Row("GET /v1/bookings", Kind.SELF_SCOPED, "appointments", 200, t -> api.get("/v1/bookings" + range(), t)));
        rows.add(new Row("GET /v1/bookings/{bookingId}", Kind.TARGET_SCOPED, "appointments", 200,
                t -> api.get("/v1/bookings/" + booking(), t)));
        rows.add(new Row("PATCH /v1/bookings/{bookingId}", Kind.TARGET_SCOPED, "appointments", 200, t -> {
            int slot = slots.incrementAndGet();
            return api.patch("/v1/bookings/" + booking(), Map.of("start", time(slot, 0), "end", time(slot, 9)), t);
        }));
        rows.add(new Row("DELETE /v1/bookings/{bookingId}", Kind.TARGET_SCOPED, "appointments", 204,
                t -> api.delete("/v1/bookings/" + booking(), t)));
        rows.add(new Row("POST /v1/community/invitations", Kind.SELF_ADMIN, null, 201,
                // invitations go to confirmed addresses only: a practice outside the table
                t -> api.post("/v1/community/invitations", Map.of("inviteeEmail", outsider.email()), t)));
        rows.add(new Row("GET /v1/community/invitations", Kind.SELF_ADMIN, null, 200, t -> api.get("/v1/community/invitations", t)));
        rows.add(new Row("POST /v1/community/invitations/{invitationId}/accept", Kind.TARGET_ADMIN, null, 409,
                t -> api.post("/v1/community/invitations/" + freshInvitationToA() + "/accept", null, t)));
        rows.add(new Row("POST /v1/community/invitations/{invitationId}/decline", Kind.TARGET_ADMIN, null, 204,
                t -> api.post("/v1/community/invitations/" + freshInvitationToA() + "/decline", null, t)));
        rows.add(new Row("GET /v1/community", Kind.SELF_SCOPED, "appointments", 200, t -> api.get("/v1/community", t)));
        rows.add(new Row("DELETE /v1/community/members/{accountId}", Kind.COMMUNITY_REMOVE, null, 204,
                t -> api.delete("/v1/community/members/" + freshCommunityMember(), t)));
        rows.add(new Row("GET /v1/calendar", Kind.SELF_SCOPED, "appointments", 200, t -> api.get("/v1/calendar" + range(), t)));
        rows.add(new Row("GET /v1/settings/booking", Kind.SELF_SCOPED, "appointments", 200, t -> api.get("/v1/settings/booking", t)));
        rows.add(new Row("PUT /v1/settings/booking", Kind.SELF_ADMIN, null, 200,
                t -> api.put("/v1/settings/booking", Map.of("horizonDays", 60), t)));
        rows.add(new Row("POST /v1/feeds", Kind.SELF_ADMIN, null, 201, t -> api.post("/v1/feeds", Map.of(), t)));
        rows.add(new Row("GET /v1/feeds", Kind.SELF_ADMIN, null, 200, t -> api.get("/v1/feeds", t)));
        rows.add(new Row("DELETE /v1/feeds/{feedId}", Kind.TARGET_ADMIN, null, 204,
                t -> api.delete("/v1/feeds/" + api.post("/v1/feeds", Map.of(), a.accessToken()).field("id"), t)));
        // granting someone else than the DELETE row's grantee, so other practices never hold a grant to revoke there
        rows.add(new Row("POST /v1/grants", Kind.SELF_ADMIN, null, 201, t -> api.post("/v1/grants",
                Map.of("granteeEmail", otherGrantTarget.email(), "scopes", List.of("appointments:read")), t)));
        rows.add(new Row("GET /v1/grants", Kind.SELF_ADMIN, null, 200, t -> api.get("/v1/grants", t)));
        rows.add(new Row("DELETE /v1/grants/{grantId}", Kind.TARGET_ADMIN, null, 204, t -> {
            String offer = api.post("/v1/grants", Map.of("granteeEmail", grantTarget.email(),
                    "scopes", List.of("appointments:read")), a.accessToken()).field("id");
            return api.delete("/v1/grants/" + offer, t);
        }));
        // an offer of A's to a practice outside the table: only its owner may accept it, so 404 for everyone here
        rows.add(new Row("POST /v1/grants/{grantId}/accept", Kind.TARGET_ADMIN, null, 404,
                t -> api.post("/v1/grants/" + offerToOutsider + "/accept", null, t)));
        rows.add(new Row("POST /v1/grants/{grantId}/decline", Kind.TARGET_ADMIN, null, 404,
                t -> api.post("/v1/grants/" + offerToOutsider + "/decline", null, t)));
        rows.add(new Row("GET /v1/accounts/{accountId}/calendar", Kind.DELEGATED_READ, null, 200,
                t -> api.get(acc.formatted(a.accountId()) + "/calendar" + range(), t)));
        rows.add(new Row("POST /v1/accounts/{accountId}/bookings", Kind.DELEGATED_WRITE, null, 201,
                t -> api.post(acc.formatted(a.accountId()) + "/bookings", bookingBody(), t)));
        rows.add(new Row("GET /v1/accounts/{accountId}/bookings", Kind.DELEGATED_READ, null, 200,
                t -> api.get(acc.formatted(a.accountId()) + "/bookings" + range(), t)));
        rows.add(new Row("GET /v1/accounts/{accountId}/bookings/{bookingId}", Kind.DELEGATED_READ, null, 200,
                t -> api.get(acc.formatted(a.accountId()) + "/bookings/" + booking(), t)));
        rows.add(new Row("PATCH /v1/accounts/{accountId}/bookings/{bookingId}", Kind.DELEGATED_WRITE, null, 200, t -> {
            int slot = slots.incrementAndGet();
            return api.patch(acc.formatted(a.accountId()) + "/bookings/" + booking(),
                    Map.of("start", time(slot, 0), "end", time(slot, 9)), t);
        }));
        rows.add(new Row("DELETE /v1/accounts/{accountId}/bookings/{bookingId}", Kind.DELEGATED_WRITE, null, 204,
                t -> api.delete(acc.formatted(a.accountId()) + "/bookings/" + booking(), t)));
        rows.add(new Row("POST /v1/staff", Kind.SELF_ADMIN, null, 201,
                t -> api.post("/v1/staff", Map.of("email", TestUsers.uniqueEmail(), "role", "SECRETARY"), t)));
        rows.add(new Row("GET /v1/staff", Kind.SELF_ADMIN, null, 200, t -> api.get("/v1/staff", t)));
        rows.add(new Row("PATCH /v1/staff/{userId}", Kind.TARGET_ADMIN, null, 200,
                t -> api.patch("/v1/staff/" + staffToEdit, Map.of("role", "SECRETARY"), t)));
        rows.add(new Row("DELETE /v1/staff/{userId}", Kind.TARGET_ADMIN, null, 204, t -> {
            String email = TestUsers.uniqueEmail();
            String id = api.post("/v1/staff", Map.of("email", email, "role", "SECRETARY"), a.accessToken()).field("userId");
            return api.delete("/v1/staff/" + id, t);
        }));
        rows.add(new Row("POST /v1/bookings/{bookingId}/notes", Kind.TARGET_SCOPED, "documentation", 201,
                t -> api.post("/v1/bookings/" + booking() + "/notes", Map.of("text", "Kurz"), t)));
        rows.add(new Row("GET /v1/bookings/{bookingId}/notes", Kind.TARGET_SCOPED, "documentation", 200,
                t -> api.get("/v1/bookings/" + booking() + "/notes", t)));
        rows.add(new Row("POST /v1/invoices", Kind.SELF_SCOPED, "invoicing", 201,
                t -> api.post("/v1/invoices", Map.of("bookingId", booking(), "amountCents", 1000), t)));
        rows.add(new Row("GET /v1/invoices", Kind.SELF_SCOPED, "invoicing", 200, t -> api.get("/v1/invoices", t)));
        rows.add(new Row("PATCH /v1/invoices/{invoiceId}", Kind.TARGET_SCOPED, "invoicing", 200,
                t -> api.patch("/v1/invoices/" + invoice, Map.of("status", "OPEN"), t)));
        rows.add(new Row("GET /v1/reports/monthly", Kind.SELF_SCOPED, "reports", 200,
                t -> api.get("/v1/reports/monthly?month=" + YearMonth.from(day), t)));
        rows.add(new Row("GET /v1/finances/revenue", Kind.SELF_SCOPED, "finances", 200, t -> api.get("/v1/finances/revenue", t)));
        rows.add(new Row("GET /v1/audit", Kind.SELF_SCOPED, "audit", 200, t -> api.get("/v1/audit", t)));
        rows.add(new Row("GET /v1/audit/verify", Kind.SELF_SCOPED, "audit", 200, t -> api.get("/v1/audit/verify", t)));
        rows.add(new Row("POST /v1/webhooks", Kind.SELF_ADMIN, null, 201, t -> api.post("/v1/webhooks",
                Map.of("url", "https://93.184.216.34/hooks/x", "events", List.of("booking.moved")), t)));
        rows.add(new Row("GET /v1/webhooks", Kind.SELF_ADMIN, null, 200, t -> api.get("/v1/webhooks", t)));
        rows.add(new Row("PATCH /v1/webhooks/{webhookId}", Kind.TARGET_ADMIN, null, 200,
                t -> api.patch("/v1/webhooks/" + webhook, Map.of("enabled", true), t)));
        rows.add(new Row("DELETE /v1/webhooks/{webhookId}", Kind.TARGET_ADMIN, null, 204, t -> api.delete("/v1/webhooks/"
                + api.post("/v1/webhooks", Map.of("url", "https://93.184.216.34/hooks/y", "events", List.of("booking.created")),
                        a.accessToken()).field("id"), t)));
        rows.add(new Row("POST /v1/webhooks/{webhookId}/rotate-secret", Kind.TARGET_ADMIN, null, 200,
                t -> api.post("/v1/webhooks/" + webhook + "/rotate-secret", null, t)));
        rows.add(new Row("GET /v1/webhooks/{webhookId}/deliveries", Kind.TARGET_ADMIN, null, 200,
                t -> api.get("/v1/webhooks/" + webhook + "/deliveries", t)));
        rows.add(new Row("POST /v1/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver", Kind.TARGET_ADMIN, null, 404,
                t -> api.post("/v1/webhooks/" + webhook + "/deliveries/no-such-delivery/redeliver", null, t)));
        rows.add(new Row("POST /v1/clients", Kind.SELF_SCOPED, "documentation", 201,
                t -> api.post("/v1/clients", Map.of("firstName", "Own", "lastName", "Client"), t)));
        rows.add(new Row("GET /v1/clients", Kind.SELF_SCOPED, "documentation", 200, t -> api.get("/v1/clients?query=mara", t)));
        rows.add(new Row("GET /v1/clients/{clientId}", Kind.TARGET_SCOPED, "documentation", 200,
                t -> api.get("/v1/clients/" + client, t)));
        rows.add(new Row("PATCH /v1/clients/{clientId}", Kind.TARGET_SCOPED, "documentation", 200,
                t -> api.patch("/v1/clients/" + client, Map.of("firstName", "Mara"), t)));
        rows.add(new Row("DELETE /v1/clients/{clientId}", Kind.TARGET_ADMIN, null, 204,
                t -> api.delete("/v1/clients/" + clientOfA(), t)));
        rows.add(new Row("POST /v1/clients/{clientId}/merge", Kind.TARGET_SCOPED, "documentation", 200,
                t -> api.post("/v1/clients/" + clientOfA() + "/merge", Map.of("intoId", client), t)));
        rows.add(new Row("GET /v1/clients/{clientId}/export", Kind.TARGET_ADMIN, null, 200,
                t -> api.get("/v1/clients/" + client + "/export", t)));
        rows.add(new Row("GET /v1/clients/{clientId}/bookings", Kind.TARGET_SCOPED, "documentation", 200,
                t -> api.get("/v1/clients/" + client + "/bookings", t)));
        rows.add(new Row("GET /v1/client-lookup", Kind.SELF_SCOPED, "appointments", 200,
                t -> api.get("/v1/client-lookup?query=mara", t)));
        rows.add(new Row("GET /v1/accounts/{accountId}/clients", Kind.DELEGATED_WRITE, null, 200,
                t -> api.get(acc.formatted(a.accountId()) + "/clients?query=mara", t)));
        rows.add(new Row("POST /v1/accounts/{accountId}/clients", Kind.DELEGATED_WRITE, null, 201,
                t -> api.post(acc.formatted(a.accountId()) + "/clients", Map.of("firstName", "Neu", "lastName", "Klientin",
                        "email", CLIENT_EMAIL), t)));
        rows.add(new Row("POST /v1/community/join-codes", Kind.SELF_ADMIN, null, 201,
                t -> api.post("/v1/community/join-codes", null, t)));
        rows.add(new Row("GET /v1/community/join-codes", Kind.SELF_ADMIN, null, 200,
                t -> api.get("/v1/community/join-codes", t)));
        rows.add(new Row("DELETE /v1/community/join-codes/{codeId}", Kind.TARGET_ADMIN, null, 204,
                t -> api.delete("/v1/community/join-codes/" + api.post("/v1/community/join-codes", null, a.accessToken())
                        .field("id"), t)));
        rows.add(new Row("POST /v1/community/join", Kind.SELF_ADMIN, null, 409,
                t -> api.post("/v1/community/join", Map.of("code", usedJoinCode), t)));
        // blocked time and weekly series (the caller's own calendar; A's block/series as targets)
        rows.add(new Row("POST /v1/blocks", Kind.SELF_SCOPED, "appointments", 201, t -> api.post("/v1/blocks",
                Map.of("start", time(slots.incrementAndGet(), 0), "end", time(slots.get(), 9), "title", "Pause"), t)));
        rows.add(new Row("GET /v1/blocks", Kind.SELF_SCOPED, "appointments", 200, t -> api.get("/v1/blocks" + range(), t)));
        rows.add(new Row("GET /v1/blocks/{blockId}", Kind.TARGET_SCOPED, "appointments", 200,
                t -> api.get("/v1/blocks/" + block(), t)));
        rows.add(new Row("PATCH /v1/blocks/{blockId}", Kind.TARGET_SCOPED, "appointments", 200,
                t -> api.patch("/v1/blocks/" + block(), Map.of("title", "Supervision"), t)));
        rows.add(new Row("DELETE /v1/blocks/{blockId}", Kind.TARGET_SCOPED, "appointments", 204,
                t -> api.delete("/v1/blocks/" + block(), t)));
        rows.add(new Row("POST /v1/booking-series", Kind.SELF_SCOPED, "appointments", 201, t -> {
            Map<String, Object> body = seriesBody();
            body.put("client", Map.of("name", "Own Client", "email", "own.client@example.org"));
            return api.post("/v1/booking-series", body, t, "Idempotency-Key", java.util.UUID.randomUUID().toString());
        }));
        rows.add(new Row("POST /v1/booking-series/preview", Kind.SELF_SCOPED, "appointments", 200,
                t -> api.post("/v1/booking-series/preview", seriesBody(), t)));
        rows.add(new Row("GET /v1/booking-series/{seriesId}", Kind.TARGET_SCOPED, "appointments", 200,
                t -> api.get("/v1/booking-series/" + series().id, t)));
        rows.add(new Row("PATCH /v1/booking-series/{seriesId}", Kind.TARGET_SCOPED, "appointments", 200, t -> {
            SeriesOfA s = series();
            int slot = slots.incrementAndGet();
            return api.patch("/v1/booking-series/" + s.id, Map.of("from", s.firstStart, "start", time(slot, 0),
                    "end", time(slot, 9)), t);
        }));
        rows.add(new Row("DELETE /v1/booking-series/{seriesId}", Kind.TARGET_SCOPED, "appointments", 200, t -> {
            SeriesOfA s = series();
            return api.delete("/v1/booking-series/" + s.id + "?from=" + enc(s.firstStart), t);
        }));
        rows.add(new Row("PATCH /v1/block-series/{seriesId}", Kind.TARGET_SCOPED, "appointments", 200, t -> {
            BlockSeriesOfA s = blockSeries();
            return api.patch("/v1/block-series/" + s.id + "", Map.of("from", s.firstStart, "title", "Neu"), t);
        }));
        rows.add(new Row("DELETE /v1/block-series/{seriesId}", Kind.TARGET_SCOPED, "appointments", 200, t -> {
            BlockSeriesOfA s = blockSeries();
            return api.delete("/v1/block-series/" + s.id + "?from=" + enc(s.firstStart), t);
        }));
        return rows;
    }

    private record BlockSeriesOfA(String id, String firstStart) {
    }

    /** A fresh weekly block of A (two occurrences, no room). */
    private BlockSeriesOfA blockSeries() {
        int slot = slots.incrementAndGet();
        String start = time(slot, 0);
        ApiResult created = api.post("/v1/blocks", Map.of("start", start, "end", time(slot, 9), "title", "Matrixserie",
                "recurrence", Map.of("frequency", "WEEKLY", "count", 2)), a.accessToken(), "Idempotency-Key",
                java.util.UUID.randomUUID().toString());
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return new BlockSeriesOfA(created.field("seriesId"), start);
    }

    /** A fresh block of A (no room). */
    private String block() {
        int slot = slots.incrementAndGet();
        return api.post("/v1/blocks", Map.of("start", time(slot, 0), "end", time(slot, 9), "title", "Matrixpause"),
                a.accessToken()).field("id");
    }

    /** Two weekly occurrences in A's shared room at a fresh slot, with A's client data. */
    private Map<String, Object> seriesBody() {
        Map<String, Object> body = bookingBody();
        body.put("recurrence", Map.of("frequency", "WEEKLY", "count", 2));
        return body;
    }

    private record SeriesOfA(String id, String firstStart) {
    }

    private SeriesOfA series() {
        Map<String, Object> body = seriesBody();
        ApiResult created = api.post("/v1/booking-series", body, a.accessToken(), "Idempotency-Key",
                java.util.UUID.randomUUID().toString());
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return new SeriesOfA(created.field("id"), (String) body.get("start"));
    }

    @Test
    void everyRouteHasARow() {
        Set<String> authenticated = SamTemplate.load().routes().stream()
                .filter(r -> r.authorizer() != null).map(HttpApiRoute::routeKey)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> rows = new TreeSet<>();
        matrix().forEach(row -> rows.add(row.route()));
        assertThat(rows).isEqualTo(authenticated);
    }

    @Test
    void everyEndpointForEveryPrincipal() {
        List<String> failures = new ArrayList<>();
        for (Row row : matrix()) {
            for (Who who : Who.values()) {
                ApiResult result = row.call.apply(tokens.get(who));
                String verdict = verdict(row, who, result.status());
                if (verdict != null) {
                    failures.add(row.route + " as " + who + ": " + verdict + " — " + abbreviate(result.body()));
                }
                if (!maySeeClientData(row, who) && result.body() != null
                        && (result.body().contains(CLIENT_EMAIL) || result.body().contains(NOTE))) {
                    failures.add(row.route + " as " + who + " leaks A's client data or note text");
                }
                if (MINIMAL_VIEW_ROUTES.contains(row.route) && result.body() != null
                        && (result.body().contains("\"Matrix\"") || result.body().contains("Mara Matrix"))) {
                    failures.add(row.route + " as " + who + " answers more than the minimal view \"Mara M.\"");
                }
                if (!maySeeAmounts(row, who) && result.body() != null && result.body().contains(AMOUNT)) {
                    failures.add(row.route + " as " + who + " leaks A's invoice amount");
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    /** Null when the status is what the table says; otherwise what was expected. */
    private String verdict(Row row, Who who, int status) {
        if (who == Who.ANONYMOUS) {
            return status == 401 ? null : "expected 401, got " + status;
        }
        if (who == Who.REMOVED_STAFF) {
            return status == 404 ? null : "expected 404 (no membership), got " + status;
        }
        if (who == Who.OWNER) {
            return status == row.ownerStatus ? null : "expected " + row.ownerStatus + ", got " + status;
        }
        if (STAFF_SCOPES.containsKey(who)) {
            int expected = switch (row.kind) {
                case SELF_ANY -> row.ownerStatus;
                case SELF_ADMIN, TARGET_ADMIN, COMMUNITY_REMOVE -> 403;
                case SELF_SCOPED, TARGET_SCOPED -> STAFF_SCOPES.get(who).contains(row.scope) ? row.ownerStatus : 403;
                case DELEGATED_READ, DELEGATED_WRITE -> 404;
            };
            return status == expected ? null : "expected " + expected + ", got " + status;
        }
        // other practices' owners
        return switch (row.kind) {
            case SELF_ANY, SELF_ADMIN, SELF_SCOPED ->
                    status != 401 && status != 403 && status < 500 ? null : "own account: got " + status;
            case TARGET_ADMIN, TARGET_SCOPED -> status == 404 ? null : "expected 404, got " + status;
            case DELEGATED_READ -> expect(status, who == Who.GRANTEE_READ || who == Who.GRANTEE_WRITE ? row.ownerStatus : 404);
            case DELEGATED_WRITE -> expect(status, who == Who.GRANTEE_WRITE ? row.ownerStatus : who == Who.GRANTEE_READ ? 403 : 404);
            case COMMUNITY_REMOVE -> expect(status, who == Who.COMMUNITY_MEMBER ? 403 : 404);
        };
    }

    private static String expect(int status, int expected) {
        return status == expected ? null : "expected " + expected + ", got " + status;
    }

    /** Client pickers: "Mara M." and the id for everybody, the owner included. */
    private static final Set<String> MINIMAL_VIEW_ROUTES = Set.of("GET /v1/client-lookup",
            "GET /v1/accounts/{accountId}/clients", "POST /v1/accounts/{accountId}/clients");

    private boolean maySeeClientData(Row row, Who who) {
        if (MINIMAL_VIEW_ROUTES.contains(row.route)) {
            return false;
        }
        return who == Who.OWNER
                || (who == Who.SECRETARY && "appointments".equals(row.scope))
                || (who == Who.CUSTOM_STAFF && "documentation".equals(row.scope))
                || (who == Who.ACCOUNTING && "invoicing".equals(row.scope));
    }

    private boolean maySeeAmounts(Row row, Who who) {
        return who == Who.OWNER || (who == Who.ACCOUNTING && row.scope != null);
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 160 ? body.substring(0, 160) + "…" : body;
    }
}
