package com.practicecal.local.input;

import static com.practicecal.local.ErrorBodies.assertNoInternals;
import static com.practicecal.local.ErrorBodies.assertValidationError;
import static com.practicecal.local.Times.berlin;
import static com.practicecal.local.Urls.enc;
import static org.assertj.core.api.Assertions.assertThat;

import com.practicecal.local.ApiResult;
import com.practicecal.local.LocalStackIT;
import com.practicecal.local.TestUser;
import com.practicecal.local.TestUsers;
import com.practicecal.shared.error.ErrorCodes;
import com.practicecal.shared.plan.Plan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * One strict reading of client input for every route: a body is one JSON object of the declared shape (JSON null,
 * arrays and scalars are MALFORMED_JSON), no scalar is coerced into another type, an empty query value is refused;
 * never a 500 and nothing written by a refused request.
 */
class StrictInputIT extends LocalStackIT {
    private static final List<String> NOT_AN_OBJECT = List.of("null", "[]", "[{}]", "\"text\"", "5", "true");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** The routes the issue found answering 500 to a JSON null body; each must now be 422 MALFORMED_JSON. */
    private static final List<String[]> NULL_WAS_500 = List.of(
            new String[] {"POST", "/v1/bookings"}, new String[] {"POST", "/v1/rooms"},
            new String[] {"PATCH", "/v1/rooms/r1"}, new String[] {"PATCH", "/v1/invoices/i1"},
            new String[] {"PATCH", "/v1/staff/u1"}, new String[] {"PATCH", "/v1/webhooks/w1"},
            new String[] {"PATCH", "/v1/bookings/b1"}, new String[] {"PUT", "/v1/settings/booking"},
            new String[] {"POST", "/v1/grants"}, new String[] {"POST", "/v1/invoices"},
            new String[] {"POST", "/v1/staff"}, new String[] {"POST", "/v1/webhooks"},
            new String[] {"PUT", "/v1/account/plan"}, new String[] {"POST", "/v1/community/invitations"});

    private static final List<String[]> NULL_WAS_500_PUBLIC = List.of(
            new String[] {"POST", "/v1/signup"}, new String[] {"POST", "/v1/signup/confirm"},
            new String[] {"POST", "/v1/signup/resend"}, new String[] {"POST", "/v1/public/therapists/t1/bookings"},
            new String[] {"PATCH", "/v1/public/bookings/b1"});

    @Test
    void nullArraysAndScalarsAsBodyAreMalformedOnEveryRouteThatReadsOne() {
        TestUser owner = users.signUpAndLogin(Plan.XL);
        for (String[] route : NULL_WAS_500) {
            for (String body : NOT_AN_OBJECT) {
                ApiResult result = api.send(route[0], route[1], body, owner.accessToken());
                assertThat(result.errorCode()).as("%s %s %s: %s", route[0], route[1], body, result)
                        .isEqualTo(ErrorCodes.MALFORMED_JSON);
                assertValidationError(result, ErrorCodes.MALFORMED_JSON, null);
            }
        }
        for (String[] route : NULL_WAS_500_PUBLIC) {
            for (String body : NOT_AN_OBJECT) {
                ApiResult result = api.send(route[0], route[1], body, null, "X-Manage-Token", "t");
                assertThat(result.errorCode()).as("anonymous %s %s %s: %s", route[0], route[1], body, result)
                        .isEqualTo(ErrorCodes.MALFORMED_JSON);
                assertValidationError(result, ErrorCodes.MALFORMED_JSON, null);
            }
        }
    }

    /** Whatever the document declares a body for (also routes added later): never a server error for null. */
    @Test
    @SuppressWarnings("unchecked")
    void noOperationWithABodyAnswersNullWithAServerError() throws Exception {
        TestUser owner = users.signUpAndLogin(Plan.XL);
        Map<String, Object> doc = new Yaml().load(Files.readString(Path.of(local.stack().template().root().toString(),
                "openapi.yaml")));
        List<String> checked = new ArrayList<>();
        ((Map<String, Map<String, Object>>) doc.get("paths")).forEach((path, item) -> item.forEach((method, op) -> {
            if (!(op instanceof Map<?, ?> operation) || operation.get("requestBody") == null) {
                return;
            }
            String concrete = path.replaceAll("\\{[^}]+}", "x1");
            boolean anonymous = operation.containsKey("security") && ((List<?>) operation.get("security")).isEmpty();
            ApiResult result = api.send(method.toUpperCase(), concrete, "null", anonymous ? null : owner.accessToken());
            assertThat(result.status()).as("%s %s null: %s", method, path, result).isBetween(400, 499);
            assertNoInternals(result);
            if (result.status() == 422) {
                assertThat(result.errorCode()).as("%s %s null: %s", method, path, result).isEqualTo(ErrorCodes.MALFORMED_JSON);
            }
            checked.add(method + " " + path);
        }));
        assertThat(checked).hasSizeGreaterThanOrEqualTo(NULL_WAS_500.size());
    }

    @Test
    void scalarsAreNotCoercedAndNothingIsWritten() {
        TestUser owner = users.signUpAndLogin(Plan.M);
        for (Object name : List.of(5, 5.5, true, List.of("Raum"), Map.of("de", "Raum"))) {
            assertValidationError(api.post("/v1/rooms", Map.of("name", name), owner.accessToken()),
                    ErrorCodes.VALIDATION_FAILED, "name");
        }
        assertThat(api.get("/v1/rooms", owner.accessToken()).json().path("items")).as("no room created").isEmpty();

        String room = api.post("/v1/rooms", Map.of("name", "Raum 1"), owner.accessToken()).field("id");
        assertValidationError(api.patch("/v1/rooms/" + room, Map.of("shared", "true"), owner.accessToken()),
                ErrorCodes.VALIDATION_FAILED, "shared");
        assertValidationError(api.patch("/v1/rooms/" + room, Map.of("shared", 1), owner.accessToken()),
                ErrorCodes.VALIDATION_FAILED, "shared");

        ApiResult before = api.get("/v1/settings/booking", owner.accessToken());
        for (Object horizon : List.of(30.7, "30", 30.0, false)) {
            assertValidationError(api.put("/v1/settings/booking", "{\"horizonDays\":" + ApiResultJson.of(horizon) + "}",
                    owner.accessToken()), ErrorCodes.VALIDATION_FAILED, "horizonDays");
        }
        assertValidationError(api.put("/v1/settings/booking", Map.of("services", List.of(Map.of("id", "s", "name", "S",
                "durationMinutes", "50"))), owner.accessToken()), ErrorCodes.VALIDATION_FAILED, "services[0].durationMinutes");
        assertThat(api.get("/v1/settings/booking", owner.accessToken()).body()).as("settings unchanged")
                .isEqualTo(before.body());

        LocalDate day = LocalDate.now(BERLIN).plusDays(20);
        Map<String, Object> booking = new LinkedHashMap<>(Map.of("roomId", room, "start", berlin(day, 10, 0),
                "end", berlin(day, 11, 0), "client", "Erika Mustermann"));
        assertValidationError(api.post("/v1/bookings", booking, owner.accessToken()), ErrorCodes.VALIDATION_FAILED, "client");
        booking.put("client", Map.of("name", 42));
        assertValidationError(api.post("/v1/bookings", booking, owner.accessToken()), ErrorCodes.VALIDATION_FAILED,
                "client.name");
        booking.put("client", Map.of("name", "Erika", "insurance", "AOK"));
        assertValidationError(api.post("/v1/bookings", booking, owner.accessToken()), ErrorCodes.VALIDATION_FAILED,
                "client.insurance");
        ApiResult listed = api.get("/v1/bookings?from=" + enc(berlin(day, 0, 0)) + "&to=" + enc(berlin(day.plusDays(1), 0, 0)),
                owner.accessToken());
        assertThat(listed.json().path("items")).as("%s", listed).isEmpty();
    }

    @Test
    void anonymousSignupRefusesUnknownFieldsAndWrongTypesWithoutCreatingAnything() {
        String email = TestUsers.uniqueEmail();
        Map<String, Object> body = new LinkedHashMap<>(Map.of("email", email, "password", TestUsers.PASSWORD,
                "practiceName", "Praxis Streng", "plan", "M"));
        body.put("admin", true);
        assertValidationError(api.post("/v1/signup", body, null), ErrorCodes.VALIDATION_FAILED, "admin");
        body.remove("admin");
        body.put("practiceName", 7);
        assertValidationError(api.post("/v1/signup", body, null), ErrorCodes.VALIDATION_FAILED, "practiceName");
        body.put("practiceName", "Praxis Streng");
        body.put("plan", List.of("M"));
        assertValidationError(api.post("/v1/signup", body, null), ErrorCodes.VALIDATION_FAILED, "plan");
        body.put("plan", "M");
        ApiResult created = api.post("/v1/signup", body, null);
        assertThat(created.status()).as("the address was not taken by a refused request: %s", created).isBetween(200, 299);
    }

    @Test
    void emptyQueryValuesAreRefusedNamingTheParameter() {
        TestUser owner = users.signUpAndLogin(Plan.M);
        LocalDate day = LocalDate.now(BERLIN).plusDays(3);
        String from = enc(berlin(day, 0, 0));
        String to = enc(berlin(day.plusDays(1), 0, 0));
        assertValidationError(api.get("/v1/calendar?from=" + from + "&to=", owner.accessToken()),
                ErrorCodes.VALIDATION_FAILED, "to");
        assertValidationError(api.get("/v1/bookings?from=&to=" + to, owner.accessToken()),
                ErrorCodes.VALIDATION_FAILED, "from");
        assertValidationError(api.get("/v1/bookings?from=" + from + "&to=" + to + "&cursor=", owner.accessToken()),
                ErrorCodes.VALIDATION_FAILED, "cursor");
        assertValidationError(api.get("/v1/audit?to=", owner.accessToken()), ErrorCodes.VALIDATION_FAILED, "to");
        assertValidationError(api.get("/v1/audit?limit=", owner.accessToken()), ErrorCodes.VALIDATION_FAILED, "limit");
        assertValidationError(api.get("/v1/reports/monthly?month=", owner.accessToken()), ErrorCodes.VALIDATION_FAILED,
                "month");
        assertValidationError(api.get("/v1/public/therapists/" + owner.accountId() + "/slots?serviceId=&from=" + from
                + "&to=" + to, null), ErrorCodes.VALIDATION_FAILED, "serviceId");
        assertThat(api.get("/v1/calendar?from=" + from + "&to=" + to, owner.accessToken()).status()).isEqualTo(200);
    }

    /** JSON text of a scalar for hand-written bodies. */
    private static final class ApiResultJson {
        static String of(Object value) {
            return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
        }
    }
}
