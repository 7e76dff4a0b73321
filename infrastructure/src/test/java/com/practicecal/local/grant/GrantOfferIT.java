package com.practicecal.local.grant;

import static com.practicecal.local.ErrorBodies.assertError;
import static com.practicecal.local.ErrorBodies.assertValidationError;
import static com.practicecal.local.Times.berlin;
import static com.practicecal.local.Urls.enc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.practicecal.local.ApiResult;
import com.practicecal.local.LocalStackIT;
import com.practicecal.local.TestUser;
import com.practicecal.local.TestUsers;
import com.practicecal.shared.plan.Plan;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Grants are offered to confirmed addresses only and take effect when the grantee accepts them; expiry is enforced. */
class GrantOfferIT extends LocalStackIT {
    private static final String READ = "appointments:read";
    private static final String WRITE = "appointments:write";
    private final LocalDate day = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(41);
    private final AtomicInteger hour = new AtomicInteger(6);

    private Map<String, Object> booking(String roomId) {
        int h = hour.getAndIncrement();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("roomId", roomId);
        body.put("start", berlin(day, h));
        body.put("end", berlin(day, h, 45));
        body.put("client", Map.of("name", "Erika Mustermann"));
        return body;
    }

    private String range() {
        return "?from=" + enc(berlin(day, 0)) + "&to=" + enc(berlin(day.plusDays(1), 0));
    }

    private ApiResult offer(TestUser owner, String email, List<String> scopes) {
        return api.post("/v1/grants", Map.of("granteeEmail", email, "scopes", scopes), owner.accessToken());
    }

    private ApiResult accept(String grantId, TestUser who) {
        return api.post("/v1/grants/" + grantId + "/accept", null, who.accessToken());
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(g -> ids.add(g.path("id").asText()));
        return ids;
    }

    @Test
    void anOfferGivesNoAccessUntilTheGranteeAcceptsIt() {
        TestUser owner = users.signUpAndLogin(Plan.L);
        TestUser colleague = users.signUpAndLogin(Plan.S);
        TestUser stranger = users.signUpAndLogin(Plan.L);
        String room = api.post("/v1/rooms", Map.of("name", "R"), owner.accessToken()).field("id");
        String delegated = "/v1/accounts/" + owner.accountId();

        ApiResult offered = offer(owner, colleague.email(), List.of(WRITE));
        assertThat(offered.status()).as("%s", offered).isEqualTo(201);
        assertThat(offered.field("status")).isEqualTo("OFFERED");
        String grantId = offered.field("id");
        assertThat(grantId).isNotEqualTo(colleague.userId());
        assertThat(ids(api.get("/v1/grants", owner.accessToken()).json().path("given"))).containsExactly(grantId);
        assertThat(ids(api.get("/v1/grants", colleague.accessToken()).json().path("received"))).containsExactly(grantId);

        assertThat(api.post(delegated + "/bookings", booking(room), colleague.accessToken()).status()).isEqualTo(404);
        assertThat(api.get(delegated + "/bookings" + range(), colleague.accessToken()).status()).isEqualTo(404);
        assertError(accept(grantId, stranger), 404, "GRANT_NOT_FOUND");
        assertError(accept(grantId, owner), 404, "GRANT_NOT_FOUND");

        ApiResult accepted = accept(grantId, colleague);
        assertThat(accepted.status()).as("%s", accepted).isEqualTo(200);
        assertThat(accepted.field("status")).isEqualTo("ACTIVE");
        assertThat(accepted.field("acceptedAt")).isNotBlank();
        assertThat(accept(grantId, colleague).status()).as("accepting twice").isEqualTo(200);
        assertThat(api.post(delegated + "/bookings", booking(room), colleague.accessToken()).status()).isEqualTo(201);
        assertThat(api.get("/v1/grants", owner.accessToken()).json().path("given").get(0).path("status").asText())
                .isEqualTo("ACTIVE");

        // a new offer replaces the grant: access pauses until it is accepted, the old id is void
        String second = offer(owner, colleague.email(), List.of(READ)).field("id");
        assertThat(second).isNotEqualTo(grantId);
        assertThat(api.get(delegated + "/bookings" + range(), colleague.accessToken()).status()).isEqualTo(404);
        assertError(accept(grantId, colleague), 404, "GRANT_NOT_FOUND");
        assertThat(accept(second, colleague).status()).isEqualTo(200);
        assertThat(api.get(delegated + "/bookings" + range(), colleague.accessToken()).status()).isEqualTo(200);

        assertThat(api.delete("/v1/grants/" + second, owner.accessToken()).status()).isEqualTo(204);
        assertThat(api.get(delegated + "/bookings" + range(), colleague.accessToken()).status()).isEqualTo(404);
        assertError(accept(second, colleague), 404, "GRANT_NOT_FOUND");
        assertThat(api.delete("/v1/grants/" + second, owner.accessToken()).status()).isEqualTo(404);
    }

    /** The grantee's list names the granting practice and its zone; the grantee may turn an offer down. */
    @Test
    void theGranteeSeesWhoOffersAndMayDecline() {
        TestUser owner = users.signUpAndLogin(Plan.L, "America/New_York");
        TestUser colleague = users.signUpAndLogin(Plan.S);
        String ownerPractice = api.get("/v1/me", owner.accessToken()).field("practiceName");
        String room = api.post("/v1/rooms", Map.of("name", "R"), owner.accessToken()).field("id");
        String grantId = offer(owner, colleague.email(), List.of(WRITE)).field("id");

        JsonNode received = api.get("/v1/grants", colleague.accessToken()).json().path("received").get(0);
        assertThat(received.path("practiceName").asText()).isEqualTo(ownerPractice);
        assertThat(received.path("timeZone").asText()).isEqualTo("America/New_York");
        JsonNode given = api.get("/v1/grants", owner.accessToken()).json().path("given").get(0);
        assertThat(given.path("practiceName").asText()).isEqualTo(ownerPractice);

        assertError(api.post("/v1/grants/" + grantId + "/decline", null, owner.accessToken()), 404, "GRANT_NOT_FOUND");
        ApiResult declined = api.post("/v1/grants/" + grantId + "/decline", null, colleague.accessToken());
        assertThat(declined.status()).as("%s", declined).isEqualTo(200);
        assertThat(declined.field("status")).isEqualTo("DECLINED");
        assertThat(declined.field("practiceName")).isEqualTo(ownerPractice);
        assertThat(api.post("/v1/grants/" + grantId + "/decline", null, colleague.accessToken()).status())
                .as("declining twice").isEqualTo(200);
        assertError(accept(grantId, colleague), 404, "GRANT_NOT_FOUND");
        assertThat(api.post("/v1/accounts/" + owner.accountId() + "/bookings", booking(room), colleague.accessToken())
                .status()).isEqualTo(404);
        assertThat(api.get("/v1/grants", owner.accessToken()).json().path("given").get(0).path("status").asText())
                .isEqualTo("DECLINED");
        assertError(api.delete("/v1/grants/" + grantId, owner.accessToken()), 404, "GRANT_NOT_FOUND");

        // an accepted grant cannot be declined; the owner may offer again after a decline
        String again = offer(owner, colleague.email(), List.of(READ)).field("id");
        assertThat(accept(again, colleague).status()).isEqualTo(200);
        assertError(api.post("/v1/grants/" + again + "/decline", null, colleague.accessToken()), 404, "GRANT_NOT_FOUND");
    }

    @Test
    void anOpenOfferCanBeWithdrawnByTheGranteesUserIdAsBefore() {
        TestUser owner = users.signUpAndLogin(Plan.L);
        TestUser colleague = users.signUpAndLogin(Plan.S);
        String grantId = offer(owner, colleague.email(), List.of(READ)).field("id");
        assertThat(api.delete("/v1/grants/" + colleague.userId(), owner.accessToken()).status()).isEqualTo(204);
        assertError(accept(grantId, colleague), 404, "GRANT_NOT_FOUND");
    }

    /**
     * The issue's takeover: sign up with a colleague's address before they do, then wait for a grant or an invitation
     * to it. Neither can be made to an unconfirmed address, and the real owner can still sign up and receive both.
     */
    @Test
    void signingUpAColleaguesAddressFirstGetsNeitherGrantNorInvitation() {
        TestUser owner = users.signUpAndLogin(Plan.L);
        String victim = TestUsers.uniqueEmail();
        String attackerPassword = "Attacker-Pass-77";
        ApiResult squat = api.post("/v1/signup", Map.of("email", victim, "password", attackerPassword,
                "practiceName", "Not Yours", "plan", "S"), null);
        assertThat(squat.status()).isEqualTo(202);
        // without the victim's inbox the attacker cannot confirm; no grant, no invitation binds to the address
        assertValidationError(offer(owner, victim, List.of(WRITE)), "VALIDATION_FAILED", "granteeEmail");
        assertValidationError(api.post("/v1/community/invitations", Map.of("inviteeEmail", victim), owner.accessToken()),
                "VALIDATION_FAILED", "inviteeEmail");

        // the colleague signs up with their own password (not EMAIL_TAKEN) and confirms the code they received
        assertThat(api.post("/v1/signup", Map.of("email", victim, "password", TestUsers.PASSWORD,
                "practiceName", "Praxis Kollegin", "plan", "S"), null).status()).isEqualTo(202);
        ApiResult confirmed = users.confirm(victim, users.confirmationCode(victim), TestUsers.PASSWORD);
        assertThat(confirmed.status()).as("%s", confirmed).isEqualTo(201);
        assertThatThrownBy(() -> users.login(victim, attackerPassword)).isInstanceOf(NotAuthorizedException.class);
        String colleagueToken = users.login(victim, TestUsers.PASSWORD).accessToken();

        ApiResult offered = offer(owner, victim, List.of(WRITE));
        assertThat(offered.status()).as("%s", offered).isEqualTo(201);
        assertThat(offered.field("granteeUserId")).isEqualTo(confirmed.field("userId"));
        assertThat(api.post("/v1/grants/" + offered.field("id") + "/accept", null, colleagueToken).status()).isEqualTo(200);
        ApiResult invited = api.post("/v1/community/invitations", Map.of("inviteeEmail", victim), owner.accessToken());
        assertThat(invited.status()).as("%s", invited).isEqualTo(201);
        assertThat(api.post("/v1/community/invitations/" + invited.field("id") + "/accept", null, colleagueToken)
                .status()).isEqualTo(200);
    }

    @Test
    void addressesAreComparedInOneNormalisedForm() {
        TestUser owner = users.signUpAndLogin(Plan.L);
        TestUser colleague = users.signUpAndLogin(Plan.S);
        String upper = colleague.email().toUpperCase(java.util.Locale.ROOT);
        ApiResult offered = offer(owner, upper, List.of(READ));
        assertThat(offered.status()).as("%s", offered).isEqualTo(201);
        assertThat(offered.field("granteeUserId")).isEqualTo(colleague.userId());
        ApiResult invited = api.post("/v1/community/invitations", Map.of("inviteeEmail", upper), owner.accessToken());
        assertThat(invited.status()).as("%s", invited).isEqualTo(201);
        assertThat(api.post("/v1/community/invitations/" + invited.field("id") + "/accept", null,
                colleague.accessToken()).status()).isEqualTo(200);
        // "ſ" (long s) would equalsIgnoreCase "s"; under NFKC it changes, so it is refused rather than matched
        String longS = colleague.email().replaceFirst("^it-", "it-\u017F");
        assertValidationError(offer(owner, longS, List.of(READ)), "VALIDATION_FAILED", "granteeEmail");
        assertValidationError(api.post("/v1/community/invitations", Map.of("inviteeEmail", longS), owner.accessToken()),
                "VALIDATION_FAILED", "inviteeEmail");
    }

    @Test
    void anExpiredGrantEndsReadsAndWrites() throws InterruptedException {
        TestUser owner = users.signUpAndLogin(Plan.L);
        TestUser colleague = users.signUpAndLogin(Plan.S);
        String room = api.post("/v1/rooms", Map.of("name", "R"), owner.accessToken()).field("id");
        String delegated = "/v1/accounts/" + owner.accountId();
        Instant expiry = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
        ApiResult offered = api.post("/v1/grants", Map.of("granteeEmail", colleague.email(), "scopes", List.of(WRITE),
                "expiresAt", expiry.toString()), owner.accessToken());
        assertThat(offered.status()).as("%s", offered).isEqualTo(201);
        assertThat(accept(offered.field("id"), colleague).status()).isEqualTo(200);
        assertThat(api.post(delegated + "/bookings", booking(room), colleague.accessToken()).status()).isEqualTo(201);

        Thread.sleep(Math.max(0, expiry.toEpochMilli() - System.currentTimeMillis()) + 1200);
        assertThat(api.get(delegated + "/bookings" + range(), colleague.accessToken()).status()).isEqualTo(404);
        assertThat(api.post(delegated + "/bookings", booking(room), colleague.accessToken()).status()).isEqualTo(404);
        assertThat(api.get("/v1/grants", owner.accessToken()).json().path("given").get(0).path("status").asText())
                .isEqualTo("EXPIRED");
    }

    /**
     * The write transaction itself checks the expiry (not only the read before it): the stored expiry the condition
     * uses is moved into the past while the one the read uses is not — the read passes, the commit is refused.
     */
    @Test
    void theWriteTransactionRefusesAGrantExpiredSinceTheRead() {
        TestUser owner = users.signUpAndLogin(Plan.L);
        TestUser colleague = users.signUpAndLogin(Plan.S);
        String room = api.post("/v1/rooms", Map.of("name", "R"), owner.accessToken()).field("id");
        String delegated = "/v1/accounts/" + owner.accountId();
        ApiResult offered = api.post("/v1/grants", Map.of("granteeEmail", colleague.email(), "scopes", List.of(WRITE),
                "expiresAt", Instant.now().plus(1, ChronoUnit.HOURS).toString()), owner.accessToken());
        assertThat(accept(offered.field("id"), colleague).status()).isEqualTo(200);
        assertThat(api.post(delegated + "/bookings", booking(room), colleague.accessToken()).status()).isEqualTo(201);

        local.dynamo().updateItem(b -> b.tableName(local.tableName())
                .key(Map.of("PK", AttributeValue.fromS("ACCOUNT#" + owner.accountId()),
                        "SK", AttributeValue.fromS("GRANT#" + colleague.userId())))
                .updateExpression("SET grantExpiresAtEpoch = :past")
                .expressionAttributeValues(Map.of(":past", AttributeValue.fromN(
                        String.valueOf(Instant.now().minusSeconds(1).getEpochSecond())))));
        assertThat(api.get(delegated + "/bookings" + range(), colleague.accessToken()).status()).as("the read still passes")
                .isEqualTo(200);
        ApiResult write = api.post(delegated + "/bookings", booking(room), colleague.accessToken());
        assertThat(write.status()).as("%s", write).isEqualTo(404);
        assertThat(api.get("/v1/bookings" + range(), owner.accessToken()).json().path("items")).hasSize(1);
    }
}
