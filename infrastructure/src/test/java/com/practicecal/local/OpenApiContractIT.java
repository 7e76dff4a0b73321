package com.practicecal.local;

import static com.practicecal.local.Times.berlin;

import static com.practicecal.local.Urls.enc;
import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.practicecal.shared.plan.Plan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * openapi.yaml tells the truth: it documents exactly the template's routes, and real responses of every route
 * (success and error cases) validate against it.
 */
class OpenApiContractIT extends LocalStackIT {
    private static final Path SPEC = RepoRoot.locate().resolve("openapi.yaml");
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private final OpenApiInteractionValidator validator =
            OpenApiInteractionValidator.createForSpecificationUrl(SPEC.toUri().toString()).build();

    @Test
    void documentsExactlyTheTemplatesRoutes() throws Exception {
        Map<String, Object> spec = new Yaml().load(Files.readString(SPEC));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) spec.get("paths");
        Set<String> documented = new TreeSet<>();
        paths.forEach((path, operations) -> operations.keySet().stream().filter(METHODS::contains)
                .forEach(method -> documented.add(method.toUpperCase() + " " + path)));
        Set<String> routed = SamTemplate.load().routes().stream()
                .map(HttpApiRoute::routeKey).collect(Collectors.toCollection(TreeSet::new));
        assertThat(documented).isEqualTo(routed);
    }

    @Test
    void realResponsesMatchTheDocument() {
        Map<String, Object> signup = new LinkedHashMap<>(Map.of("email", TestUsers.uniqueEmail(),
                "password", TestUsers.PASSWORD, "practiceName", "Contract Practice", "plan", "S"));
        String signupEmail = (String) signup.get("email");
        check("POST", "/v1/signup", api.post("/v1/signup", signup, null)); // 202
        check("POST", "/v1/signup", api.post("/v1/signup", Map.of("email", "x"), null)); // 422
        check("POST", "/v1/signup/resend", api.post("/v1/signup/resend", Map.of("email", signupEmail), null)); // 202
        check("POST", "/v1/signup/resend", api.post("/v1/signup/resend", Map.of("email", "x"), null)); // 422
        String code = users.confirmationCode(signupEmail);
        check("POST", "/v1/signup/confirm", users.confirm(signupEmail, code.equals("000000") ? "111111" : "000000",
                TestUsers.PASSWORD)); // 422
        check("POST", "/v1/signup/confirm", users.confirm(signupEmail, code, TestUsers.PASSWORD)); // 201
        check("POST", "/v1/signup/confirm", users.confirm(signupEmail, code, TestUsers.PASSWORD)); // 409
        check("POST", "/v1/signup", api.post("/v1/signup", signup, null)); // 409
        check("GET", "/v1/public/config", api.get("/v1/public/config", null));

        TestUser owner = users.signUpAndLogin(Plan.M);
        String token = owner.accessToken();
        check("GET", "/v1/me", api.get("/v1/me", token));
        check("GET", "/v1/me", api.get("/v1/me", null)); // gateway 401
        check("PUT", "/v1/account/plan", api.put("/v1/account/plan", Map.of("plan", "L"), token));
        check("PUT", "/v1/account/plan", api.put("/v1/account/plan", Map.of("plan", "Z"), token));

        ApiResult room = api.post("/v1/rooms", Map.of("name", "Contract room"), token);
        check("POST", "/v1/rooms", room);
        String roomId = room.field("id");
        check("GET", "/v1/rooms", api.get("/v1/rooms", token));
        check("PATCH", "/v1/rooms/" + roomId, api.patch("/v1/rooms/" + roomId, Map.of("name", "Renamed"), token));
        check("PATCH", "/v1/rooms/unknown", api.patch("/v1/rooms/unknown", Map.of("name", "x"), token));

        LocalDate day = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(45);
        ApiResult booking = api.post("/v1/bookings", booking(roomId, day, 9), token, "Idempotency-Key", "contract-1");
        check("POST", "/v1/bookings", booking);
        check("POST", "/v1/bookings", api.post("/v1/bookings", booking(roomId, day, 9), token)); // 409
        String id = booking.field("id");
        String range = "?from=" + enc(berlin(day, 0)) + "&to=" + enc(berlin(day.plusDays(1), 0));
        check("GET", "/v1/bookings", api.get("/v1/bookings" + range, token));
        check("GET", "/v1/bookings", api.get("/v1/bookings?from=bad&to=bad", token));
        check("GET", "/v1/bookings/" + id, api.get("/v1/bookings/" + id, token));
        check("PATCH", "/v1/bookings/" + id, api.patch("/v1/bookings/" + id,
                Map.of("start", berlin(day, 11), "end", berlin(day, 12)), token));
        check("DELETE", "/v1/rooms/" + roomId, api.delete("/v1/rooms/" + roomId, token)); // 409 future bookings
        check("DELETE", "/v1/bookings/" + id, api.delete("/v1/bookings/" + id, token));
        check("GET", "/v1/bookings/" + id, api.get("/v1/bookings/missing", token)); // 404
        check("DELETE", "/v1/rooms/" + roomId, api.delete("/v1/rooms/" + roomId, token)); // 204
        TestUser colleague = users.signUpAndLogin(Plan.S);
        ApiResult invitation = api.post("/v1/community/invitations", Map.of("inviteeEmail", colleague.email()), token);
        check("POST", "/v1/community/invitations", invitation);
        check("GET", "/v1/community/invitations", api.get("/v1/community/invitations", colleague.accessToken()));
        String invitationId = invitation.field("id");
        check("POST", "/v1/community/invitations/" + invitationId + "/accept",
                api.post("/v1/community/invitations/" + invitationId + "/accept", null, colleague.accessToken()));
        String second = api.post("/v1/community/invitations", Map.of("inviteeEmail",
                users.signUpAndLogin(Plan.S).email()), token).field("id"); // invitations: confirmed addresses only
        check("POST", "/v1/community/invitations/" + second + "/decline",
                api.post("/v1/community/invitations/" + second + "/decline", null, colleague.accessToken())); // 404
        check("GET", "/v1/community", api.get("/v1/community", token));
        String sharedRoom = api.post("/v1/rooms", Map.of("name", "Shared"), token).field("id");
        check("PATCH", "/v1/rooms/" + sharedRoom, api.patch("/v1/rooms/" + sharedRoom, Map.of("shared", true), token));
        check("GET", "/v1/calendar", api.get("/v1/calendar" + range, colleague.accessToken()));
        check("GET", "/v1/calendar", api.get("/v1/calendar?from=x&to=y", token));
        check("DELETE", "/v1/community/members/" + colleague.accountId(),
                api.delete("/v1/community/members/" + colleague.accountId(), colleague.accessToken()));
        Map<String, Object> rules = Map.of("workingHours", Map.of(day.getDayOfWeek().name(),
                        List.of(Map.of("from", "08:00", "to", "18:00"))),
                "services", List.of(Map.of("id", "session", "name", "Session", "durationMinutes", 50)));
        check("PUT", "/v1/settings/booking", api.put("/v1/settings/booking", rules, token));
        check("PUT", "/v1/settings/booking", api.put("/v1/settings/booking", Map.of("horizonDays", 0), token));
        check("GET", "/v1/settings/booking", api.get("/v1/settings/booking", token));
        String therapist = "/v1/public/therapists/" + owner.accountId();
        check("GET", therapist + "/slots", api.get(therapist + "/slots" + range + "&serviceId=session", null));
        check("GET", therapist + "/slots", api.get(therapist + "/slots?from=x&to=y&serviceId=session", null));
        ApiResult online = api.post(therapist + "/bookings", Map.of("serviceId", "session", "start", berlin(day, 16),
                "client", Map.of("name", "Online Client", "email", "online@example.org")), null);
        check("POST", therapist + "/bookings", online);
        check("POST", therapist + "/bookings", api.post(therapist + "/bookings", Map.of("serviceId", "session",
                "start", berlin(day, 16), "client", Map.of("name", "Late", "email", "late@example.org")), null)); // 409
        String manage = "/v1/public/bookings/" + online.field("bookingId");
        check("PATCH", manage, api.patch(manage, Map.of("start", berlin(day, 15)), null, "X-Manage-Token",
                online.field("manageToken")));
        check("DELETE", manage, api.delete(manage, null, "X-Manage-Token", "wrong")); // 404
        check("DELETE", manage, api.delete(manage, null, "X-Manage-Token", online.field("manageToken")));
        TestUser lOwner = users.signUpAndLogin(Plan.L);
        String lRoom = api.post("/v1/rooms", Map.of("name", "L room"), lOwner.accessToken()).field("id");
        ApiResult offer = api.post("/v1/grants", Map.of("granteeEmail", colleague.email(),
                "scopes", List.of("appointments:write")), lOwner.accessToken());
        check("POST", "/v1/grants", offer);
        check("POST", "/v1/grants/unknown/accept", api.post("/v1/grants/unknown/accept", null,
                colleague.accessToken())); // 404
        check("POST", "/v1/grants/" + offer.field("id") + "/accept", api.post("/v1/grants/" + offer.field("id") + "/accept", null,
                colleague.accessToken()));
        check("POST", "/v1/grants", api.post("/v1/grants", Map.of("granteeEmail", colleague.email(),
                "scopes", List.of("appointments:write")), token)); // plan M: 403
        check("GET", "/v1/grants", api.get("/v1/grants", colleague.accessToken()));
        String delegated = "/v1/accounts/" + lOwner.accountId();
        ApiResult byGrantee = api.post(delegated + "/bookings", booking(lRoom, day, 9), colleague.accessToken());
        check("POST", delegated + "/bookings", byGrantee);
        check("GET", delegated + "/bookings", api.get(delegated + "/bookings" + range, colleague.accessToken()));
        check("GET", delegated + "/calendar", api.get(delegated + "/calendar" + range, colleague.accessToken()));
        String delegatedBooking = delegated + "/bookings/" + byGrantee.field("id");
        check("GET", delegatedBooking, api.get(delegatedBooking, colleague.accessToken()));
        check("PATCH", delegatedBooking, api.patch(delegatedBooking, Map.of("start", berlin(day, 12), "end", berlin(day, 13)),
                colleague.accessToken()));
        check("DELETE", delegatedBooking, api.delete(delegatedBooking, colleague.accessToken()));
        check("DELETE", "/v1/grants/" + offer.field("id"), api.delete("/v1/grants/" + offer.field("id"), lOwner.accessToken()));
        check("GET", delegatedBooking, api.get(delegatedBooking, colleague.accessToken())); // 404 after revoke
        TestUser xl = users.signUpAndLogin(Plan.XL);
        check("GET", "/v1/me", api.get("/v1/me", users.addStaff(xl, "CUSTOM", List.of("audit", "invoicing")).accessToken())); // with scopes
        String staffEmail = TestUsers.uniqueEmail();
        ApiResult staff = api.post("/v1/staff", Map.of("email", staffEmail, "role", "SECRETARY"), xl.accessToken());
        check("POST", "/v1/staff", staff);
        check("POST", "/v1/staff", api.post("/v1/staff", Map.of("email", staffEmail, "role", "SECRETARY"), token)); // 403
        check("GET", "/v1/staff", api.get("/v1/staff", xl.accessToken()));
        String staffPath = "/v1/staff/" + staff.field("userId");
        check("PATCH", staffPath, api.patch(staffPath, Map.of("scopes", List.of("audit")), xl.accessToken()));
        check("DELETE", staffPath, api.delete(staffPath, xl.accessToken()));
        check("DELETE", staffPath, api.delete(staffPath, xl.accessToken())); // 404
        String xlRoom = api.post("/v1/rooms", Map.of("name", "XL room"), xl.accessToken()).field("id");
        String xlBooking = api.post("/v1/bookings", booking(xlRoom, day, 9), xl.accessToken()).field("id");
        String notes = "/v1/bookings/" + xlBooking + "/notes";
        check("POST", notes, api.post(notes, Map.of("text", "Sitzung 1"), xl.accessToken()));
        check("POST", notes, api.post(notes, Map.of("text", ""), xl.accessToken())); // 422
        check("GET", notes, api.get(notes, xl.accessToken()));
        ApiResult invoice = api.post("/v1/invoices", Map.of("bookingId", xlBooking, "amountCents", 9000), xl.accessToken());
        check("POST", "/v1/invoices", invoice);
        check("GET", "/v1/invoices", api.get("/v1/invoices", xl.accessToken()));
        check("PATCH", "/v1/invoices/" + invoice.field("id"), api.patch("/v1/invoices/" + invoice.field("id"),
                Map.of("status", "PAID"), xl.accessToken()));
        check("GET", "/v1/reports/monthly", api.get("/v1/reports/monthly?month=" + day.toString().substring(0, 7),
                xl.accessToken()));
        check("GET", "/v1/finances/revenue", api.get("/v1/finances/revenue", xl.accessToken()));
        check("GET", "/v1/audit", api.get("/v1/audit", token));
        check("GET", "/v1/audit/verify", api.get("/v1/audit/verify", token));

        // webhooks: a public documentation address (never called: no events follow, and it is deleted at the end)
        Map<String, Object> hook = Map.of("url", "https://203.0.113.10/contract", "events", List.of("booking.moved"));
        ApiResult created = api.post("/v1/webhooks", hook, token);
        check("POST", "/v1/webhooks", created);
        String hookId = created.field("id");
        check("POST", "/v1/webhooks", api.post("/v1/webhooks",
                Map.of("url", "http://169.254.169.254/", "events", List.of("booking.moved")), token)); // 422
        check("GET", "/v1/webhooks", api.get("/v1/webhooks", token));
        check("PATCH", "/v1/webhooks/" + hookId, api.patch("/v1/webhooks/" + hookId, Map.of("enabled", false), token));
        check("PATCH", "/v1/webhooks/" + hookId, api.patch("/v1/webhooks/" + hookId, Map.of("events", List.of()), token));
        check("POST", "/v1/webhooks/" + hookId + "/rotate-secret",
                api.post("/v1/webhooks/" + hookId + "/rotate-secret", null, token));
        check("GET", "/v1/webhooks/" + hookId + "/deliveries", api.get("/v1/webhooks/" + hookId + "/deliveries", token));
        String redeliver = "/v1/webhooks/" + hookId + "/deliveries/msg_missing/redeliver";
        check("POST", redeliver, api.post(redeliver, null, token)); // 409: disabled
        check("DELETE", "/v1/webhooks/" + hookId, api.delete("/v1/webhooks/" + hookId, token));
        check("DELETE", "/v1/webhooks/" + hookId, api.delete("/v1/webhooks/" + hookId, token)); // 404
        check("GET", "/v1/webhooks/missing/deliveries", api.get("/v1/webhooks/missing/deliveries", token)); // 404

        // calendar feeds: the .ics is text/calendar, 304 has no body
        ApiResult feed = api.post("/v1/feeds", Map.of("includeBusy", true), token);
        check("POST", "/v1/feeds", feed);
        check("POST", "/v1/feeds", api.post("/v1/feeds", Map.of("includeBusy", "maybe"), token)); // 422
        check("GET", "/v1/feeds", api.get("/v1/feeds", token));
        String ics = java.net.URI.create(feed.field("url")).getPath();
        ApiResult calendar = api.get(ics, null);
        check("GET", ics, calendar);
        check("GET", ics, api.get(ics, null, "If-None-Match", calendar.header("ETag").orElseThrow())); // 304
        check("GET", "/v1/public/feeds/unknown.ics", api.get("/v1/public/feeds/unknown.ics", null)); // 404
        check("DELETE", "/v1/feeds/" + feed.field("id"), api.delete("/v1/feeds/" + feed.field("id"), token));
        check("DELETE", "/v1/feeds/" + feed.field("id"), api.delete("/v1/feeds/" + feed.field("id"), token)); // 404
    }

    /** Client records, the grantee's client search, erasure and join codes: success and error answers. */
    @Test
    void clientAndJoinCodeResponsesMatchTheDocument() {
        TestUser owner = users.signUpAndLogin(Plan.L);
        String token = owner.accessToken();
        ApiResult created = api.post("/v1/clients", Map.of("firstName", "Erika", "lastName", "Kontrakt",
                "email", "erika.kontrakt@example.org", "phone", "+49 170 123", "birthDate", "1980-01-02", "notes", "N"), token);
        check("POST", "/v1/clients", created);
        check("POST", "/v1/clients", api.post("/v1/clients", Map.of("firstName", "x"), token)); // 422
        String id = created.field("id");
        String other = api.post("/v1/clients", Map.of("firstName", "Erika", "lastName", "Doppelt"), token).field("id");
        check("GET", "/v1/clients", api.get("/v1/clients?query=erika&limit=1", token));
        check("GET", "/v1/clients", api.get("/v1/clients?query=%23", token)); // 422
        check("GET", "/v1/clients/" + id, api.get("/v1/clients/" + id, token));
        check("GET", "/v1/clients/missing", api.get("/v1/clients/missing", token)); // 404
        check("PATCH", "/v1/clients/" + id, api.patch("/v1/clients/" + id, Map.of("phone", ""), token));
        check("PATCH", "/v1/clients/" + id, api.patch("/v1/clients/" + id, Map.of(), token)); // 422
        String room = api.post("/v1/rooms", Map.of("name", "R"), token).field("id");
        LocalDate day = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(46);
        ApiResult booked = api.post("/v1/bookings", Map.of("roomId", room, "start", berlin(day, 9), "end", berlin(day, 10),
                "clientId", other), token);
        check("POST", "/v1/bookings", booked);
        check("POST", "/v1/clients/" + other + "/merge", api.post("/v1/clients/" + other + "/merge",
                Map.of("intoId", id), token));
        check("POST", "/v1/clients/" + id + "/merge", api.post("/v1/clients/" + id + "/merge",
                Map.of("intoId", id), token)); // 422
        check("GET", "/v1/clients/" + id + "/export", api.get("/v1/clients/" + id + "/export", token));
        check("DELETE", "/v1/clients/" + id, api.delete("/v1/clients/" + id, token)); // 409 future booking
        check("DELETE", "/v1/bookings/" + booked.field("id"), api.delete("/v1/bookings/" + booked.field("id"), token));
        check("DELETE", "/v1/clients/" + id, api.delete("/v1/clients/" + id, token)); // 204
        check("GET", "/v1/bookings/" + booked.field("id"), api.get("/v1/bookings/" + booked.field("id"), token)); // erased
        TestUser grantee = users.signUpAndLogin(Plan.L);
        users.grant(owner, grantee, List.of("appointments:write"));
        String delegated = "/v1/accounts/" + owner.accountId() + "/clients";
        check("POST", delegated, api.post(delegated, Map.of("firstName", "Max", "lastName", "Muster"), grantee.accessToken()));
        check("GET", delegated, api.get(delegated + "?query=max", grantee.accessToken()));
        check("GET", delegated, api.get(delegated + "?query=m", grantee.accessToken())); // 422

        ApiResult code = api.post("/v1/community/join-codes", null, token);
        check("POST", "/v1/community/join-codes", code);
        check("POST", "/v1/community/join", api.post("/v1/community/join", Map.of("code", code.field("code")),
                grantee.accessToken()));
        check("POST", "/v1/community/join", api.post("/v1/community/join", Map.of("code", code.field("code")),
                users.signUpAndLogin(Plan.S).accessToken())); // 409 used
        check("POST", "/v1/community/join", api.post("/v1/community/join", Map.of("code", "x"), token)); // 422
    }

    private void check(String method, String path, ApiResult result) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(result.status());
        result.header("Content-Type").ifPresent(type -> response.withContentType(type));
        if (result.body() != null && !result.body().isEmpty()) {
            response.withBody(result.body());
        }
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        ValidationReport report = validator.validateResponse(bare, Request.Method.valueOf(method), response.build());
        assertThat(report.getMessages()).as("%s %s -> %s", method, path, result).isEmpty();
    }

    private static Map<String, Object> booking(String roomId, LocalDate day, int hour) {
        return Map.of("roomId", roomId, "start", berlin(day, hour), "end", berlin(day, hour + 1),
                "client", Map.of("name", "Contract Client", "email", "contract@example.org"));
    }

}
