package com.practicecal.local.client;

import static com.practicecal.local.Times.berlin;
import static com.practicecal.local.Urls.enc;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.practicecal.local.ApiResult;
import com.practicecal.local.EventSources;
import com.practicecal.local.LocalStack;
import com.practicecal.local.LocalStackIT;
import com.practicecal.local.TestUser;
import com.practicecal.shared.auth.Principal;
import com.practicecal.shared.plan.Plan;
import com.practicecal.shared.webhook.CreateWebhookRequest;
import com.practicecal.shared.webhook.WebhookService;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The data subject's rights on the local stack with the audit pipeline and webhook delivery running: the export
 * holds everything, the erasure leaves no trace of the client's contact data and notes in the main table, the
 * outbox events (the queues' message bodies), the audit table or the webhook payloads, while the audit chain
 * still verifies and bookings keep their time and room.
 */
class ClientRightsIT extends LocalStackIT {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static ApplicationContext pipelineContext;
    private static EventSources pipeline;
    private static HttpServer receiver;
    private static final List<String> received = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startPipeline() throws IOException {
        Map<String, Object> properties = new HashMap<>(LocalStack.shared().stack().settings());
        properties.put("webhooks.allow-loopback-http", "true");
        pipelineContext = ApplicationContext.builder().properties(properties).start();
        pipeline = EventSources.create(LocalStack.shared().stack(), pipelineContext, 1).fromNow();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stopPipeline() {
        receiver.stop(0);
        pipeline.close();
        pipelineContext.close();
    }

    private record Practice(TestUser owner, String room, String client, String email, String phone, String lastName) {
    }

    private Practice practice(String email, String phone) {
        TestUser owner = users.signUpAndLogin(Plan.M);
        String room = api.post("/v1/rooms", Map.of("name", "Raum"), owner.accessToken()).field("id");
        String lastName = "Tilgungs" + suffix();
        ApiResult client = api.post("/v1/clients", Map.of("firstName", "Erika", "lastName", lastName,
                "email", email, "phone", phone, "birthDate", "1979-03-02", "notes", "Stammdaten-Notiz " + suffix()),
                owner.accessToken());
        assertThat(client.status()).as("%s", client).isEqualTo(201);
        return new Practice(owner, room, client.field("id"), email, phone, lastName);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A confirmed appointment that is over by the time the test goes on (starts in 2 s, lasts 2 s). */
    private String pastBooking(Practice p) throws InterruptedException {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(2);
        ApiResult booked = api.post("/v1/bookings", Map.of("roomId", p.room, "start", start.toString(),
                "end", start.plusSeconds(2).toString(), "clientId", p.client), p.owner.accessToken(),
                "Idempotency-Key", "past-" + suffix()); // its stored response names the client until erased
        assertThat(booked.status()).as("%s", booked).isEqualTo(201);
        Thread.sleep(Duration.between(Instant.now(), start.plusSeconds(3)).toMillis());
        return booked.field("id");
    }

    private String futureBooking(Practice p, int days, int hour) {
        LocalDate day = LocalDate.now(BERLIN).plusDays(days);
        ApiResult booked = api.post("/v1/bookings", Map.of("roomId", p.room, "start", berlin(day, hour),
                "end", berlin(day, hour + 1), "clientId", p.client), p.owner.accessToken());
        assertThat(booked.status()).as("%s", booked).isEqualTo(201);
        return booked.field("id");
    }

    private List<JsonNode> audit(TestUser owner) {
        List<JsonNode> entries = new ArrayList<>();
        String cursor = null;
        do {
            ApiResult page = api.get("/v1/audit?limit=500&from=" + enc("2020-01-01T00:00:00Z")
                    + (cursor == null ? "" : "&cursor=" + cursor), owner.accessToken());
            page.json().path("items").forEach(entries::add);
            cursor = page.field("nextCursor");
        } while (cursor != null);
        return entries;
    }

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

    private Set<String> actions(TestUser owner) {
        Set<String> actions = new TreeSet<>();
        audit(owner).forEach(e -> actions.add(e.path("action").asText() + ":" + e.path("target").path("id").asText()));
        return actions;
    }

    @Test
    void theExportHoldsEverythingAboutTheClient() throws Exception {
        Practice p = practice("export.person@private.test", "+49 170 2223334");
        String past = pastBooking(p);
        String future = futureBooking(p, 9, 10);
        assertThat(api.post("/v1/bookings/" + past + "/notes", Map.of("text", "Sitzungsnotiz Export"),
                p.owner.accessToken()).status()).isEqualTo(201);
        String invoice = api.post("/v1/invoices", Map.of("bookingId", past, "amountCents", 12000), p.owner.accessToken())
                .field("id");
        // another client's booking must not appear
        String other = api.post("/v1/clients", Map.of("firstName", "Otto", "lastName", "Anders"), p.owner.accessToken())
                .field("id");
        LocalDate day = LocalDate.now(BERLIN).plusDays(9);
        String othersBooking = api.post("/v1/bookings", Map.of("roomId", p.room, "start", berlin(day, 14),
                "end", berlin(day, 15), "clientId", other), p.owner.accessToken()).field("id");
        // duplicates merged into the record: "older" into "duplicate" first, then "duplicate" into the record
        String older = api.post("/v1/clients", Map.of("firstName", "Erika", "lastName", "Doppelt"), p.owner.accessToken())
                .field("id");
        String duplicate = api.post("/v1/clients", Map.of("firstName", "Erika", "lastName", "Dublette"),
                p.owner.accessToken()).field("id");
        String duplicatesBooking = api.post("/v1/bookings", Map.of("roomId", p.room, "start", berlin(day, 16),
                "end", berlin(day, 17), "clientId", duplicate), p.owner.accessToken()).field("id");
        assertThat(api.post("/v1/clients/" + older + "/merge", Map.of("intoId", duplicate), p.owner.accessToken())
                .status()).isEqualTo(200);
        assertThat(api.post("/v1/clients/" + duplicate + "/merge", Map.of("intoId", p.client), p.owner.accessToken())
                .status()).isEqualTo(200);
        await("audit entries", () -> actions(p.owner).containsAll(List.of("client.created:" + p.client,
                "booking.created:" + past, "booking.created:" + future, "invoice.created:" + invoice,
                "client.merged:" + older, "client.merged:" + duplicate)));

        ApiResult export = api.get("/v1/clients/" + p.client + "/export", p.owner.accessToken());
        assertThat(export.status()).as("%s", export).isEqualTo(200);
        JsonNode doc = export.json();
        assertThat(doc.path("client").path("email").asText()).isEqualTo(p.email);
        assertThat(doc.path("client").path("phone").asText()).isEqualTo(p.phone);
        assertThat(doc.path("client").path("birthDate").asText()).isEqualTo("1979-03-02");
        assertThat(doc.path("client").path("notes").asText()).startsWith("Stammdaten-Notiz");
        List<String> bookings = new ArrayList<>();
        doc.path("bookings").forEach(b -> bookings.add(b.path("id").asText()));
        assertThat(bookings).containsExactly(past, future, duplicatesBooking).doesNotContain(othersBooking);
        assertThat(doc.path("notes")).hasSize(1);
        assertThat(doc.path("notes").get(0).path("text").asText()).isEqualTo("Sitzungsnotiz Export");
        assertThat(doc.path("invoices")).hasSize(1);
        assertThat(doc.path("invoices").get(0).path("id").asText()).isEqualTo(invoice);
        assertThat(doc.path("invoices").get(0).path("amountCents").asLong()).isEqualTo(12000);
        Set<String> exported = new TreeSet<>();
        doc.path("auditEntries").forEach(e -> {
            exported.add(e.path("action").asText() + ":" + e.path("targetId").asText());
            assertThat(e.path("actorUserId").asText()).isEqualTo(p.owner.userId());
            assertThat(e.path("at").asText()).isNotEmpty();
        });
        String noteId = doc.path("notes").get(0).path("id").asText();
        assertThat(exported).contains("client.created:" + p.client, "booking.created:" + past,
                "booking.created:" + future, "invoice.created:" + invoice, "note.created:" + noteId);
        // the merged records' own entries (created, merged) belong to the client's history too
        assertThat(exported).contains("client.created:" + duplicate, "client.merged:" + duplicate,
                "client.created:" + older, "client.merged:" + older, "booking.created:" + duplicatesBooking);
        List<String> mergedFrom = new ArrayList<>();
        doc.path("mergedFrom").forEach(m -> mergedFrom.add(m.asText()));
        assertThat(mergedFrom).containsExactlyInAnyOrder(duplicate, older);
        assertThat(exported).noneMatch(a -> a.endsWith(othersBooking) || a.endsWith(other));
        await("client.exported in the audit trail", () -> actions(p.owner).contains("client.exported:" + p.client));

        TestUser stranger = users.signUpAndLogin(Plan.M);
        assertThat(api.get("/v1/clients/" + p.client + "/export", stranger.accessToken()).status()).isEqualTo(404);
    }

    @Test
    void erasureLeavesNoTraceButTimesRoomsQuotaAndAVerifiableAuditTrail() throws Exception {
        String email = "erase.me." + suffix() + "@private.test";
        String phone = "+49 170 " + (1_000_000 + (int) (Math.random() * 8_000_000));
        String noteText = "Vertrauliche Sitzungsnotiz " + suffix();
        Practice p = practice(email, phone);
        String hookPath = "/hooks/" + p.owner.accountId();
        pipelineContext.getBean(WebhookService.class).create(new Principal(p.owner.userId(), p.owner.email()),
                new CreateWebhookRequest("http://127.0.0.1:" + receiver.getAddress().getPort() + hookPath,
                        List.of("booking.created", "booking.moved", "booking.cancelled")), "it");

        String past = pastBooking(p);
        assertThat(api.post("/v1/bookings/" + past + "/notes", Map.of("text", noteText), p.owner.accessToken()).status())
                .isEqualTo(201);
        ApiResult invoice = api.post("/v1/invoices", Map.of("bookingId", past, "amountCents", 9000,
                "recipientName", "Erika Rechnungsempfängerin", "recipientEmail", email), p.owner.accessToken());
        assertThat(invoice.status()).as("%s", invoice).isEqualTo(201);
        // an online booking by the same person, merged into the record, then cancelled by the practice
        Map<String, Object> hours = new LinkedHashMap<>();
        for (String d : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            hours.put(d, List.of(Map.of("from", "08:00", "to", "18:00")));
        }
        assertThat(api.put("/v1/settings/booking", Map.of("workingHours", hours, "services", List.of(Map.of("id", "s",
                "name", "Sitzung", "durationMinutes", 50))), p.owner.accessToken()).status()).isEqualTo(200);
        LocalDate day = LocalDate.now(BERLIN).plusDays(8);
        // booked online under another address than the record's (the merge keeps the record's): its counter,
        // keyed by that address's hash, must go too
        String onlineEmail = "erika.online." + suffix() + "@private.test";
        String onlineName = "Erika Onlinebucherin" + suffix();
        String onlineKey = "online-" + suffix();
        Map<String, Object> onlineRequest = Map.of("serviceId", "s", "start", berlin(day, 9),
                "client", Map.of("name", onlineName, "email", onlineEmail, "phone", phone));
        ApiResult online = api.post("/v1/public/therapists/" + p.owner.accountId() + "/bookings", onlineRequest, null,
                "Idempotency-Key", onlineKey);
        assertThat(online.status()).as("%s", online).isEqualTo(201);
        String onlineBooking = online.field("bookingId") != null ? online.field("bookingId") : online.field("id");
        String onlineClient = api.get("/v1/bookings/" + onlineBooking, p.owner.accessToken()).field("clientId");
        assertThat(api.post("/v1/clients/" + onlineClient + "/merge", Map.of("intoId", p.client), p.owner.accessToken())
                .status()).isEqualTo(200);
        String future = futureBooking(p, 10, 15);
        ApiResult moved = api.patch("/v1/bookings/" + future, Map.of("start", berlin(LocalDate.now(BERLIN).plusDays(10), 16),
                "end", berlin(LocalDate.now(BERLIN).plusDays(10), 17)), p.owner.accessToken(), "Idempotency-Key",
                "move-" + suffix());
        assertThat(moved.status()).as("%s", moved).isEqualTo(200);

        // future appointments: refused, nothing changed
        ApiResult refused = api.delete("/v1/clients/" + p.client, p.owner.accessToken());
        assertThat(refused.status()).as("%s", refused).isEqualTo(409);
        assertThat(refused.errorCode()).isEqualTo("CLIENT_HAS_FUTURE_BOOKINGS");
        assertThat(api.get("/v1/clients/" + p.client, p.owner.accessToken()).field("email")).isEqualTo(email);
        assertThat(api.delete("/v1/bookings/" + onlineBooking, p.owner.accessToken()).status()).isEqualTo(204);
        assertThat(api.delete("/v1/bookings/" + future, p.owner.accessToken()).status()).isEqualTo(204);
        JsonNode pastBefore = api.get("/v1/bookings/" + past, p.owner.accessToken()).json();
        long bookedBefore = quota(p.owner, pastBefore);
        await("webhooks delivered", () -> deliveredFor(past) && deliveredFor(onlineBooking) && deliveredFor(future));

        // a staff member or another practice cannot erase; the owner can
        TestUser stranger = users.signUpAndLogin(Plan.M);
        assertThat(api.delete("/v1/clients/" + p.client, stranger.accessToken()).status()).isEqualTo(404);
        ApiResult erased = api.delete("/v1/clients/" + p.client, p.owner.accessToken());
        assertThat(erased.status()).as("%s", erased).isEqualTo(204);
        await("client.erased in the audit trail", () -> actions(p.owner).contains("client.erased:" + p.client));
        pipeline.drain(Duration.ofSeconds(60));

        // the record is gone, the bookings keep time and room without any client data
        assertThat(api.get("/v1/clients/" + p.client, p.owner.accessToken()).status()).isEqualTo(404);
        assertThat(api.get("/v1/clients?query=erika", p.owner.accessToken()).json().path("items")).isEmpty();
        JsonNode pastAfter = api.get("/v1/bookings/" + past, p.owner.accessToken()).json();
        assertThat(pastAfter.path("start").asText()).isEqualTo(pastBefore.path("start").asText());
        assertThat(pastAfter.path("roomId").asText()).isEqualTo(p.room);
        assertThat(pastAfter.path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(pastAfter.path("client").path("erased").asBoolean()).isTrue();
        assertThat(pastAfter.has("clientId")).isFalse();
        assertThat(quota(p.owner, pastAfter)).as("quota unchanged").isEqualTo(bookedBefore);
        assertThat(api.get("/v1/bookings/" + past + "/notes", p.owner.accessToken()).json().path("items")).isEmpty();
        JsonNode invoices = api.get("/v1/invoices", p.owner.accessToken()).json().path("items");
        assertThat(invoices).hasSize(1);
        assertThat(invoices.get(0).path("restricted").asBoolean()).isTrue();
        assertThat(invoices.get(0).path("recipientName").asText()).isEqualTo("Erika Rechnungsempfängerin");
        assertThat(invoices.get(0).has("recipientEmail")).isFalse();
        // repeating the erasure finishes an interrupted one and changes nothing more
        assertThat(api.delete("/v1/clients/" + p.client, p.owner.accessToken()).status()).isEqualTo(204);
        // the online booking's stored response is gone: a retry with its key is refused, not booked again
        ApiResult retried = api.post("/v1/public/therapists/" + p.owner.accountId() + "/bookings", onlineRequest, null,
                "Idempotency-Key", onlineKey);
        assertThat(retried.status()).as("%s", retried).isEqualTo(422);
        assertThat(retried.errorCode()).isEqualTo("IDEMPOTENCY_KEY_REUSED");

        // no trace anywhere: the whole main table (records, bookings, agendas, outbox = queue bodies, deliveries)
        // (idempotency records, online counters keyed by the emails' hashes): no email, hash, phone, name or note
        String lastName = api.get("/v1/bookings/" + past, p.owner.accessToken()).json().path("client").path("lastName")
                .asText("");
        List<String> needles = List.of(email, onlineEmail, sha256(email), sha256(onlineEmail), phone,
                noteText.toLowerCase(Locale.ROOT), p.lastName.toLowerCase(Locale.ROOT), onlineName.toLowerCase(Locale.ROOT));
        assertThat(lastName).as("the booking's client after erasure").isEmpty();
        List<String> traces = new ArrayList<>();
        int idempotencyRecords = 0;
        for (Map<String, AttributeValue> item : scan(local.tableName())) {
            String text = item.toString().toLowerCase(Locale.ROOT);
            if (needles.stream().anyMatch(text::contains)) {
                traces.add(item.get("PK") + " " + item.get("SK"));
            }
            if (item.get("PK").s().startsWith("IDEMPOTENCY#" + p.owner.userId())
                    || item.get("PK").s().startsWith("IDEMPOTENCY#public:" + p.owner.accountId())
                    || item.get("PK").s().contains(onlineKey)) {
                idempotencyRecords++;
            }
        }
        assertThat(idempotencyRecords).as("idempotency records of this test (kept, neutralised)").isGreaterThanOrEqualTo(3);
        assertThat(traces).as("items still holding the client's data").isEmpty();
        String auditTable = (String) LocalStack.shared().stack().settings().get("audit.table.name");
        assertThat(scan(auditTable)).noneMatch(i -> i.toString().contains(email) || i.toString().contains(phone));
        assertThat(received).as("webhook payloads").isNotEmpty()
                .noneMatch(b -> b.contains(email) || b.contains(onlineEmail) || b.contains(phone) || b.contains("Erika")
                        || b.contains(p.lastName));

        ApiResult verify = api.get("/v1/audit/verify?from=" + enc("2020-01-01T00:00:00Z"), p.owner.accessToken());
        assertThat(verify.status()).as("%s", verify).isEqualTo(200);
        assertThat(verify.json().path("ok").asBoolean()).as("%s", verify).isTrue();
    }

    /** As the online-booking counter keys an address: SHA-256 of the lower-cased address, hex. */
    private static String sha256(String email) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(email.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean deliveredFor(String bookingId) {
        return received.stream().anyMatch(b -> b.contains(bookingId));
    }

    /** The month's booked count as stored (the quota item), for the booking's month. */
    private long quota(TestUser owner, JsonNode booking) {
        String month = OffsetDateTime.parse(booking.path("start").asText()).atZoneSameInstant(BERLIN).toLocalDate()
                .toString().substring(0, 7);
        var items = local.dynamo().query(b -> b.tableName(local.tableName()).keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("ACCOUNT#" + owner.accountId())))).items();
        return items.stream().filter(i -> i.get("SK").s().contains(month)).filter(i -> i.containsKey("booked"))
                .mapToLong(i -> Long.parseLong(i.get("booked").n())).sum();
    }

    private List<Map<String, AttributeValue>> scan(String table) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            final Map<String, AttributeValue> from = start;
            var page = local.dynamo().scan(b -> {
                b.tableName(table);
                if (from != null) {
                    b.exclusiveStartKey(from);
                }
            });
            items.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return items;
    }
}
