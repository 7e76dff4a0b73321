package com.practicecal.local;

import static com.practicecal.local.ErrorBodies.assertError;
import static com.practicecal.local.ErrorBodies.assertGatewayMessage;
import static com.practicecal.local.ErrorBodies.assertValidationError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.practicecal.shared.aws.AwsClients;
import com.practicecal.shared.aws.EndpointResolver;
import com.practicecal.shared.plan.Plan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Sign-up, login through Cognito, the caller's account, plan changes and the gateway's authorizer, end to end. */
class PlatformIT extends LocalStackIT {

    private static Map<String, Object> signupBody(String email) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", email);
        body.put("password", TestUsers.PASSWORD);
        body.put("practiceName", "Praxis am See");
        body.put("plan", "M");
        return body;
    }

    @Test
    void signUpLogInThroughCognitoAndReadMe() {
        String email = TestUsers.uniqueEmail();
        ApiResult pending = api.post("/v1/signup", signupBody(email), null);
        assertThat(pending.status()).as("%s", pending).isEqualTo(202);
        assertThat(pending.field("status")).isEqualTo("CONFIRMATION_PENDING");
        ApiResult signup = users.confirm(email, users.confirmationCode(email), TestUsers.PASSWORD);
        assertThat(signup.status()).as("%s", signup).isEqualTo(201);
        assertThat(signup.field("plan")).isEqualTo("M");
        assertThat(signup.field("role")).isEqualTo("OWNER");

        AuthenticationResultType tokens = users.login(email, TestUsers.PASSWORD);
        awsCalls.reset();
        ApiResult me = api.get("/v1/me", tokens.accessToken());

        assertThat(me.status()).as("%s", me).isEqualTo(200);
        assertThat(awsCalls.calls()).as("user and account in one read: %s", awsCalls.byOperation()).isEqualTo(1);
        assertThat(me.field("userId")).isEqualTo(TestTokens.claimsOf(tokens.accessToken()).get("sub"))
                .isEqualTo(signup.field("userId"));
        assertThat(me.field("accountId")).isEqualTo(signup.field("accountId"));
        assertThat(me.field("plan")).isEqualTo("M");
        assertThat(me.field("role")).isEqualTo("OWNER");
        assertThat(me.field("timeZone")).isEqualTo("Europe/Berlin");
        assertThat(me.field("practiceName")).isEqualTo("Praxis am See");
        assertThat(me.field("limits.rooms")).isEqualTo(String.valueOf(Plan.M.maxRooms()));

        ApiResult withIdToken = api.get("/v1/me", tokens.idToken());
        assertThat(withIdToken.status()).as("id tokens are accepted too: %s", withIdToken).isEqualTo(200);
        assertThat(withIdToken.field("userId")).isEqualTo(me.field("userId"));
    }

    @Test
    void devStacksDemoPracticeIsConfirmedAndLogsInAtOnce() throws Exception {
        String status = DevStack.ensureDemoAccount(local.api().baseUri());
        assertThat(status).isIn("created and confirmed", "already there");
        AuthenticationResultType tokens = users.login(DevStack.DEMO_EMAIL, DevStack.DEMO_PASSWORD);
        assertThat(api.get("/v1/me", tokens.accessToken()).status()).isEqualTo(200);
        assertThat(DevStack.ensureDemoAccount(local.api().baseUri())).isEqualTo("already there");
    }

    @Test
    void publicConfigIsAllAFrontendNeedsToLogIn() {
        ApiResult config = api.get("/v1/public/config", null);
        assertThat(config.status()).as("%s", config).isEqualTo(200);
        String region = config.field("region");
        String poolId = config.field("userPoolId");
        assertThat(region).isEqualTo(local.stack().region());
        assertThat(poolId).isEqualTo(local.userPoolId());
        assertThat(config.field("clientId")).isEqualTo(local.clientId());
        assertThat(config.field("issuer")).isEqualTo("https://cognito-idp." + region + ".amazonaws.com/" + poolId);
        assertThat(config.field("cognitoEndpoint")).isEqualTo(local.stack().endpoint().orElseThrow().toString());

        TestUser owner = users.signUpAndLogin(Plan.S);
        // A client built only from the public config, the way the web app does it.
        AwsClients fromConfig = new AwsClients(Region.of(region), List.of(), new EndpointResolver(
                Map.of("AWS_ENDPOINT_URL", config.field("cognitoEndpoint"))));
        try (CognitoIdentityProviderClient cognito = fromConfig.cognito()) {
            AuthenticationResultType tokens = cognito.initiateAuth(b -> b.clientId(config.field("clientId"))
                    .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                    .authParameters(Map.of("USERNAME", owner.email(), "PASSWORD", owner.password())))
                    .authenticationResult();
            assertThat(TestTokens.claimsOf(tokens.accessToken())).containsEntry("iss", config.field("issuer"));
            assertThat(api.get("/v1/me", tokens.accessToken()).status()).isEqualTo(200);
        } finally {
            fromConfig.httpClient().close();
        }
    }

    @Test
    void secondSignUpWithTheSameEmailIsEmailTaken() {
        String email = TestUsers.uniqueEmail();
        assertThat(api.post("/v1/signup", signupBody(email), null).status()).isEqualTo(202);
        assertThat(users.confirm(email, users.confirmationCode(email), TestUsers.PASSWORD).status()).isEqualTo(201);

        assertError(api.post("/v1/signup", signupBody(email), null), 409, "EMAIL_TAKEN");
        assertError(api.post("/v1/signup", signupBody(email.toUpperCase()), null), 409, "EMAIL_TAKEN");
    }

    static Stream<Arguments> invalidSignups() {
        return Stream.of(
                invalid("short password", b -> b.put("password", "Short1a"), "WEAK_PASSWORD", "password"),
                invalid("password without digit", b -> b.put("password", "NoDigitsAtAllHere"), "WEAK_PASSWORD",
                        "password"),
                invalid("bad email", b -> b.put("email", "not-an-email"), "VALIDATION_FAILED", "email"),
                invalid("unknown plan", b -> b.put("plan", "XXL"), "VALIDATION_FAILED", "plan"),
                invalid("bad time zone", b -> b.put("timeZone", "Mars/Olympus_Mons"), "VALIDATION_FAILED",
                        "timeZone"),
                invalid("missing practice name", b -> b.remove("practiceName"), "VALIDATION_FAILED",
                        "practiceName"),
                invalid("unknown field", b -> b.put("referral", "friend"), "VALIDATION_FAILED", "referral"));
    }

    private static Arguments invalid(String name, java.util.function.Consumer<Map<String, Object>> change,
                                     String code, String field) {
        return Arguments.of(name, change, code, field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSignups")
    void invalidSignUpIs422NamingTheFieldAndLeavesNothingBehind(String name,
            java.util.function.Consumer<Map<String, Object>> change, String code, String field) {
        String email = TestUsers.uniqueEmail();
        Map<String, Object> body = signupBody(email);
        change.accept(body);

        assertValidationError(api.post("/v1/signup", body, null), code, field);

        assertNothingLeftFor(email);
    }

    @Test
    void malformedJsonIs422() {
        String email = TestUsers.uniqueEmail();
        ApiResult result = api.post("/v1/signup", "{\"email\": \"" + email + "\", \"password\": ", null);
        assertValidationError(result, "MALFORMED_JSON", null);
        assertValidationError(api.post("/v1/signup", "[1, 2]", null), "MALFORMED_JSON", null);
        assertNothingLeftFor(email);
    }

    private void assertNothingLeftFor(String email) {
        assertThatThrownBy(() -> local.cognito().adminGetUser(b -> b.userPoolId(local.userPoolId()).username(email)))
                .as("no Cognito user for %s", email).isInstanceOf(UserNotFoundException.class);
        List<Map<String, AttributeValue>> items = local.dynamo().scanPaginator(b -> b.tableName(local.tableName())
                        .filterExpression("email = :email")
                        .expressionAttributeValues(Map.of(":email", AttributeValue.fromS(email))))
                .items().stream().toList();
        assertThat(items).as("no items for %s", email).isEmpty();
    }

    @Test
    void ownerChangesPlan() {
        TestUser owner = users.signUpAndLogin(Plan.S);
        for (String plan : List.of("M", "L", "L")) {
            ApiResult changed = api.put("/v1/account/plan", Map.of("plan", plan), owner.accessToken());
            assertThat(changed.status()).as("%s", changed).isEqualTo(200);
            assertThat(changed.field("plan")).isEqualTo(plan);
            assertThat(api.get("/v1/me", owner.accessToken()).field("plan")).isEqualTo(plan);
        }
        assertValidationError(api.put("/v1/account/plan", Map.of("plan", "Gold"), owner.accessToken()),
                "VALIDATION_FAILED", "plan");
        assertValidationError(api.put("/v1/account/plan", Map.of(), owner.accessToken()), "VALIDATION_FAILED", "plan");
        assertThat(api.get("/v1/me", owner.accessToken()).field("plan")).isEqualTo("L");
    }

    static Stream<Arguments> invalidTokens() {
        return Stream.of(
                Arguments.of("expired", (Function<TestUser, String>) u -> TestTokens.expired(u.accessToken())),
                Arguments.of("signed with another key",
                        (Function<TestUser, String>) u -> TestTokens.signedWithAnotherKey(u.accessToken())),
                Arguments.of("access token for another client",
                        (Function<TestUser, String>) u -> TestTokens.withWrongAudience(u.accessToken())),
                Arguments.of("id token for another client",
                        (Function<TestUser, String>) u -> TestTokens.withWrongAudience(u.idToken())),
                Arguments.of("another issuer", (Function<TestUser, String>) u -> TestTokens.withIssuer(
                        u.accessToken(), "https://cognito-idp.eu-central-1.amazonaws.com/eu-central-1_other")),
                Arguments.of("not yet valid", (Function<TestUser, String>) u -> TestTokens.notYetValid(u.accessToken())),
                Arguments.of("garbage", (Function<TestUser, String>) u -> "not.a.jwt"),
                Arguments.of("missing", (Function<TestUser, String>) u -> null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidTokens")
    void theGatewayRefusesInvalidTokens(String name, Function<TestUser, String> tokenOf) {
        TestUser owner = users.signUpAndLogin(Plan.S);
        assertThat(api.get("/v1/me", TestTokens.resigned(owner.accessToken(), c -> { })).status())
                .as("control: a re-signed but unchanged token is accepted").isEqualTo(200);

        ApiResult result = api.get("/v1/me", tokenOf.apply(owner));

        assertGatewayMessage(result, 401, "Unauthorized");
        assertThat(result.header("www-authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));
    }

    @Test
    void unknownRoutesAreTheGatewaysNotFound() {
        TestUser owner = users.signUpAndLogin(Plan.S);
        assertGatewayMessage(api.get("/v1/nothing-here", owner.accessToken()), 404, "Not Found");
        assertGatewayMessage(api.patch("/v1/me", Map.of(), owner.accessToken()), 404, "Not Found");
        assertGatewayMessage(api.get("/v1/me/", owner.accessToken()), 404, "Not Found");
    }
}
