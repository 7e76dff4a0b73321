package com.practicecal.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./dev up}: provisions the stack from template.yaml on the local endpoint, serves the API, runs the event
 * sources (streams, queues) in the background, makes sure a demo practice exists and prints how to log in. Re-running against the same moto reuses what exists. Runs until
 * interrupted; the data stays in moto until moto stops.
 */
public final class DevStack {
    static final String DEMO_EMAIL = "demo@practice.test";
    /** Meets PasswordPolicy (length, upper, lower, digit); it is a throw-away local account. */
    static final String DEMO_PASSWORD = "DemoPractice2024";
    static final String DEMO_PLAN = "M";
    /** A message a function rejected comes back after this long (AWS: the queue's visibility timeout). */
    static final int EVENT_RETRY_DELAY_SECONDS = 10;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private DevStack() {
    }

    public static void main(String[] args) throws Exception {
        String stackName = env("STACK_NAME", "dev");
        int port = Integer.parseInt(env("API_PORT", "3000"));

        Running running = start(stackName, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.close();
            stopped.countDown();
        }, "dev-stack-shutdown"));

        String demo = ensureDemoAccount(running.api().baseUri());
        System.out.println(banner(running.stack(), running.api().baseUri(), demo));
        stopped.await();
    }

    /** The provisioned stack, its API (serving the built app from frontend/dist) and its event sources. */
    public record Running(ProvisionedStack stack, LocalApi api, EventSources events) implements AutoCloseable {
        @Override
        public void close() {
            try {
                events.close();
            } finally {
                try {
                    api.close();
                } finally {
                    stack.close();
                }
            }
        }
    }

    /** Provisions (or reuses) the stack and serves API and app on the port (0: a free one). */
    public static Running start(String stackName, int port) {
        ProvisionedStack stack = TemplateProvisioner.fromEnvironment(SamTemplate.load()).provision(stackName);
        LocalApi api;
        try {
            api = LocalApi.builder(stack).port(port)
                    .app(stack.template().root().resolve("frontend").resolve("dist"), cognitoOrigin(stack))
                    .start();
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        try {
            // Streams and queues feed their functions in the background, as event source mappings do in AWS.
            EventSources events = EventSources.create(stack, api.applicationContext(), EVENT_RETRY_DELAY_SECONDS)
                    .startBackground(Duration.ofSeconds(1));
            return new Running(stack, api, events);
        } catch (RuntimeException e) {
            api.close();
            stack.close();
            throw e;
        }
    }

    /** Where the browser logs in (InitiateAuth): the local endpoint, or AWS's Cognito in the region. */
    static String cognitoOrigin(ProvisionedStack stack) {
        return stack.endpoint().map(URI::toString).map(u -> u.replaceAll("/+$", ""))
                .orElse("https://cognito-idp." + stack.region() + ".amazonaws.com");
    }

    /**
     * Signs the demo practice up through the API itself and confirms it with the code moto's Cognito generated (read
     * through the local gateway's {@code /_local/confirmation-code}), so it can log in at once; 409 means it exists
     * from an earlier run.
     */
    static String ensureDemoAccount(URI api) throws IOException, InterruptedException {
        HttpResponse<String> signup = post(api, "/v1/signup", Map.of("email", DEMO_EMAIL, "password", DEMO_PASSWORD,
                "practiceName", "Demo Practice", "plan", DEMO_PLAN));
        if (signup.statusCode() == 409) {
            return "already there";
        }
        if (signup.statusCode() != 202) {
            return "sign-up failed with HTTP " + signup.statusCode() + " " + errorCode(signup.body());
        }
        HttpResponse<String> code = HTTP.send(HttpRequest.newBuilder(api.resolve(LocalConfirmationCodes.PATH
                        + "?email=" + java.net.URLEncoder.encode(DEMO_EMAIL, java.nio.charset.StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (code.statusCode() != 200) {
            return "signed up, but no confirmation code found (HTTP " + code.statusCode() + ")";
        }
        HttpResponse<String> confirm = post(api, "/v1/signup/confirm", Map.of("email", DEMO_EMAIL,
                "code", JSON.readTree(code.body()).path("code").asText(), "password", DEMO_PASSWORD));
        return confirm.statusCode() == 201 ? "created and confirmed"
                : "confirmation failed with HTTP " + confirm.statusCode() + " " + errorCode(confirm.body());
    }

    private static HttpResponse<String> post(URI api, String path, Map<String, String> body)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(api.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String errorCode(String body) {
        try {
            JsonNode code = JSON.readTree(body).path("error").path("code");
            return code.isMissingNode() ? "" : code.asText();
        } catch (IOException notJson) {
            return "";
        }
    }

    static String banner(ProvisionedStack stack, URI api, String demoStatus) {
        String poolId = stack.physicalId("UserPool");
        String clientId = stack.physicalId("UserPoolClient");
        String cognito = stack.endpoint().map(URI::toString)
                .orElse("https://cognito-idp." + stack.region() + ".amazonaws.com").replaceAll("/+$", "") + "/";
        String initiateAuth = "{\"AuthFlow\":\"USER_PASSWORD_AUTH\",\"ClientId\":\"" + clientId + "\","
                + "\"AuthParameters\":{\"USERNAME\":\"" + DEMO_EMAIL + "\",\"PASSWORD\":\"" + DEMO_PASSWORD + "\"}}";
        return String.join("\n",
                "",
                "practicecal local stack '" + stack.name() + "' is up",
                "  App         " + api + "/   (open it in a browser; log in with the demo login below)",
                "  API         " + api + "/v1/...   (OpenAPI: " + api.resolve(LocalApi.OPENAPI_PATH) + ")",
                "  AWS         " + stack.endpoint().map(URI::toString).orElse("AWS") + "   region " + stack.region(),
                "  Table       " + stack.physicalId("MainTable"),
                "  User pool   " + poolId + "   app client " + clientId,
                "  Demo login  " + DEMO_EMAIL + " / " + DEMO_PASSWORD + "   (plan " + DEMO_PLAN + ", " + demoStatus + ")",
                "",
                "Sign-up codes (POST /v1/signup, then POST /v1/signup/confirm {email, code, password}) are printed",
                "in moto's log (target/moto.log, lines 'cognito: confirmation code ...') and answered by",
                "  curl -s '" + api.resolve(LocalConfirmationCodes.PATH) + "?email=<address>'",
                "",
                "Log in through Cognito and call the API:",
                "  TOKEN=$(curl -s -X POST " + cognito + " \\",
                "    -H 'Content-Type: application/x-amz-json-1.1' \\",
                "    -H 'X-Amz-Target: AWSCognitoIdentityProviderService.InitiateAuth' \\",
                "    -d '" + initiateAuth + "' \\",
                "    | python3 -c 'import json,sys; print(json.load(sys.stdin)[\"AuthenticationResult\"][\"AccessToken\"])')",
                "  curl -s -H \"Authorization: Bearer $TOKEN\" " + api.resolve("/v1/me"),
                "",
                "Ctrl-C stops the API.",
                "");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
