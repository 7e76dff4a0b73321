package com.practicecal.local.client;

import static com.practicecal.local.Times.berlin;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.practicecal.functions.retentionpurge.RetentionPurgeHandler;
import com.practicecal.local.ApiResult;
import com.practicecal.local.LocalStack;
import com.practicecal.local.LocalStackIT;
import com.practicecal.local.TestUser;
import com.practicecal.shared.client.RetentionPurge;
import com.practicecal.shared.plan.Plan;
import io.micronaut.context.ApplicationContext;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A typed-in client (the inline {@code client} instead of {@code clientId}) belongs to a record: the one record of
 * that name whose contact data does not contradict it, else a new one (source manual) created in the booking's
 * transaction; bookings typed in before records are linked the same way by the one-off migration.
 */
class InlineClientLinkingIT extends LocalStackIT {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private final String sfx = UUID.randomUUID().toString().substring(0, 6);
    private int hour = 7;

    private ApiResult book(TestUser owner, String room, Map<String, Object> client) {
        LocalDate day = LocalDate.now(BERLIN).plusDays(12);
        hour++;
        ApiResult booked = api.post("/v1/bookings", Map.of("roomId", room, "start", berlin(day, hour),
                "end", berlin(day, hour + 1), "client", client), owner.accessToken());
        assertThat(booked.status()).as("%s", booked).isEqualTo(201);
        return booked;
    }

    private String record(TestUser owner, String first, String last) {
        ApiResult created = api.post("/v1/clients", Map.of("firstName", first, "lastName", last), owner.accessToken());
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.field("id");
    }

    @Test
    void aTypedInClientLinksItsRecordOrCreatesOne() {
        TestUser owner = users.signUpAndLogin(Plan.M);
        String room = api.post("/v1/rooms", Map.of("name", "Raum"), owner.accessToken()).field("id");
        String lea = record(owner, "Lea", "Altbestand" + sfx);

        // the same name (case and diacritics aside, "Last, First" too): the record; contact data it lacks does not stop it
        assertThat(book(owner, room, Map.of("name", "lea altbestand" + sfx)).field("clientId")).isEqualTo(lea);
        assertThat(book(owner, room, Map.of("name", "Altbestand" + sfx + ", Léa", "email", "lea." + sfx + "@private.test"))
                .field("clientId")).isEqualTo(lea);

        // no record of that name: a new one, with the typed contact data, found by the next booking
        ApiResult nora = book(owner, room, Map.of("name", "Nora Neuanlage" + sfx, "email", "nora." + sfx + "@private.test"));
        String noraId = nora.field("clientId");
        assertThat(noraId).isNotNull().isNotEqualTo(lea);
        JsonNode record = api.get("/v1/clients/" + noraId, owner.accessToken()).json();
        assertThat(record.path("firstName").asText()).isEqualTo("Nora");
        assertThat(record.path("lastName").asText()).isEqualTo("Neuanlage" + sfx);
        assertThat(record.path("email").asText()).isEqualTo("nora." + sfx + "@private.test");
        assertThat(record.path("source").asText()).isEqualTo("manual");
        assertThat(book(owner, room, Map.of("name", "Nora Neuanlage" + sfx)).field("clientId")).isEqualTo(noraId);
        // contradicting contact data: another person of that name, so another record
        String otherNora = book(owner, room, Map.of("name", "Nora Neuanlage" + sfx, "email", "andere." + sfx
                + "@private.test")).field("clientId");
        assertThat(otherNora).isNotNull().isNotEqualTo(noraId);

        // two records of the name: ambiguous, a new record (the therapist merges)
        String max1 = record(owner, "Max", "Doppelname" + sfx);
        String max2 = record(owner, "Max", "Doppelname" + sfx);
        assertThat(book(owner, room, Map.of("name", "Max Doppelname" + sfx)).field("clientId")).isNotNull()
                .isNotIn(max1, max2);

        // another practice's record of the same name is never linked
        TestUser other = users.signUpAndLogin(Plan.M);
        String otherRoom = api.post("/v1/rooms", Map.of("name", "Raum"), other.accessToken()).field("id");
        assertThat(book(other, otherRoom, Map.of("name", "Lea Altbestand" + sfx)).field("clientId")).isNotEqualTo(lea);

        // the record's export holds the typed-in bookings
        List<String> exported = new ArrayList<>();
        api.get("/v1/clients/" + lea + "/export", owner.accessToken()).json().path("bookings")
                .forEach(b -> exported.add(b.path("id").asText()));
        assertThat(exported).hasSize(2);
    }

    @Test
    void bookingsTypedInBeforeRecordsAreLinkedByTheMigration() {
        TestUser owner = users.signUpAndLogin(Plan.M);
        String room = api.post("/v1/rooms", Map.of("name", "Raum"), owner.accessToken()).field("id");
        String lea = record(owner, "Lea", "Papierakte" + sfx);
        String template = book(owner, room, Map.of("name", "Vorlage " + sfx)).field("id");
        // two bookings as they were stored before records: a free-text name, no record, no index keys (cancelled, so
        // no calendar entry needs to follow)
        String legacyLea = legacy(template, "Papierakte" + sfx + ", Lea");
        String legacyPaul = legacy(template, "Paul Papierakte" + sfx);
        String legacyPaulAgain = legacy(template, "Paul Papierakte" + sfx);
        assertThat(api.get("/v1/bookings/" + legacyLea, owner.accessToken()).json().has("clientId")).isFalse();

        Map<String, Object> settings = new HashMap<>(LocalStack.shared().stack().settings());
        RetentionPurge.Report report;
        try (ApplicationContext context = ApplicationContext.builder().properties(settings).start()) {
            report = new RetentionPurgeHandler(context).execute(Map.of("backfill", true));
        }
        System.out.printf("migration: %d bookings migrated, %d linked to a record%n", report.backfilled(),
                report.clientsLinked());
        assertThat(report.clientsLinked()).isGreaterThanOrEqualTo(3);

        assertThat(api.get("/v1/bookings/" + legacyLea, owner.accessToken()).field("clientId")).isEqualTo(lea);
        String paul = api.get("/v1/bookings/" + legacyPaul, owner.accessToken()).field("clientId");
        assertThat(paul).isNotNull().isNotEqualTo(lea);
        assertThat(api.get("/v1/bookings/" + legacyPaulAgain, owner.accessToken()).field("clientId"))
                .as("one record per person, created with the first booking").isEqualTo(paul);
        JsonNode record = api.get("/v1/clients/" + paul, owner.accessToken()).json();
        assertThat(record.path("firstName").asText()).isEqualTo("Paul");
        assertThat(record.path("lastName").asText()).isEqualTo("Papierakte" + sfx);
        List<String> exported = new ArrayList<>();
        api.get("/v1/clients/" + paul + "/export", owner.accessToken()).json().path("bookings")
                .forEach(b -> exported.add(b.path("id").asText()));
        assertThat(exported).containsExactlyInAnyOrder(legacyPaul, legacyPaulAgain);
        var item = local.dynamo().getItem(b -> b.tableName(local.tableName())
                .key(Map.of("PK", AttributeValue.fromS("BOOKING#" + legacyLea), "SK", AttributeValue.fromS("BOOKING"))))
                .item();
        assertThat(item).as("index keys too").containsKey("retentionPK");
    }

    /** A copy of {@code templateId}'s item as a booking from before records with a free-text client name. */
    private String legacy(String templateId, String clientName) {
        Map<String, AttributeValue> item = new HashMap<>(local.dynamo().getItem(b -> b.tableName(local.tableName())
                .key(Map.of("PK", AttributeValue.fromS("BOOKING#" + templateId), "SK", AttributeValue.fromS("BOOKING"))))
                .item());
        String id = UUID.randomUUID().toString();
        item.put("PK", AttributeValue.fromS("BOOKING#" + id));
        item.put("bookingId", AttributeValue.fromS(id));
        item.put("clientName", AttributeValue.fromS(clientName));
        item.put("bookingStatus", AttributeValue.fromS("CANCELLED"));
        item.put("GSI1SK", AttributeValue.fromS(item.get("start").s() + "#" + id));
        for (String attribute : List.of("clientId", "clientFirstName", "clientLastName", "retentionPK", "retentionSK")) {
            item.remove(attribute);
        }
        local.dynamo().putItem(b -> b.tableName(local.tableName()).item(item));
        return id;
    }
}
