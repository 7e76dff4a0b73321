package com.practicecal.local;

import com.practicecal.shared.plan.Plan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;

/**
 * Practice owners for tests: signs up through {@code POST /v1/signup} with a unique email, confirms it with the
 * code Cognito sent ({@code POST /v1/signup/confirm}, the code read from the local gateway), then logs in through
 * Cognito's {@code InitiateAuth} (USER_PASSWORD_AUTH), exactly like the web app, so tokens are real.
 */
public final class TestUsers {
    /** Meets the password policy. */
    public static final String PASSWORD = "Therapy-Room-42";
    public static final String DEFAULT_TIME_ZONE = "Europe/Berlin";

    private final ApiClient api;
    private final CognitoIdentityProviderClient cognito;
    private final String clientId;
    private final String userPoolId;

    TestUsers(ApiClient api, CognitoIdentityProviderClient cognito, String clientId, String userPoolId) {
        this.api = api;
        this.cognito = cognito;
        this.clientId = clientId;
        this.userPoolId = userPoolId;
    }

    /** e.g. {@code it-3f9a1c2e@practice.test}; unique per call. */
    public static String uniqueEmail() {
        return "it-" + UUID.randomUUID().toString().substring(0, 12) + "@practice.test";
    }

    public TestUser signUpAndLogin(Plan plan) {
        return signUpAndLogin(plan, DEFAULT_TIME_ZONE);
    }

    public TestUser signUpAndLogin(Plan plan, String timeZone) {
        String email = uniqueEmail();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", email);
        body.put("password", PASSWORD);
        body.put("practiceName", "Practice " + email.substring(3, 11));
        body.put("plan", plan.name());
        body.put("timeZone", timeZone);
        ApiResult signup = api.post("/v1/signup", body, null);
        if (signup.status() != 202) {
            throw new AssertionError("sign-up of a test user failed: " + signup);
        }
        signup = confirm(email, confirmationCode(email), PASSWORD);
        if (signup.status() != 201) {
            throw new AssertionError("confirming a test user's sign-up failed: " + signup);
        }
        AuthenticationResultType tokens = login(email, PASSWORD);
        return new TestUser(email, PASSWORD, signup.field("userId"), signup.field("accountId"),
                tokens.accessToken(), tokens.idToken(), signup.json());
    }

    /**
     * A staff member of {@code owner}'s practice, added through {@code POST /v1/staff}; Cognito's invitation is
     * completed the way the invited person would (a permanent password), then the member logs in for real tokens.
     */
    public TestUser addStaff(TestUser owner, String role, List<String> scopes) {
        String email = uniqueEmail();
        Map<String, Object> body = new LinkedHashMap<>(Map.of("email", email, "role", role));
        if (scopes != null) {
            body.put("scopes", scopes);
        }
        ApiResult added = api.post("/v1/staff", body, owner.accessToken());
        if (added.status() != 201) {
            throw new AssertionError("adding a staff member failed: " + added);
        }
        cognito.adminSetUserPassword(b -> b.userPoolId(userPoolId).username(email).password(PASSWORD).permanent(true));
        AuthenticationResultType tokens = login(email, PASSWORD);
        return new TestUser(email, PASSWORD, added.field("userId"), owner.accountId(), tokens.accessToken(),
                tokens.idToken(), added.json());
    }

    /** The code Cognito (moto, patched) generated for the address, through the local gateway's test route. */
    public String confirmationCode(String email) {
        ApiResult code = api.get("/_local/confirmation-code?email=" + java.net.URLEncoder.encode(email,
                java.nio.charset.StandardCharsets.UTF_8), null);
        if (code.status() != 200) {
            throw new AssertionError("no confirmation code for " + email + ": " + code);
        }
        return code.field("code");
    }

    /** {@code POST /v1/signup/confirm}. */
    public ApiResult confirm(String email, String code, String password) {
        return api.post("/v1/signup/confirm", Map.of("email", email, "code", code, "password", password), null);
    }

    /**
     * {@code owner} offers {@code grantee} a grant ({@code POST /v1/grants}) and the grantee accepts it
     * ({@code POST /v1/grants/{grantId}/accept}); returns the grant id.
     */
    public String grant(TestUser owner, TestUser grantee, List<String> scopes) {
        ApiResult offered = api.post("/v1/grants", Map.of("granteeEmail", grantee.email(), "scopes", scopes),
                owner.accessToken());
        if (offered.status() != 201) {
            throw new AssertionError("offering a grant failed: " + offered);
        }
        ApiResult accepted = api.post("/v1/grants/" + offered.field("id") + "/accept", null, grantee.accessToken());
        if (accepted.status() != 200) {
            throw new AssertionError("accepting a grant failed: " + accepted);
        }
        return offered.field("id");
    }

    /** Cognito USER_PASSWORD_AUTH; throws the SDK's NotAuthorizedException for a wrong password. */
    public AuthenticationResultType login(String email, String password) {
        return cognito.initiateAuth(b -> b.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", email, "PASSWORD", password))).authenticationResult();
    }
}
