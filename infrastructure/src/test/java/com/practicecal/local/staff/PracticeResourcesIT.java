package com.practicecal.local.staff;

import static com.practicecal.local.Times.berlin;
import static org.assertj.core.api.Assertions.assertThat;

import com.practicecal.local.ApiResult;
import com.practicecal.local.LocalStackIT;
import com.practicecal.local.HttpApiRoute;
import com.practicecal.local.SamTemplate;
import com.practicecal.local.TestUser;
import com.practicecal.shared.plan.Plan;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Notes, invoices, report and revenue behind the staff scopes: one table of route × principal → status, and a
 * scan of every response for what that principal must not see (note text, other accounts' amounts).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PracticeResourcesIT extends LocalStackIT {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final String NOTE_TEXT = "Befund: vertrauliche Sitzungsnotiz 4711";

    enum Who { OWNER, SECRETARY, ACCOUNTING, DOCUMENTATION_STAFF, UNRELATED, ANONYMOUS }

    private record Row(String route, Function<String, ApiResult> call, Map<Who, Integer> expected) {
    }

    private final Map<Who, String> tokens = new EnumMap<>(Who.class);
    private TestUser owner;
    private String booking;
    private String invoice;
    private final LocalDate day = LocalDate.now(BERLIN).plusDays(21);

    @BeforeAll
    void setUp() {
        owner = users.signUpAndLogin(Plan.XL);
        tokens.put(Who.OWNER, owner.accessToken());
        tokens.put(Who.SECRETARY, staff("SECRETARY", null));
        tokens.put(Who.ACCOUNTING, staff("ACCOUNTING", null));
        tokens.put(Who.DOCUMENTATION_STAFF, staff("CUSTOM", List.of("documentation")));
        tokens.put(Who.UNRELATED, users.signUpAndLogin(Plan.XL).accessToken());
        String room = api.post("/v1/rooms", Map.of("name", "Praxis"), owner.accessToken()).field("id");
        booking = api.post("/v1/bookings", Map.of("roomId", room, "start", at(9), "end", at(10),
                "client", Map.of("name", "Erika Muster", "email", "erika@client.test")), owner.accessToken()).field("id");
        assertThat(api.post("/v1/bookings/" + booking + "/notes", Map.of("text", NOTE_TEXT), owner.accessToken()).status())
                .isEqualTo(201);
        invoice = api.post("/v1/invoices", Map.of("bookingId", booking, "amountCents", 9500), owner.accessToken()).field("id");
    }

    private String staff(String role, List<String> scopes) {
        return users.addStaff(owner, role, scopes).accessToken();
    }

    private List<Row> matrix() {
        return List.of(
                new Row("POST /v1/bookings/{bookingId}/notes", t -> api.post("/v1/bookings/" + booking + "/notes",
                        Map.of("text", "Verlauf"), t), expect(201, 403, 403, 201, 404, 401)),
                new Row("GET /v1/bookings/{bookingId}/notes", t -> api.get("/v1/bookings/" + booking + "/notes", t),
                        expect(200, 403, 403, 200, 404, 401)),
                new Row("POST /v1/invoices", t -> api.post("/v1/invoices", Map.of("bookingId", booking, "amountCents", 100), t),
                        expect(201, 403, 201, 403, 422, 401)),
                new Row("GET /v1/invoices", t -> api.get("/v1/invoices", t), expect(200, 403, 200, 403, 200, 401)),
                new Row("PATCH /v1/invoices/{invoiceId}", t -> api.patch("/v1/invoices/" + invoice, Map.of("status", "PAID"), t),
                        expect(200, 403, 200, 403, 404, 401)),
                new Row("GET /v1/reports/monthly", t -> api.get("/v1/reports/monthly?month=" + YearMonth.from(day), t),
                        expect(200, 403, 200, 403, 200, 401)),
                new Row("GET /v1/finances/revenue", t -> api.get("/v1/finances/revenue", t), expect(200, 403, 200, 403, 200, 401)));
    }

    @Test
    void everyPracticeResourceRouteHasARow() {
        Set<String> routed = SamTemplate.load().routes().stream()
                .map(HttpApiRoute::routeKey)
                .filter(r -> r.contains("/notes") || r.contains("/invoices") || r.contains("/reports/") || r.contains("/finances/"))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> rows = new TreeSet<>();
        matrix().forEach(row -> rows.add(row.route()));
        assertThat(rows).isEqualTo(routed);
    }

    @Test
    void scopesDecideAndResponsesLeakNothing() {
        for (Row row : matrix()) {
            for (Who who : Who.values()) {
                ApiResult result = row.call.apply(tokens.get(who));
                assertThat(result.status()).as("%s as %s: %s", row.route, who, result).isEqualTo(row.expected.get(who));
                if (who != Who.OWNER && who != Who.DOCUMENTATION_STAFF) {
                    assertThat(result.body()).as("%s as %s", row.route, who).doesNotContain(NOTE_TEXT);
                }
                if (who == Who.UNRELATED || who == Who.SECRETARY || who == Who.DOCUMENTATION_STAFF) {
                    assertThat(result.body()).as("%s as %s", row.route, who).doesNotContain("9500");
                }
            }
        }
        // accounting sees recipients and amounts, and of the appointment only its date and service
        ApiResult invoices = api.get("/v1/invoices", tokens.get(Who.ACCOUNTING));
        assertThat(invoices.body()).contains("Erika Muster").contains("9500").contains(day.toString())
                .doesNotContain("roomId").doesNotContain(NOTE_TEXT);
        ApiResult revenue = api.get("/v1/finances/revenue", tokens.get(Who.ACCOUNTING));
        assertThat(revenue.json().path("paidCents").path("EUR").asLong() + revenue.json().path("openCents").path("EUR").asLong())
                .isGreaterThanOrEqualTo(9500);
        ApiResult report = api.get("/v1/reports/monthly?month=" + YearMonth.from(day), tokens.get(Who.ACCOUNTING));
        assertThat(report.json().path("appointments").asInt()).isEqualTo(1);
        assertThat(report.body()).doesNotContain("Erika");
        assertThat(api.get("/v1/reports/monthly?month=nope", owner.accessToken()).errorField()).isEqualTo("month");
        assertThat(api.post("/v1/bookings/" + booking + "/notes", Map.of("text", ""), owner.accessToken()).errorField())
                .isEqualTo("text");
        assertThat(api.post("/v1/invoices", Map.of("bookingId", booking, "amountCents", 0), owner.accessToken()).errorField())
                .isEqualTo("amountCents");
    }

    private String at(int hour) {
        return berlin(day, hour);
    }

    private static Map<Who, Integer> expect(int owner, int secretary, int accounting, int documentation, int unrelated,
                                            int anonymous) {
        Map<Who, Integer> map = new EnumMap<>(Who.class);
        map.put(Who.OWNER, owner);
        map.put(Who.SECRETARY, secretary);
        map.put(Who.ACCOUNTING, accounting);
        map.put(Who.DOCUMENTATION_STAFF, documentation);
        map.put(Who.UNRELATED, unrelated);
        map.put(Who.ANONYMOUS, anonymous);
        return map;
    }
}
