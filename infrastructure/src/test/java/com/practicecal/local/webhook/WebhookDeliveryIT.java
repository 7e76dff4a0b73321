package com.practicecal.local.webhook;

import static com.practicecal.local.Times.berlin;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.practicecal.local.ApiResult;
import com.practicecal.local.EventSources;
import com.practicecal.local.LocalStack;
import com.practicecal.local.LocalStackIT;
import com.practicecal.local.TestUser;
import com.practicecal.shared.auth.Principal;
import com.practicecal.shared.json.Json;
import com.practicecal.shared.plan.Plan;
import com.practicecal.shared.webhook.CreateWebhookRequest;
import com.practicecal.shared.webhook.WebhookService;
import com.practicecal.shared.webhook.WebhookView;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Webhook delivery end to end on the local endpoint: API → outbox → stream → integration queue → dispatcher →
 * delivery queue (SQS delays) → sender → a real HTTP receiver on 127.0.0.1 that checks every signature with an
 * independent Standard Webhooks implementation. The pipeline runs in its own context with a shortened schedule and
 * {@code webhooks.allow-loopback-http=true}; the API's context keeps production rules.
 */
class WebhookDeliveryIT extends LocalStackIT {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** 7 attempts; the 2 s wait exceeds the 1 s max queue delay, so it goes through a notBefore re-enqueue. */
    private static final String DELAYS = "1s,1s,2s,1s,1s,1s";
    private static final Duration DISABLE_AFTER = Duration.ofSeconds(6);
    private static ApplicationContext pipelineContext;
    private static EventSources pipeline;
    private static Receiver receiver;

    @BeforeAll
    static void startPipeline() {
        Map<String, Object> properties = new HashMap<>(LocalStack.shared().stack().settings());
        properties.put("webhooks.allow-loopback-http", "true");
        properties.put("webhooks.retry-delays", DELAYS);
        properties.put("webhooks.retry-jitter", "0");
        properties.put("webhooks.disable-after", DISABLE_AFTER.toSeconds() + "s");
        properties.put("webhooks.max-queue-delay", "1s");
        properties.put("webhooks.timeout", "5s");
        pipelineContext = ApplicationContext.builder().properties(properties).start();
        // earlier test classes' events are not this test's business: start the stream from now
        pipeline = EventSources.create(LocalStack.shared().stack(), pipelineContext, 1).fromNow();
        pipeline.drain(Duration.ofSeconds(60)); // whatever an earlier pipeline left in the queues
        receiver = new Receiver();
    }

    @AfterAll
    static void stopPipeline() {
        receiver.close();
        pipeline.close();
        pipelineContext.close();
    }

    @Test
    void everyDeliveryIsSignedAndTamperedOrStaleRequestsFailVerification() throws Exception {
        TestUser owner = users.signUpAndLogin(Plan.M);
        WebhookView hook = register(owner, "/ok/" + owner.accountId(), List.of("booking.created", "booking.moved",
                "booking.cancelled"));
        String room = room(owner);
        ApiResult booking = api.post("/v1/bookings", booking(room, 60, 9), owner.accessToken());
        assertThat(booking.status()).isEqualTo(201);
        String bookingId = booking.field("id");
        assertThat(api.patch("/v1/bookings/" + bookingId, Map.of("start", at(60, 10), "end", at(60, 11)),
                owner.accessToken()).status()).isEqualTo(200);
        assertThat(api.delete("/v1/bookings/" + bookingId, owner.accessToken()).status()).isEqualTo(204);

        List<JsonNode> deliveries = awaitDeliveries(owner, hook.id(), 3, "SUCCEEDED");
        assertThat(deliveries).allSatisfy(d -> {
            assertThat(d.path("attempts").asInt()).isEqualTo(1);
            assertThat(d.path("lastResponseCode").asInt()).isEqualTo(204);
            assertThat(d.has("nextRetryAt")).isFalse();
        });
        List<Receiver.Received> got = receiver.at("/ok/" + owner.accountId());
        assertThat(got).hasSize(3);
        for (Receiver.Received r : got) {
            assertThat(StandardWebhooksVerifier.verify(hook.secret(), r.headers(), r.body(), r.receivedAtEpochSeconds()))
                    .as("signature of %s", r.id()).isTrue();
            assertThat(r.headers().get("content-type")).isEqualTo("application/json");
            assertThat(r.body()).doesNotContain("Client ").doesNotContain("client@example.org");
        }
        assertThat(got).extracting(r -> Json.tree(r.body()).path("type").asText())
                .containsExactlyInAnyOrder("booking.created", "booking.moved", "booking.cancelled");
        JsonNode created = got.stream().map(r -> Json.tree(r.body()))
                .filter(b -> b.path("type").asText().equals("booking.created")).findFirst().orElseThrow();
        assertThat(created.path("data").path("bookingId").asText()).isEqualTo(bookingId);
        assertThat(created.path("data").path("roomId").asText()).isEqualTo(room);
        assertThat(created.path("data").path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(Instant.parse(created.path("data").path("start").asText()))
                .isEqualTo(ZonedDateTime.parse(at(60, 9)).toInstant());
        assertThat(deliveries).extracting(d -> d.path("id").asText())
                .containsExactlyInAnyOrderElementsOf(got.stream().map(Receiver.Received::id).toList());

        Receiver.Received sample = got.get(0);
        String tampered = sample.body().replace(bookingId, bookingId.substring(1) + "x");
        assertThat(StandardWebhooksVerifier.verify(hook.secret(), sample.headers(), tampered,
                sample.receivedAtEpochSeconds())).as("tampered body").isFalse();
        assertThat(StandardWebhooksVerifier.verify(hook.secret(), sample.headers(), sample.body(),
                sample.receivedAtEpochSeconds() + 10 * 60)).as("stale timestamp").isFalse();
        Map<String, String> retimed = new HashMap<>(sample.headers());
        long shifted = Long.parseLong(sample.headers().get("webhook-timestamp")) + 1;
        retimed.put("webhook-timestamp", Long.toString(shifted));
        assertThat(StandardWebhooksVerifier.verify(hook.secret(), retimed, sample.body(), shifted))
                .as("a changed timestamp breaks the signature").isFalse();
        assertThat(StandardWebhooksVerifier.verify(register(owner, "/ok/other", List.of("booking.created")).secret(),
                sample.headers(), sample.body(), sample.receivedAtEpochSeconds())).as("another secret").isFalse();
    }

    @Test
    void receiverDownForTheFirstAttemptsGetsItOnceAfterwardsAndRedeliveryKeepsTheId() throws Exception {
        TestUser owner = users.signUpAndLogin(Plan.M);
        String path = "/flaky/2/" + owner.accountId();
        WebhookView hook = register(owner, path, List.of("booking.created"));
        assertThat(api.post("/v1/bookings", booking(room(owner), 61, 9), owner.accessToken()).status()).isEqualTo(201);

        JsonNode delivery = awaitDeliveries(owner, hook.id(), 1, "SUCCEEDED").get(0);
        assertThat(delivery.path("attempts").asInt()).isEqualTo(3);
        assertThat(delivery.path("lastResponseCode").asInt()).isEqualTo(204);
        List<Receiver.Received> got = receiver.at(path);
        assertThat(got).extracting(Receiver.Received::answered).containsExactly(503, 503, 204);
        assertThat(got).extracting(Receiver.Received::id).containsOnly(delivery.path("id").asText());
        for (Receiver.Received r : got) {
            assertThat(StandardWebhooksVerifier.verify(hook.secret(), r.headers(), r.body(), r.receivedAtEpochSeconds()))
                    .isTrue();
        }
        assertThat(got).extracting(r -> r.headers().get("webhook-timestamp")).as("fresh timestamp per attempt")
                .isNotNull();

        ApiResult redeliver = api.post("/v1/webhooks/" + hook.id() + "/deliveries/" + delivery.path("id").asText()
                + "/redeliver", null, owner.accessToken());
        assertThat(redeliver.status()).as("%s", redeliver).isEqualTo(202);
        await("redelivery", () -> receiver.at(path).size() == 4);
        Receiver.Received again = receiver.at(path).get(3);
        assertThat(again.id()).isEqualTo(delivery.path("id").asText());
        assertThat(again.body()).isEqualTo(got.get(2).body());
        assertThat(receiver.processed().keySet().stream().filter(id -> id.equals(again.id()))).hasSize(1);
        JsonNode after = awaitDeliveries(owner, hook.id(), 1, "SUCCEEDED").get(0);
        assertThat(after.path("attempts").asInt()).isEqualTo(4);
    }

    @Test
    void aReceiverThatAlwaysFailsEndsInTheDeadLetterQueueAndTheEndpointIsDisabled() {
        TestUser owner = users.signUpAndLogin(Plan.M);
        String path = "/down/" + owner.accountId();
        WebhookView hook = register(owner, path, List.of("booking.created"));
        assertThat(api.post("/v1/bookings", booking(room(owner), 62, 9), owner.accessToken()).status()).isEqualTo(201);

        JsonNode delivery = awaitDeliveries(owner, hook.id(), 1, "FAILED").get(0);
        assertThat(delivery.path("attempts").asInt()).isBetween(2, 7);
        assertThat(delivery.path("lastResponseCode").asInt()).isEqualTo(500);
        assertThat(delivery.has("nextRetryAt")).isFalse();
        assertThat(receiver.at(path)).hasSize(delivery.path("attempts").asInt())
                .extracting(Receiver.Received::id).containsOnly(delivery.path("id").asText());
        List<Receiver.Received> attempts = receiver.at(path);
        long span = attempts.get(attempts.size() - 1).receivedAtEpochSeconds() - attempts.get(0).receivedAtEpochSeconds();
        assertThat(span).as("the endpoint failed for the disable threshold").isGreaterThanOrEqualTo(DISABLE_AFTER.toSeconds() - 1);

        String dlq = local.stack().physicalId("WebhookDeadLetterQueue");
        List<Message> dead = local.sqs().receiveMessage(b -> b.queueUrl(dlq).maxNumberOfMessages(10)).messages();
        assertThat(dead).anySatisfy(m -> assertThat(m.body()).contains(delivery.path("id").asText()));
        dead.forEach(m -> local.sqs().deleteMessage(b -> b.queueUrl(dlq).receiptHandle(m.receiptHandle())));

        JsonNode listed = api.get("/v1/webhooks", owner.accessToken()).json().path("items").get(0);
        assertThat(listed.path("enabled").asBoolean()).isFalse();
        assertThat(listed.path("disabledByFailures").asBoolean()).isTrue();
        assertThat(listed.has("secret")).isFalse();
        pipeline.drain(Duration.ofSeconds(60));
        ApiResult audit = api.get("/v1/audit?action=webhook.disabled", owner.accessToken());
        assertThat(audit.json().path("items")).as("%s", audit).hasSize(1);
        assertThat(audit.json().path("items").get(0).path("target").path("id").asText()).isEqualTo(hook.id());

        // re-enabling goes through the production API, which checks the URL again and refuses loopback
        ApiResult enabled = api.patch("/v1/webhooks/" + hook.id(), Map.of("enabled", true), owner.accessToken());
        assertThat(enabled.status()).as("%s", enabled).isEqualTo(422); // production API refuses the loopback URL
        assertThat(enabled.errorCode()).isEqualTo("WEBHOOK_URL_REFUSED");
    }

    @Test
    void aRotatedSecretSignsAlongsideThePreviousOneForADay() throws Exception {
        TestUser owner = users.signUpAndLogin(Plan.M);
        String path = "/ok/rotated-" + owner.accountId();
        WebhookView hook = register(owner, path, List.of("booking.created"));
        ApiResult rotated = api.post("/v1/webhooks/" + hook.id() + "/rotate-secret", null, owner.accessToken());
        assertThat(rotated.status()).as("%s", rotated).isEqualTo(200);
        String newSecret = rotated.field("secret");
        assertThat(newSecret).startsWith("whsec_").isNotEqualTo(hook.secret());
        assertThat(Instant.parse(rotated.field("previousSecretExpiresAt")))
                .isBetween(Instant.now().plus(Duration.ofHours(23)), Instant.now().plus(Duration.ofHours(25)));
        assertThat(api.post("/v1/bookings", booking(room(owner), 63, 9), owner.accessToken()).status()).isEqualTo(201);
        awaitDeliveries(owner, hook.id(), 1, "SUCCEEDED");
        Receiver.Received r = receiver.at(path).get(0);
        assertThat(r.headers().get("webhook-signature").split(" ")).hasSize(2);
        assertThat(StandardWebhooksVerifier.verify(newSecret, r.headers(), r.body(), r.receivedAtEpochSeconds())).isTrue();
        assertThat(StandardWebhooksVerifier.verify(hook.secret(), r.headers(), r.body(), r.receivedAtEpochSeconds()))
                .isTrue();
    }

    /** DNS can change after registration: the sender checks the URL again before every attempt. */
    @Test
    void theSenderRefusesAnUrlThatTurnedUnsafeAfterRegistration() {
        TestUser owner = users.signUpAndLogin(Plan.M);
        String path = "/ok/rebound-" + owner.accountId();
        WebhookView hook = register(owner, path, List.of("booking.created"));
        // the host now resolves to loopback (as after a DNS change): only the literal 127.0.0.1 is allowed locally
        local.dynamo().updateItem(b -> b.tableName(local.tableName())
                .key(Map.of("PK", AttributeValue.fromS("ACCOUNT#" + owner.accountId()),
                        "SK", AttributeValue.fromS("WEBHOOK#" + hook.id())))
                .updateExpression("SET #u = :u").expressionAttributeNames(Map.of("#u", "url"))
                .expressionAttributeValues(Map.of(":u", AttributeValue.fromS(receiver.url(path).replace("http://127.0.0.1", "https://localhost")))));
        assertThat(api.post("/v1/bookings", booking(room(owner), 64, 9), owner.accessToken()).status()).isEqualTo(201);
        await("first attempt recorded", () -> {
            JsonNode items = deliveries(owner, hook.id());
            return items.size() == 1 && items.get(0).path("attempts").asInt() >= 1;
        });
        JsonNode delivery = deliveries(owner, hook.id()).get(0);
        assertThat(delivery.path("lastError").asText()).contains("refused").contains("loopback");
        assertThat(delivery.has("lastResponseCode")).isFalse();
        assertThat(receiver.at(path)).isEmpty();
        // stop the retries: delete the endpoint; the pending delivery ends FAILED
        assertThat(api.delete("/v1/webhooks/" + hook.id(), owner.accessToken()).status()).isEqualTo(204);
        await("pending delivery settled", () -> !pending(owner.accountId(), hook.id()));
        assertThat(receiver.at(path)).isEmpty();
    }

    @Test
    void productionModeRefusesUnsafeUrlsWithAClearError() {
        TestUser owner = users.signUpAndLogin(Plan.M);
        for (String url : List.of("http://169.254.169.254/latest/meta-data/", "https://169.254.169.254/latest/meta-data/",
                "http://10.0.0.1/hook", "https://10.0.0.1/hook", "http://[::1]/hook", "https://[::1]/hook",
                "https://localhost/hook", "https://[fd00:ec2::254]/", "https://[::ffff:127.0.0.1]/",
                receiver.url("/ok/x"), "ftp://example.org/")) {
            ApiResult refused = api.post("/v1/webhooks", Map.of("url", url, "events", List.of("booking.created")),
                    owner.accessToken());
            assertThat(refused.status()).as("%s -> %s", url, refused).isEqualTo(422);
            assertThat(refused.errorCode()).as(url).isEqualTo("WEBHOOK_URL_REFUSED");
            assertThat(refused.errorField()).isEqualTo("url");
            assertThat(refused.field("error.message")).as(url).startsWith("url: refused: ");
        }
        assertThat(api.get("/v1/webhooks", owner.accessToken()).json().path("items")).isEmpty();
    }

    @Test
    void ownersManageTheirEndpointsOthersSeeNothing() {
        TestUser owner = users.signUpAndLogin(Plan.M);
        TestUser stranger = users.signUpAndLogin(Plan.M);
        String url = "https://203.0.113.10/hooks/practicecal";
        ApiResult created = api.post("/v1/webhooks", Map.of("url", url, "events", List.of("booking.created")),
                owner.accessToken());
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(created.field("secret")).startsWith("whsec_");
        String id = created.field("id");
        JsonNode listed = api.get("/v1/webhooks", owner.accessToken()).json().path("items");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).has("secret")).as("the secret is shown once").isFalse();
        assertThat(listed.get(0).path("url").asText()).isEqualTo(url);

        ApiResult patched = api.patch("/v1/webhooks/" + id, Map.of("events", List.of("booking.moved", "booking.cancelled")),
                owner.accessToken());
        assertThat(patched.status()).as("%s", patched).isEqualTo(200);
        assertThat(patched.json().path("events")).extracting(JsonNode::asText)
                .containsExactly("booking.moved", "booking.cancelled");
        ApiResult disabled = api.patch("/v1/webhooks/" + id, Map.of("enabled", false), owner.accessToken());
        assertThat(disabled.json().path("enabled").asBoolean()).isFalse();
        assertThat(disabled.json().path("disabledByFailures").asBoolean()).isFalse();
        assertThat(api.patch("/v1/webhooks/" + id, Map.of("events", List.of("booking.exploded")), owner.accessToken())
                .errorField()).isEqualTo("events[0]");
        assertThat(api.patch("/v1/webhooks/" + id, Map.of("events", List.of()), owner.accessToken()).status()).isEqualTo(422);
        assertThat(api.post("/v1/webhooks", Map.of("url", "https://203.0.113.10/" + "x".repeat(2100),
                "events", List.of("booking.created")), owner.accessToken()).errorField()).isEqualTo("url");

        assertThat(api.patch("/v1/webhooks/" + id, Map.of("enabled", true), stranger.accessToken()).status()).isEqualTo(404);
        assertThat(api.delete("/v1/webhooks/" + id, stranger.accessToken()).status()).isEqualTo(404);
        assertThat(api.get("/v1/webhooks/" + id + "/deliveries", stranger.accessToken()).status()).isEqualTo(404);
        assertThat(api.post("/v1/webhooks/" + id + "/rotate-secret", null, stranger.accessToken()).status()).isEqualTo(404);
        assertThat(api.get("/v1/webhooks", stranger.accessToken()).json().path("items")).isEmpty();

        assertThat(api.delete("/v1/webhooks/" + id, owner.accessToken()).status()).isEqualTo(204);
        assertThat(api.delete("/v1/webhooks/" + id, owner.accessToken()).status()).isEqualTo(404);
        pipeline.drain(Duration.ofSeconds(60));
        assertThat(api.get("/v1/audit?targetId=" + id, owner.accessToken()).json().path("items"))
                .extracting(e -> e.path("action").asText())
                .containsExactly("webhook.deleted", "webhook.updated", "webhook.updated", "webhook.created");
    }

    // ---------------------------------------------------------------- helpers

    private WebhookView register(TestUser owner, String path, List<String> events) {
        // through the pipeline's context: the only one allowed to register http://127.0.0.1
        return pipelineContext.getBean(WebhookService.class).create(new Principal(owner.userId(), owner.email()),
                new CreateWebhookRequest(receiver.url(path), events), "it");
    }

    private boolean pending(String accountId, String webhookId) {
        var items = local.dynamo().query(b -> b.tableName(local.tableName())
                .keyConditionExpression("PK = :pk").expressionAttributeValues(Map.of(":pk",
                        AttributeValue.fromS("WEBHOOK#" + webhookId)))).items();
        return items.stream().anyMatch(i -> "PENDING".equals(i.get("deliveryStatus").s()));
    }

    private JsonNode deliveries(TestUser owner, String webhookId) {
        ApiResult result = api.get("/v1/webhooks/" + webhookId + "/deliveries", owner.accessToken());
        assertThat(result.status()).as("%s", result).isEqualTo(200);
        return result.json().path("items");
    }

    private List<JsonNode> awaitDeliveries(TestUser owner, String webhookId, int count, String status) {
        await(count + " " + status + " deliveries", () -> {
            JsonNode items = deliveries(owner, webhookId);
            if (items.size() != count) {
                return false;
            }
            for (JsonNode item : items) {
                if (!item.path("status").asText().equals(status)) {
                    return false;
                }
            }
            return true;
        });
        List<JsonNode> out = new java.util.ArrayList<>();
        deliveries(owner, webhookId).forEach(out::add);
        return out;
    }

    /** Polls the pipeline (which honours SQS delays) until the condition holds. */
    private static void await(String what, BooleanSupplier done) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting for " + what);
            }
            if (pipeline.pollOnce() == 0) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private String room(TestUser owner) {
        ApiResult room = api.post("/v1/rooms", Map.of("name", "Webhook room"), owner.accessToken());
        assertThat(room.status()).isEqualTo(201);
        return room.field("id");
    }

    private static Map<String, Object> booking(String roomId, int daysAhead, int hour) {
        return Map.of("roomId", roomId, "start", at(daysAhead, hour), "end", at(daysAhead, hour + 1),
                "client", Map.of("name", "Client Webhook", "email", "client@example.org"));
    }

    private static String at(int daysAhead, int hour) {
        return berlin(LocalDate.now(BERLIN).plusDays(daysAhead), hour);
    }
}
