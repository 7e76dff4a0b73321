package com.practicecal.local.audit;

import static com.practicecal.local.Times.berlin;
import static com.practicecal.local.Urls.enc;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.practicecal.local.ApiResult;
import com.practicecal.local.EventSources;
import com.practicecal.local.LocalStack;
import com.practicecal.local.LocalStackIT;
import com.practicecal.local.TestUser;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.practicecal.functions.auditwriter.AuditWriterHandler;
import com.practicecal.shared.event.OutboxEvent;
import com.practicecal.shared.json.Json;
import com.practicecal.shared.plan.Plan;
import java.time.Instant;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;

/**
 * The outbox → stream → SQS → audit table pipeline, end to end on the local endpoint: every committed change has
 * exactly one audit entry, in commit order, through outages and redeliveries; tampering is detected.
 */
class AuditPipelineIT extends LocalStackIT {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final FaultInjector faults = new FaultInjector();
    private static ApplicationContext pipelineContext;
    private static EventSources pipeline;

    @BeforeAll
    static void startPipeline() {
        // The relay and audit writer run in their own context so the fault injector reaches only their clients.
        pipelineContext = ApplicationContext.builder().properties(LocalStack.shared().stack().settings())
                .singletons(faults).start();
        // earlier test classes' events are not this test's business: start the stream from now
        pipeline = EventSources.create(LocalStack.shared().stack(), pipelineContext, 1).fromNow();
    }

    @AfterEach
    void heal() {
        faults.heal();
    }

    @AfterAll
    static void stopPipeline() {
        pipeline.close();
        pipelineContext.close();
    }

    /** A scripted working day: ≥ 500 operations over several practices; each committed change, one entry. */
    @Test
    void everyCommittedChangeHasExactlyOneEntryInCommitOrder() {
        List<Practice> practices = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            practices.add(new Practice(users.signUpAndLogin(p % 2 == 0 ? Plan.L : Plan.M)));
        }
        int operations = 0;
        int failedRequests = 0;
        for (Practice practice : practices) {
            for (int r = 0; r < 2; r++) {
                ApiResult room = api.post("/v1/rooms", Map.of("name", "Room " + r), practice.owner.accessToken());
                practice.expect(room, "room.created");
                practice.rooms.add(room.field("id"));
                operations++;
            }
        }
        LocalDate day = LocalDate.now(BERLIN).plusDays(50);
        for (int round = 0; round < 40; round++) {
            for (Practice practice : practices) {
                LocalDate d = day.plusDays(round / 8);
                int hour = 7 + round % 8;
                String room = practice.rooms.get(round % 2);
                ApiResult created = api.post("/v1/bookings", booking(room, d, hour, 0, 45), practice.owner.accessToken());
                practice.expect(created, "booking.created");
                operations++;
                // a clashing booking: refused, must leave no entry
                ApiResult clash = api.post("/v1/bookings", booking(room, d, hour, 15, 30), practice.owner.accessToken());
                assertThat(clash.status()).isEqualTo(409);
                failedRequests++;
                operations++;
                if (round % 3 == 0) {
                    ApiResult moved = api.patch("/v1/bookings/" + created.field("id"),
                            Map.of("roomId", practice.rooms.get((round + 1) % 2)), practice.owner.accessToken());
                    practice.expect(moved, "booking.moved");
                    operations++;
                }
                if (round % 4 == 1) {
                    ApiResult cancelled = api.delete("/v1/bookings/" + created.field("id"), practice.owner.accessToken());
                    assertThat(cancelled.status()).isEqualTo(204);
                    practice.expected.add("booking.cancelled:" + created.field("id"));
                    operations++;
                }
                ApiResult invalid = api.post("/v1/bookings", Map.of("roomId", room), practice.owner.accessToken());
                assertThat(invalid.status()).isEqualTo(422);
                failedRequests++;
                operations++;
            }
        }
        assertThat(operations).isGreaterThanOrEqualTo(500);

        pipeline.drain(Duration.ofSeconds(300)); // 500+ operations; on a loaded shared machine 120 s was not enough

        for (Practice practice : practices) {
            List<JsonNode> entries = auditOf(practice.owner);
            List<String> actual = entries.stream()
                    .filter(e -> !e.path("action").asText().equals("account.created"))
                    .map(e -> e.path("action").asText() + ":" + e.path("target").path("id").asText()).toList();
            assertThat(actual).as("entries of %s in commit order", practice.owner).containsExactlyElementsOf(practice.expected);
            assertThat(entries).allSatisfy(e -> {
                assertThat(e.path("actor").path("userId").asText()).isEqualTo(practice.owner.userId());
                assertThat(e.path("channel").asText()).isEqualTo("api");
                assertThat(e.toString()).doesNotContain("client@example.org").doesNotContain("Client ");
            });
            ApiResult verify = api.get("/v1/audit/verify?from=" + enc("2020-01-01T00:00:00Z"), practice.owner.accessToken());
            assertThat(verify.field("ok")).as("%s", verify).isEqualTo("true");
            assertThat(Long.parseLong(verify.field("checked"))).isEqualTo(entries.size());
        }
        System.out.printf("audit completeness: %d operations (%d refused), %d entries%n", operations, failedRequests,
                practices.stream().mapToInt(p -> p.expected.size() + 1).sum());
    }

    @Test
    void sqsOutageDuringABurstLosesNothing() {
        TestUser owner = users.signUpAndLogin(Plan.L);
        String room = api.post("/v1/rooms", Map.of("name", "R"), owner.accessToken()).field("id");
        pipeline.drain(Duration.ofSeconds(60));
        faults.failWhen(request -> request instanceof SendMessageBatchRequest);
        List<String> ids = new ArrayList<>();
        LocalDate day = LocalDate.now(BERLIN).plusDays(60);
        for (int i = 0; i < 30; i++) {
            ApiResult created = api.post("/v1/bookings", booking(room, day.plusDays(i / 10), 8 + i % 10, 0, 50),
                    owner.accessToken());
            assertThat(created.status()).isEqualTo(201);
            ids.add(created.field("id"));
        }
        for (int i = 0; i < 5; i++) {
            pipeline.pollOnce();
        }
        assertThat(faults.injected()).as("the relay hit the outage").isGreaterThan(0);
        assertThat(ids).allSatisfy(id -> assertThat(entriesFor(owner, id)).isZero());

        faults.heal();
        pipeline.drain(Duration.ofSeconds(60));
        assertThat(ids).allSatisfy(id -> assertThat(entriesFor(owner, id)).as(id).isEqualTo(1));
        assertThat(api.get("/v1/audit/verify", owner.accessToken()).field("ok")).isEqualTo("true");
    }

    /** Staff opening client contact data (one booking, the list, the calendar) are logged; the owner's reads are not. */
    @Test
    void staffReadsOfClientContactDataAreLogged() {
        TestUser owner = users.signUpAndLogin(Plan.XL);
        TestUser secretary = users.addStaff(owner, "SECRETARY", null);
        String room = api.post("/v1/rooms", Map.of("name", "R"), owner.accessToken()).field("id");
        LocalDate day = LocalDate.now(BERLIN).plusDays(75);
        String id = api.post("/v1/bookings", booking(room, day, 9, 0, 50), owner.accessToken()).field("id");
        String range = "from=" + enc(berlin(day, 0))
                + "&to=" + enc(berlin(day.plusDays(1), 0));
        for (TestUser reader : List.of(owner, secretary)) {
            assertThat(api.get("/v1/bookings/" + id, reader.accessToken()).status()).isEqualTo(200);
            assertThat(api.get("/v1/bookings?" + range, reader.accessToken()).status()).isEqualTo(200);
            assertThat(api.get("/v1/calendar?" + range, reader.accessToken()).status()).isEqualTo(200);
        }
        pipeline.drain(Duration.ofSeconds(60));
        List<JsonNode> views = auditOf(owner).stream().filter(e -> e.path("action").asText().endsWith("contact_viewed"))
                .toList();
        assertThat(views).extracting(e -> e.path("action").asText() + " by " + e.path("actor").path("kind").asText())
                .containsExactly("booking.contact_viewed by staff", "bookings.contact_viewed by staff",
                        "bookings.contact_viewed by staff");
        assertThat(views).allSatisfy(e -> assertThat(e.path("actor").path("userId").asText()).isEqualTo(secretary.userId()));
        assertThat(views.toString()).doesNotContain("client@example.org");
    }

    /** Invoices carry the recipient's name and email: invoicing staff reading them are logged, the owner is not. */
    @Test
    void staffReadsOfInvoiceRecipientsAreLogged() {
        TestUser owner = users.signUpAndLogin(Plan.XL);
        TestUser accounting = users.addStaff(owner, "ACCOUNTING", null);
        String room = api.post("/v1/rooms", Map.of("name", "R"), owner.accessToken()).field("id");
        LocalDate day = LocalDate.now(BERLIN).plusDays(76);
        String booking = api.post("/v1/bookings", booking(room, day, 9, 0, 50), owner.accessToken()).field("id");
        String invoice = api.post("/v1/invoices", Map.of("bookingId", booking, "amountCents", 9000),
                owner.accessToken()).field("id");
        for (TestUser reader : List.of(owner, accounting)) {
            ApiResult list = api.get("/v1/invoices", reader.accessToken());
            assertThat(list.status()).as("%s", list).isEqualTo(200);
            assertThat(list.body()).contains("client@example.org");
            assertThat(api.patch("/v1/invoices/" + invoice, Map.of("status", "PAID"), reader.accessToken()).status())
                    .isEqualTo(200);
        }
        pipeline.drain(Duration.ofSeconds(60));
        List<JsonNode> views = auditOf(owner).stream().filter(e -> e.path("action").asText().endsWith("contact_viewed"))
                .toList();
        assertThat(views).extracting(e -> e.path("action").asText() + " by " + e.path("actor").path("kind").asText())
                .containsExactly("invoices.contact_viewed by staff", "invoice.contact_viewed by staff");
        assertThat(views).allSatisfy(e -> assertThat(e.path("actor").path("userId").asText()).isEqualTo(accounting.userId()));
        assertThat(views.toString()).doesNotContain("client@example.org");
    }

    @Test
    void tamperingIsNamedByVerify() {
        TestUser owner = users.signUpAndLogin(Plan.M);
        String room = api.post("/v1/rooms", Map.of("name", "R"), owner.accessToken()).field("id");
        LocalDate day = LocalDate.now(BERLIN).plusDays(70);
        for (int i = 0; i < 4; i++) {
            api.post("/v1/bookings", booking(room, day, 9 + i, 0, 50), owner.accessToken());
        }
        pipeline.drain(Duration.ofSeconds(60));
        assertThat(api.get("/v1/audit/verify", owner.accessToken()).field("ok")).isEqualTo("true");
        List<JsonNode> entries = auditOf(owner); // commit order
        JsonNode third = entries.stream().filter(e -> e.path("action").asText().equals("booking.created")).skip(2).findFirst().orElseThrow();

        String table = local.stack().physicalId("AuditTable");
        Map<String, AttributeValue> key = Map.of("PK", AttributeValue.fromS("ACCOUNT#" + owner.accountId()),
                "SK", AttributeValue.fromS(String.format("ENTRY#%012d", third.path("seq").asLong())));
        var item = local.dynamo().getItem(b -> b.tableName(table).key(key)).item();
        String altered = item.get("entry").s().replace("booking.created", "booking.cancelled");
        local.dynamo().updateItem(b -> b.tableName(table).key(key).updateExpression("SET #e = :e")
                .expressionAttributeNames(Map.of("#e", "entry")).expressionAttributeValues(Map.of(":e", AttributeValue.fromS(altered))));
        ApiResult afterEdit = api.get("/v1/audit/verify?full=true", owner.accessToken());
        assertThat(afterEdit.field("ok")).isEqualTo("false");
        assertThat(afterEdit.field("firstBrokenEventId")).isEqualTo(third.path("eventId").asText());

        // restore, then delete the entry before it: the chain breaks at the entry after the gap
        local.dynamo().updateItem(b -> b.tableName(table).key(key).updateExpression("SET #e = :e")
                .expressionAttributeNames(Map.of("#e", "entry")).expressionAttributeValues(Map.of(":e", item.get("entry"))));
        assertThat(api.get("/v1/audit/verify?full=true", owner.accessToken()).field("ok")).isEqualTo("true");
        JsonNode second = entries.get(entries.indexOf(third) - 1);
        local.dynamo().deleteItem(b -> b.tableName(table).key(Map.of("PK", key.get("PK"),
                "SK", AttributeValue.fromS(String.format("ENTRY#%012d", second.path("seq").asLong())))));
        ApiResult afterDelete = api.get("/v1/audit/verify?full=true", owner.accessToken());
        assertThat(afterDelete.field("ok")).isEqualTo("false");
        assertThat(afterDelete.field("firstBrokenEventId")).isEqualTo(third.path("eventId").asText());
    }

    /**
     * Verification continues from the stored checkpoint and reads only what came after it; a change before the
     * checkpoint is invisible to it and found by {@code ?full=true}.
     */
    @Test
    void verificationContinuesFromTheCheckpointAndFullFindsOlderTampering() {
        TestUser owner = users.signUpAndLogin(Plan.M);
        String room = api.post("/v1/rooms", Map.of("name", "R"), owner.accessToken()).field("id");
        LocalDate day = LocalDate.now(BERLIN).plusDays(71);
        for (int i = 0; i < 10; i++) {
            api.post("/v1/bookings", booking(room, day.plusDays(i / 8), 8 + i % 8, 0, 50), owner.accessToken());
        }
        pipeline.drain(Duration.ofSeconds(60));
        ApiResult first = api.get("/v1/audit/verify", owner.accessToken());
        assertThat(first.field("ok")).as("%s", first).isEqualTo("true");
        assertThat(first.field("full")).as("no checkpoint yet: the whole chain").isEqualTo("true");
        List<JsonNode> entries = auditOf(owner);
        long head = entries.get(entries.size() - 1).path("seq").asLong();
        for (int i = 0; i < 2; i++) {
            api.post("/v1/bookings", booking(room, day.plusDays(3), 9 + i, 0, 50), owner.accessToken());
        }
        pipeline.drain(Duration.ofSeconds(60));

        awsCalls.reset();
        ApiResult incremental = api.get("/v1/audit/verify", owner.accessToken());
        long incrementalReads = awsCalls.itemsRead();
        awsCalls.reset();
        ApiResult full = api.get("/v1/audit/verify?full=true", owner.accessToken());
        long fullReads = awsCalls.itemsRead();
        System.out.printf("audit verify over %d entries: incremental %d items read (%s), full %d items read%n",
                head + 2, incrementalReads, awsCalls.byOperation(), fullReads);
        assertThat(incremental.field("ok")).as("%s", incremental).isEqualTo("true");
        assertThat(incremental.field("full")).isEqualTo("false");
        assertThat(Long.parseLong(incremental.field("verifiedFromSeq"))).isEqualTo(head);
        assertThat(Long.parseLong(incremental.field("checked"))).isEqualTo(2);
        assertThat(full.field("ok")).isEqualTo("true");
        assertThat(Long.parseLong(full.field("checked"))).isEqualTo(head + 2);
        // caller, checkpoint, the checkpointed entry + 2 new ones, the head
        assertThat(incrementalReads).isLessThan(fullReads).isLessThanOrEqualTo(8);

        // alter an entry before the checkpoint: incremental does not read it, full names it
        JsonNode third = entries.stream().filter(e -> e.path("action").asText().equals("booking.created")).skip(2).findFirst().orElseThrow();
        String table = local.stack().physicalId("AuditTable");
        Map<String, AttributeValue> key = Map.of("PK", AttributeValue.fromS("ACCOUNT#" + owner.accountId()),
                "SK", AttributeValue.fromS(String.format("ENTRY#%012d", third.path("seq").asLong())));
        String altered = local.dynamo().getItem(b -> b.tableName(table).key(key)).item().get("entry").s()
                .replace("booking.created", "booking.cancelled");
        local.dynamo().updateItem(b -> b.tableName(table).key(key).updateExpression("SET #e = :e")
                .expressionAttributeNames(Map.of("#e", "entry")).expressionAttributeValues(Map.of(":e", AttributeValue.fromS(altered))));
        assertThat(api.get("/v1/audit/verify", owner.accessToken()).field("ok")).isEqualTo("true");
        ApiResult found = api.get("/v1/audit/verify?full=true", owner.accessToken());
        assertThat(found.field("ok")).isEqualTo("false");
        assertThat(found.field("firstBrokenEventId")).isEqualTo(third.path("eventId").asText());
        assertThat(api.get("/v1/audit/verify?full=yes", owner.accessToken()).errorField()).isEqualTo("full");
    }

    @Test
    void auditIsFilterableAndOwnerOnly() {
        TestUser owner = users.signUpAndLogin(Plan.M);
        TestUser stranger = users.signUpAndLogin(Plan.M);
        String room = api.post("/v1/rooms", Map.of("name", "R"), owner.accessToken()).field("id");
        String booking = api.post("/v1/bookings", booking(room, LocalDate.now(BERLIN).plusDays(80), 10, 0, 50),
                owner.accessToken()).field("id");
        api.delete("/v1/bookings/" + booking, owner.accessToken());
        pipeline.drain(Duration.ofSeconds(60));
        ApiResult byTarget = api.get("/v1/audit?targetId=" + booking, owner.accessToken());
        assertThat(byTarget.json().path("items")).extracting(n -> n.path("action").asText())
                .containsExactly("booking.cancelled", "booking.created");
        ApiResult byAction = api.get("/v1/audit?action=room.created", owner.accessToken());
        assertThat(byAction.json().path("items")).hasSize(1);
        JsonNode moved = byTarget.json().path("items").get(0);
        assertThat(moved.path("changes").path("status").path("from").asText()).isEqualTo("CONFIRMED");
        assertThat(moved.path("changes").path("status").path("to").asText()).isEqualTo("CANCELLED");
        // another account's audit is not visible: the stranger sees only its own account.created
        assertThat(api.get("/v1/audit?targetId=" + booking, stranger.accessToken()).json().path("items")).isEmpty();
        assertThat(api.get("/v1/audit?from=nonsense", owner.accessToken()).errorField()).isEqualTo("from");
    }

    @Test
    void aFailingMessageIsRetriedAloneAndRedeliveriesWriteNothing() {
        List<TestUser> owners = List.of(users.signUpAndLogin(Plan.S), users.signUpAndLogin(Plan.S),
                users.signUpAndLogin(Plan.S));
        pipeline.drain(Duration.ofSeconds(60));
        List<OutboxEvent> events = new ArrayList<>();
        for (TestUser owner : owners) {
            events.add(new OutboxEvent(UUID.randomUUID().toString(), owner.accountId(), "settings.changed", "account",
                    owner.accountId(), owner.userId(), "owner", "api", UUID.randomUUID().toString(), "req",
                    Instant.now(), Map.of()));
        }
        SQSEvent batch = sqsBatch(events);
        var writer = new AuditWriterHandler(pipelineContext);
        String poisoned = events.get(1).eventId();
        faults.failWhen(request -> request instanceof TransactWriteItemsRequest tx && tx.toString().contains(poisoned));

        SQSBatchResponse first = writer.handleRequest(batch, null);
        assertThat(first.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("m1");
        faults.heal();
        SQSBatchResponse redelivered = writer.handleRequest(batch, null); // SQS redelivers; duplicates included
        assertThat(redelivered.getBatchItemFailures()).isEmpty();
        writer.handleRequest(batch, null);
        for (int i = 0; i < owners.size(); i++) {
            assertThat(api.get("/v1/audit?action=settings.changed", owners.get(i).accessToken()).json().path("items"))
                    .as("owner %d", i).hasSize(1);
            assertThat(api.get("/v1/audit/verify", owners.get(i).accessToken()).field("ok")).isEqualTo("true");
        }
    }

    private static SQSEvent sqsBatch(List<OutboxEvent> events) {
        List<SQSEvent.SQSMessage> messages = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
            message.setMessageId("m" + i);
            message.setBody(Json.write(events.get(i)));
            message.setAttributes(Map.of("MessageGroupId", events.get(i).accountId()));
            message.setEventSource("aws:sqs");
            messages.add(message);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(messages);
        return event;
    }

    private long entriesFor(TestUser owner, String targetId) {
        return api.get("/v1/audit?targetId=" + targetId, owner.accessToken()).json().path("items").size();
    }

    /** All entries of the owner's account in commit (seq) order, paging through the API. */
    private List<JsonNode> auditOf(TestUser owner) {
        List<JsonNode> entries = new ArrayList<>();
        String cursor = null;
        do {
            ApiResult page = api.get("/v1/audit?limit=200&from=" + enc("2020-01-01T00:00:00Z")
                    + (cursor == null ? "" : "&cursor=" + cursor), owner.accessToken());
            assertThat(page.status()).as("%s", page).isEqualTo(200);
            page.json().path("items").forEach(entries::add);
            cursor = page.field("nextCursor");
        } while (cursor != null);
        entries.sort((a, b) -> Long.compare(a.path("seq").asLong(), b.path("seq").asLong()));
        return entries;
    }

    private static Map<String, Object> booking(String room, LocalDate day, int hour, int fromMinute, int toMinute) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("roomId", room);
        body.put("start", berlin(day, hour, fromMinute));
        body.put("end", berlin(day, hour, toMinute));
        body.put("client", Map.of("name", "Client " + hour, "email", "client@example.org"));
        return body;
    }


    private static final class Practice {
        final TestUser owner;
        final List<String> rooms = new ArrayList<>();
        final List<String> expected = new ArrayList<>();

        Practice(TestUser owner) {
            this.owner = owner;
        }

        final java.util.Set<String> clients = new java.util.HashSet<>();

        void expect(ApiResult result, String action) {
            assertThat(result.status()).as("%s", result).isBetween(200, 201);
            // a typed-in client the practice has no record of yet gets one in the same transaction, logged first
            String clientId = action.equals("booking.created") ? result.json().path("clientId").asText(null) : null;
            if (clientId != null && clients.add(clientId)) {
                expected.add("client.created:" + clientId);
            }
            expected.add(action + ":" + result.field("id"));
        }
    }
}
