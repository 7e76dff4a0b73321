package com.practicecal.local.account;

import static com.practicecal.local.ErrorBodies.assertError;
import static com.practicecal.local.ErrorBodies.assertValidationError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.practicecal.local.ApiResult;
import com.practicecal.local.LocalStackIT;
import com.practicecal.local.TestUsers;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotConfirmedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;

/**
 * Proof of email ownership against the local endpoint: moto's Cognito is patched to generate, check and expire
 * sign-up codes (infrastructure/moto/signup_codes.py), so every refusal here is Cognito's own check.
 */
class SignupConfirmationIT extends LocalStackIT {
    private static final String ATTACKER_PASSWORD = "Attacker-Pass-77";

    private static Map<String, Object> signupBody(String email, String password) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", email);
        body.put("password", password);
        body.put("practiceName", "Praxis Probe");
        body.put("plan", "M");
        return body;
    }

    private ApiResult signUp(String email) {
        return signUp(email, TestUsers.PASSWORD);
    }

    private ApiResult signUp(String email, String password) {
        ApiResult pending = api.post("/v1/signup", signupBody(email, password), null);
        assertThat(pending.status()).as("%s", pending).isEqualTo(202);
        return pending;
    }

    private static String otherThan(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }

    private String cognitoStatus(String email) {
        return local.cognito().adminGetUser(b -> b.userPoolId(local.userPoolId()).username(email)).userStatusAsString();
    }

    private String emailVerified(String email) {
        return local.cognito().adminGetUser(b -> b.userPoolId(local.userPoolId()).username(email)).userAttributes()
                .stream().filter(a -> a.name().equals("email_verified")).map(AttributeType::value).findFirst()
                .orElse("absent");
    }

    @Test
    void aWrongCodeIsRefusedAndTheUnconfirmedUserCannotLogIn() {
        String email = TestUsers.uniqueEmail();
        ApiResult pending = signUp(email);
        assertThat(pending.field("status")).isEqualTo("CONFIRMATION_PENDING");
        assertThat(pending.json().has("accountId")).as("no account before the code: %s", pending).isFalse();
        assertThat(cognitoStatus(email)).isEqualTo(UserStatusType.UNCONFIRMED.toString());
        assertThat(emailVerified(email)).isNotEqualTo("true");
        assertThatThrownBy(() -> users.login(email, TestUsers.PASSWORD)).isInstanceOf(UserNotConfirmedException.class);

        String code = users.confirmationCode(email);
        assertValidationError(users.confirm(email, otherThan(code), TestUsers.PASSWORD), "CODE_MISMATCH", "code");
        assertThat(cognitoStatus(email)).isEqualTo(UserStatusType.UNCONFIRMED.toString());
        assertThatThrownBy(() -> users.login(email, TestUsers.PASSWORD)).isInstanceOf(UserNotConfirmedException.class);

        ApiResult confirmed = users.confirm(email, code, TestUsers.PASSWORD);
        assertThat(confirmed.status()).as("%s", confirmed).isEqualTo(201);
        assertThat(confirmed.field("role")).isEqualTo("OWNER");
        assertThat(cognitoStatus(email)).isEqualTo(UserStatusType.CONFIRMED.toString());
        assertThat(emailVerified(email)).isEqualTo("true");
        ApiResult me = api.get("/v1/me", users.login(email, TestUsers.PASSWORD).accessToken());
        assertThat(me.status()).as("%s", me).isEqualTo(200);
        assertThat(me.field("accountId")).isEqualTo(confirmed.field("accountId"));

        assertError(users.confirm(email, code, TestUsers.PASSWORD), 409, "ALREADY_CONFIRMED");
    }

    @Test
    void anExpiredCodeIsRefusedAndAResentOneWorks() throws Exception {
        String email = TestUsers.uniqueEmail();
        signUp(email);
        String first = users.confirmationCode(email);
        expireCode(email);
        assertValidationError(users.confirm(email, first, TestUsers.PASSWORD), "CODE_EXPIRED", "code");

        ApiResult resent = api.post("/v1/signup/resend", Map.of("email", email), null);
        assertThat(resent.status()).as("%s", resent).isEqualTo(202);
        String second = users.confirmationCode(email);
        if (!second.equals(first)) {
            assertValidationError(users.confirm(email, first, TestUsers.PASSWORD), "CODE_MISMATCH", "code");
        }
        assertThat(users.confirm(email, second, TestUsers.PASSWORD).status()).isEqualTo(201);
        assertThat(users.login(email, TestUsers.PASSWORD).accessToken()).isNotBlank();
    }

    @Test
    void theRightCodeWithAnotherPasswordConfirmsNothing() {
        String email = TestUsers.uniqueEmail();
        signUp(email);
        String code = users.confirmationCode(email);
        assertValidationError(users.confirm(email, code, ATTACKER_PASSWORD), "CODE_MISMATCH", "code");
        assertThat(cognitoStatus(email)).isEqualTo(UserStatusType.UNCONFIRMED.toString());
        assertThat(users.confirm(email, code, TestUsers.PASSWORD).status()).isEqualTo(201);
    }

    @Test
    void unknownAddressesLookLikeWrongCodesAndResendAnswersTheSame() {
        String known = TestUsers.uniqueEmail();
        signUp(known);
        String unknown = TestUsers.uniqueEmail();

        ApiResult unknownConfirm = users.confirm(unknown, "123456", TestUsers.PASSWORD);
        assertValidationError(unknownConfirm, "CODE_MISMATCH", "code");
        ApiResult knownConfirm = users.confirm(known, otherThan(users.confirmationCode(known)), TestUsers.PASSWORD);
        assertThat(unknownConfirm.json().path("error").path("message").asText())
                .isEqualTo(knownConfirm.json().path("error").path("message").asText());

        ApiResult resendUnknown = api.post("/v1/signup/resend", Map.of("email", unknown), null);
        ApiResult resendKnown = api.post("/v1/signup/resend", Map.of("email", known), null);
        assertThat(resendUnknown.status()).isEqualTo(202).isEqualTo(resendKnown.status());
        assertThat(resendUnknown.json().get("status")).isEqualTo(resendKnown.json().get("status"));
        assertThat(api.get("/_local/confirmation-code?email=" + unknown, null).status()).isEqualTo(404);
    }

    @Test
    void afterFiveWrongCodesTheCodeIsVoidUntilANewOneIsSent() {
        String email = TestUsers.uniqueEmail();
        signUp(email);
        String code = users.confirmationCode(email);
        for (int i = 0; i < 5; i++) {
            assertValidationError(users.confirm(email, otherThan(code), TestUsers.PASSWORD), "CODE_MISMATCH", "code");
        }
        assertError(users.confirm(email, code, TestUsers.PASSWORD), 429, "TOO_MANY_ATTEMPTS");

        assertThat(api.post("/v1/signup/resend", Map.of("email", email), null).status()).isEqualTo(202);
        assertThat(users.confirm(email, users.confirmationCode(email), TestUsers.PASSWORD).status()).isEqualTo(201);
    }

    /** The takeover: sign up a colleague's address first. It gets the attacker nothing. */
    @Test
    void signingUpSomeoneElsesAddressFirstNeitherBindsNorBlocksIt() {
        String victim = TestUsers.uniqueEmail();
        signUp(victim, ATTACKER_PASSWORD);
        String attackersCode = users.confirmationCode(victim); // in reality in the victim's inbox, not the attacker's

        // The real owner signs up later: not EMAIL_TAKEN, the unconfirmed sign-up is replaced.
        signUp(victim, TestUsers.PASSWORD);
        String victimsCode = users.confirmationCode(victim);
        if (!victimsCode.equals(attackersCode)) {
            assertValidationError(users.confirm(victim, attackersCode, ATTACKER_PASSWORD), "CODE_MISMATCH", "code");
        }
        // Even the code that reached the victim does not confirm the sign-up with the attacker's password.
        assertValidationError(users.confirm(victim, victimsCode, ATTACKER_PASSWORD), "CODE_MISMATCH", "code");

        assertThat(users.confirm(victim, victimsCode, TestUsers.PASSWORD).status()).isEqualTo(201);
        assertThatThrownBy(() -> users.login(victim, ATTACKER_PASSWORD)).isInstanceOf(NotAuthorizedException.class);
        assertThat(api.get("/v1/me", users.login(victim, TestUsers.PASSWORD).accessToken()).status()).isEqualTo(200);
        assertError(api.post("/v1/signup", signupBody(victim, ATTACKER_PASSWORD), null), 409, "EMAIL_TAKEN");
    }

    @Test
    void addressesAreKeyedInOneNormalisedForm() {
        String email = TestUsers.uniqueEmail();
        signUp(email.toUpperCase(java.util.Locale.ROOT));
        assertThat(users.confirm(email, users.confirmationCode(email), TestUsers.PASSWORD).status()).isEqualTo(201);
        assertError(api.post("/v1/signup", signupBody(email.replace("it-", "IT-"), TestUsers.PASSWORD), null), 409,
                "EMAIL_TAKEN");
        // U+017F LATIN SMALL LETTER LONG S folds to "s" (equalsIgnoreCase, NFKC): refused, not matched
        assertValidationError(api.post("/v1/signup", signupBody("ſ" + email, TestUsers.PASSWORD), null),
                "VALIDATION_FAILED", "email");
        // full-width letters change under NFKC too
        assertValidationError(api.post("/v1/signup", signupBody("ｉｔ" + email.substring(2), TestUsers.PASSWORD), null),
                "VALIDATION_FAILED", "email");
    }

    private void expireCode(String email) throws IOException, InterruptedException {
        URI moto = local.stack().endpoint().orElseThrow();
        URI expire = URI.create(moto.toString().replaceAll("/+$", "") + "/_practicecal/cognito/confirmation-code/expire"
                + "?userPoolId=" + local.userPoolId() + "&email=" + URLEncoder.encode(email, StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(expire)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("moto expired the code: %s", response.body()).isEqualTo(204);
    }
}
