package com.practicecal.local.client;

import static com.practicecal.local.Times.berlin;
import static com.practicecal.local.Urls.enc;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.practicecal.local.ApiResult;
import com.practicecal.local.LocalStackIT;
import com.practicecal.local.TestUser;
import com.practicecal.shared.plan.Plan;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Client records: the directory and its search, bookings for a record, the grantee's minimal view, merge. */
class ClientRecordsIT extends LocalStackIT {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private String client(TestUser owner, String first, String last, String email) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("firstName", first, "lastName", last));
        if (email != null) {
            body.put("email", email);
        }
        ApiResult created = api.post("/v1/clients", body, owner.accessToken());
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.field("id");
    }

    private List<String> search(TestUser owner, String query) {
        ApiResult found = api.get("/v1/clients?query=" + enc(query), owner.accessToken());
        assertThat(found.status()).as("%s", found).isEqualTo(200);
        List<String> names = new ArrayList<>();
        found.json().path("items").forEach(c -> names.add(c.path("firstName").asText() + " " + c.path("lastName").asText()));
        return names;
    }

    @Test
    void theDirectoryFindsClientsByAnyNamePrefixIgnoringCaseAndDiacritics() {
        TestUser owner = users.signUpAndLogin(Plan.M);
        client(owner, "Jürgen", "Müller-Lüdenscheidt", "j.mueller@private.test");
        client(owner, "Erika Maria", "Mustermann", null);
        client(owner, "Ömer", "Çelik", null);
        client(owner, "Anna", "Annabell", null);
        assertThat(search(owner, "mül")).containsExactly("Jürgen Müller-Lüdenscheidt");
        assertThat(search(owner, "MUEL")).containsExactly("Jürgen Müller-Lüdenscheidt");
        assertThat(search(owner, "lüden")).containsExactly("Jürgen Müller-Lüdenscheidt");
        assertThat(search(owner, "maria")).containsExactly("Erika Maria Mustermann");
        assertThat(search(owner, "erika mu")).containsExactly("Erika Maria Mustermann");
        assertThat(search(owner, "erika x")).isEmpty();
        assertThat(search(owner, "omer")).containsExactly("Ömer Çelik");
        assertThat(search(owner, "CEL")).containsExactly("Ömer Çelik");
        assertThat(search(owner, "ann")).containsExactly("Anna Annabell"); // once, though two names match
        assertThat(search(owner, "m")).containsExactlyInAnyOrder("Jürgen Müller-Lüdenscheidt", "Erika Maria Mustermann");
        ApiResult bad = api.get("/v1/clients?query=" + enc("#!"), owner.accessToken());
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.errorField()).isEqualTo("query");
        // another practice's directory is its own
        assertThat(search(users.signUpAndLogin(Plan.M), "m")).isEmpty();
    }

    @Test
    void theDirectoryPagesInNameOrderWithoutDuplicates() {
        TestUser owner = users.signUpAndLogin(Plan.M);
        for (String last : List.of("Zeller", "Adam", "Maier", "Bauer", "Huber")) {
            client(owner, "Kim", last, null);
        }
        List<String> all = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            ApiResult page = api.get("/v1/clients?limit=2" + (cursor == null ? "" : "&cursor=" + cursor), owner.accessToken());
            assertThat(page.status()).as("%s", page).isEqualTo(200);
            page.json().path("items").forEach(c -> all.add(c.path("lastName").asText()));
            cursor = page.field("nextCursor");
            if (cursor != null) {
                String decoded = new String(java.util.Base64.getUrlDecoder().decode(cursor),
                        java.nio.charset.StandardCharsets.UTF_8).toLowerCase();
                assertThat(decoded).as("a cursor carries no name").doesNotContain("kim").doesNotContain("adam")
                        .doesNotContain("bauer").doesNotContain("huber").doesNotContain("maier");
            }
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(all).containsExactly("Adam", "Bauer", "Huber", "Maier", "Zeller");
        // by query, paged, each once
        Set<String> byQuery = new LinkedHashSet<>();
        cursor = null;
        pages = 0;
        do {
            ApiResult page = api.get("/v1/clients?query=kim&limit=2" + (cursor == null ? "" : "&cursor=" + cursor),
                    owner.accessToken());
            page.json().path("items").forEach(c -> assertThat(byQuery.add(c.path("id").asText())).isTrue());
            cursor = page.field("nextCursor");
            if (cursor != null) {
                assertThat(new String(java.util.Base64.getUrlDecoder().decode(cursor),
                        java.nio.charset.StandardCharsets.UTF_8)).doesNotContainIgnoringCase("kim");
            }
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(byQuery).hasSize(5);
        assertThat(api.get("/v1/clients?limit=0", owner.accessToken()).errorField()).isEqualTo("limit");
        assertThat(api.get("/v1/clients?cursor=bogus", owner.accessToken()).errorField()).isEqualTo("cursor");
    }

    @Test
    void aRecordIsReadAndChangedAndTheSearchFollowsARename() {
        TestUser owner = users.signUpAndLogin(Plan.M);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("firstName", "Erika");
        body.put("lastName", "Mustermann");
        body.put("email", "Erika@Private.test");
        body.put("phone", "+49 170 1234567");
        body.put("birthDate", "1980-04-23");
        body.put("notes", "Allergie: keine");
        ApiResult created = api.post("/v1/clients", body, owner.accessToken());
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(created.field("email")).isEqualTo("erika@private.test");
        assertThat(created.field("source")).isEqualTo("manual");
        String id = created.field("id");
        ApiResult read = api.get("/v1/clients/" + id, owner.accessToken());
        assertThat(read.field("birthDate")).isEqualTo("1980-04-23");
        assertThat(read.field("notes")).isEqualTo("Allergie: keine");

        ApiResult renamed = api.patch("/v1/clients/" + id, Map.of("lastName", "Gabler", "phone", ""), owner.accessToken());
        assertThat(renamed.status()).as("%s", renamed).isEqualTo(200);
        assertThat(renamed.field("lastName")).isEqualTo("Gabler");
        assertThat(renamed.json().has("phone")).isFalse();
        assertThat(renamed.field("email")).isEqualTo("erika@private.test");
        assertThat(search(owner, "gab")).containsExactly("Erika Gabler");
        assertThat(search(owner, "muster")).isEmpty();

        for (Map<String, Object> wrong : List.of(Map.<String, Object>of("firstName", "Erika"),
                Map.<String, Object>of("firstName", "Erika", "lastName", "M", "email", "nope"),
                Map.<String, Object>of("firstName", "Erika", "lastName", "M", "birthDate", "2999-01-01"),
                Map.<String, Object>of("firstName", "x".repeat(61), "lastName", "M"),
                Map.<String, Object>of("firstName", "Erika", "lastName", "M", "shoeSize", 42))) {
            ApiResult refused = api.post("/v1/clients", wrong, owner.accessToken());
            assertThat(refused.status()).as("%s -> %s", wrong, refused).isEqualTo(422);
        }
        assertThat(api.patch("/v1/clients/" + id, Map.of(), owner.accessToken()).status()).isEqualTo(422);
        TestUser other = users.signUpAndLogin(Plan.M);
        assertThat(api.get("/v1/clients/" + id, other.accessToken()).status()).isEqualTo(404);
        assertThat(api.patch("/v1/clients/" + id, Map.of("lastName", "X"), other.accessToken()).status()).isEqualTo(404);
    }

    @Test
    void bookingsNameAClientRecord() {
        TestUser owner = users.signUpAndLogin(Plan.M);
        String room = api.post("/v1/rooms", Map.of("name", "Raum"), owner.accessToken()).field("id");
        String id = client(owner, "Erika", "Mustermann", "erika@private.test");
        LocalDate day = LocalDate.now(BERLIN).plusDays(5);
        awsCalls.reset();
        ApiResult booked = api.post("/v1/bookings", Map.of("roomId", room, "start", berlin(day, 9), "end", berlin(day, 10),
                "clientId", id), owner.accessToken());
        assertThat(booked.status()).as("%s", booked).isEqualTo(201);
        // the record is read in the booking's one batch and checked in its one transaction
        assertThat(awsCalls.calls()).as("booking for a record: %s", awsCalls.byOperation()).isEqualTo(2);
        awsCalls.reset();
        assertThat(api.get("/v1/clients?query=erika", owner.accessToken()).json().path("items")).hasSize(1);
        System.out.printf("AWS calls: booking for a client record %d, directory search %s%n", 2, awsCalls.byOperation());
        assertThat(awsCalls.calls()).as("search: caller, directory query, records").isEqualTo(3);
        assertThat(booked.field("clientId")).isEqualTo(id);
        assertThat(booked.field("client.name")).isEqualTo("Erika Mustermann");
        assertThat(booked.json().path("client").has("email")).as("no copy of the record's contact data").isFalse();
        // the inline client still works
        assertThat(api.post("/v1/bookings", Map.of("roomId", room, "start", berlin(day, 11), "end", berlin(day, 12),
                "client", Map.of("name", "Inline Client")), owner.accessToken()).status()).isEqualTo(201);

        // the record's page lists the client's appointments: this one, not the inline client's, cancelled ones marked
        String later = api.post("/v1/bookings", Map.of("roomId", room, "start", berlin(day.plusDays(1), 9), "end",
                berlin(day.plusDays(1), 10), "clientId", id), owner.accessToken()).field("id");
        assertThat(api.delete("/v1/bookings/" + later, owner.accessToken()).status()).isIn(200, 204);
        ApiResult ofClient = api.get("/v1/clients/" + id + "/bookings", owner.accessToken());
        assertThat(ofClient.status()).as("%s", ofClient).isEqualTo(200);
        assertThat(ofClient.json().path("items")).hasSize(2);
        assertThat(ofClient.json().path("items").get(0).path("id").asText()).as("oldest first").isEqualTo(booked.field("id"));
        assertThat(ofClient.json().path("items").get(1).path("status").asText()).isEqualTo("CANCELLED");
        assertThat(ofClient.body()).doesNotContain("Inline Client");
        assertThat(api.get("/v1/clients/" + id + "/bookings", users.signUpAndLogin(Plan.M).accessToken()).status())
                .as("another practice").isEqualTo(404);
        assertThat(api.get("/v1/clients/" + UUID.randomUUID() + "/bookings", owner.accessToken()).status()).isEqualTo(404);

        ApiResult unknown = api.post("/v1/bookings", Map.of("roomId", room, "start", berlin(day, 13), "end",
                berlin(day, 14), "clientId", UUID.randomUUID().toString()), owner.accessToken());
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.errorField()).isEqualTo("clientId");
        ApiResult both = api.post("/v1/bookings", Map.of("roomId", room, "start", berlin(day, 13), "end", berlin(day, 14),
                "clientId", id, "client", Map.of("name", "X")), owner.accessToken());
        assertThat(both.status()).isEqualTo(422);
        // another practice cannot book A's client
        TestUser other = users.signUpAndLogin(Plan.M);
        String otherRoom = api.post("/v1/rooms", Map.of("name", "R"), other.accessToken()).field("id");
        assertThat(api.post("/v1/bookings", Map.of("roomId", otherRoom, "start", berlin(day, 9), "end", berlin(day, 10),
                "clientId", id), other.accessToken()).errorField()).isEqualTo("clientId");
    }

    /** A grantee picks or creates a client through minimal views only, and books for it. */
    @Test
    void aGranteeSeesOnlyErikaM() {
        TestUser owner = users.signUpAndLogin(Plan.L);
        TestUser grantee = users.signUpAndLogin(Plan.L);
        TestUser reader = users.signUpAndLogin(Plan.L);
        users.grant(owner, grantee, List.of("appointments:write"));
        users.grant(owner, reader, List.of("appointments:read"));
        String room = api.post("/v1/rooms", Map.of("name", "Raum"), owner.accessToken()).field("id");
        String erika = client(owner, "Erika\u00A0Maria", "Mustermann-Gabler", "erika.geheim@private.test");
        String base = "/v1/accounts/" + owner.accountId() + "/clients";

        ApiResult found = api.get(base + "?query=" + enc("erika"), grantee.accessToken());
        assertThat(found.status()).as("%s", found).isEqualTo(200);
        assertThat(found.json().path("items")).hasSize(1);
        JsonNode hit = found.json().path("items").get(0);
        assertThat(hit.path("name").asText()).isEqualTo("Erika M.");
        assertThat(hit.path("id").asText()).isEqualTo(erika);
        assertThat(found.body()).doesNotContain("Mustermann").doesNotContain("Maria").doesNotContain("geheim");
        assertThat(api.get(base + "?query=e", grantee.accessToken()).errorField()).isEqualTo("query");
        assertThat(api.get(base + "?query=erika", reader.accessToken()).status()).isEqualTo(403);
        // the grantee's own directory is the grantee's practice, not the owner's
        assertThat(api.get("/v1/clients?query=erika", grantee.accessToken()).json().path("items")).isEmpty();

        ApiResult created = api.post(base, Map.of("firstName", "Max", "lastName", "Neumann", "email", "max@private.test"),
                grantee.accessToken());
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(created.field("name")).isEqualTo("Max N.");
        assertThat(created.body()).doesNotContain("Neumann").doesNotContain("max@");
        String max = created.field("id");
        assertThat(api.get("/v1/clients/" + max, owner.accessToken()).field("email")).isEqualTo("max@private.test");

        LocalDate day = LocalDate.now(BERLIN).plusDays(6);
        ApiResult booked = api.post("/v1/accounts/" + owner.accountId() + "/bookings", Map.of("roomId", room,
                "start", berlin(day, 9), "end", berlin(day, 10), "clientId", erika), grantee.accessToken());
        assertThat(booked.status()).as("%s", booked).isEqualTo(201);
        assertThat(booked.field("client.name")).isEqualTo("Erika M.");
        assertThat(booked.body()).doesNotContain("Mustermann");
        ApiResult listed = api.get("/v1/accounts/" + owner.accountId() + "/bookings?from=" + enc(berlin(day, 0))
                + "&to=" + enc(berlin(day.plusDays(1), 0)), reader.accessToken());
        assertThat(listed.json().path("items").get(0).path("client").path("name").asText()).isEqualTo("Erika M.");
        assertThat(api.get("/v1/bookings/" + booked.field("id"), owner.accessToken()).field("client.name"))
                .isEqualTo("Erika\u00A0Maria Mustermann-Gabler");
    }

    /**
     * A secretary (appointments, no documentation) picks a client for a booking through the minimal lookup: "Erika M."
     * and the id, nothing of the record (last name, other given names, contact data, birth date, notes), never the
     * directory or the record itself; staff without appointments get no lookup at all.
     */
    @Test
    void aSecretaryPicksAClientFromMinimalViewsOnly() {
        TestUser owner = users.signUpAndLogin(Plan.XL);
        TestUser secretary = users.addStaff(owner, "SECRETARY", null);
        TestUser accounting = users.addStaff(owner, "ACCOUNTING", null);
        TestUser stranger = users.signUpAndLogin(Plan.XL);
        String room = api.post("/v1/rooms", Map.of("name", "Raum"), owner.accessToken()).field("id");
        ApiResult created = api.post("/v1/clients", Map.of("firstName", "Erika Maria", "lastName", "Sekretariatstest",
                "email", "erika.sekretariat@private.test", "phone", "+49 170 5556667", "birthDate", "1980-01-02",
                "notes", "Diagnose vertraulich"), owner.accessToken());
        String erika = created.field("id");

        ApiResult found = api.get("/v1/client-lookup?query=" + enc("erika sek"), secretary.accessToken());
        assertThat(found.status()).as("%s", found).isEqualTo(200);
        assertThat(found.json().path("items")).hasSize(1);
        JsonNode hit = found.json().path("items").get(0);
        List<String> fields = new ArrayList<>();
        hit.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("id", "name");
        assertThat(hit.path("id").asText()).isEqualTo(erika);
        assertThat(hit.path("name").asText()).isEqualTo("Erika S.");
        assertThat(found.body()).doesNotContain("Sekretariatstest").doesNotContain("Maria").doesNotContain("sekretariat@")
                .doesNotContain("5556667").doesNotContain("1980").doesNotContain("Diagnose");
        // the owner's lookup is the same minimal view; the directory and the record stay closed to the secretary
        assertThat(api.get("/v1/client-lookup?query=erika", owner.accessToken()).body()).doesNotContain("Sekretariatstest");
        assertThat(api.get("/v1/clients?query=erika", secretary.accessToken()).status()).isEqualTo(403);
        assertThat(api.get("/v1/clients/" + erika, secretary.accessToken()).status()).isEqualTo(403);
        assertThat(api.get("/v1/client-lookup?query=erika", accounting.accessToken()).status()).isEqualTo(403);
        assertThat(api.get("/v1/client-lookup?query=e", secretary.accessToken()).errorField()).isEqualTo("query");
        assertThat(api.get("/v1/client-lookup", secretary.accessToken()).errorField()).isEqualTo("query");
        // another practice's lookup searches its own clients only
        assertThat(api.get("/v1/client-lookup?query=erika", stranger.accessToken()).json().path("items")).isEmpty();

        // the pick books the record
        LocalDate day = LocalDate.now(BERLIN).plusDays(5);
        ApiResult booked = api.post("/v1/bookings", Map.of("roomId", room, "start", berlin(day, 9), "end", berlin(day, 10),
                "clientId", erika), secretary.accessToken());
        assertThat(booked.status()).as("%s", booked).isEqualTo(201);
        assertThat(booked.field("clientId")).isEqualTo(erika);
    }

    /** An online booking creates a record (source online); the therapist merges it into the existing one. */
    @Test
    void onlineRecordsAreMergedIntoTheExistingClient() {
        TestUser owner = users.signUpAndLogin(Plan.M);
        api.post("/v1/rooms", Map.of("name", "Praxisraum"), owner.accessToken());
        Map<String, Object> hours = new LinkedHashMap<>();
        for (String d : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            hours.put(d, List.of(Map.of("from", "08:00", "to", "18:00")));
        }
        assertThat(api.put("/v1/settings/booking", Map.of("workingHours", hours, "services", List.of(Map.of("id", "session",
                "name", "Therapiesitzung", "durationMinutes", 50))), owner.accessToken()).status()).isEqualTo(200);
        String existing = client(owner, "Erika", "Mustermann", null);
        LocalDate day = LocalDate.now(BERLIN).plusDays(7);
        ApiResult online = api.post("/v1/public/therapists/" + owner.accountId() + "/bookings", Map.of("serviceId", "session",
                "start", berlin(day, 9), "client", Map.of("name", "Mustermann, Erika", "email", "erika.online@private.test",
                        "phone", "+49 170 555")), null);
        assertThat(online.status()).as("%s", online).isEqualTo(201);
        String bookingId = online.field("bookingId") != null ? online.field("bookingId") : online.field("id");

        ApiResult listed = api.get("/v1/clients?query=erika", owner.accessToken());
        assertThat(listed.json().path("items")).hasSize(2);
        JsonNode fromOnline = null;
        for (JsonNode c : listed.json().path("items")) {
            if (!c.path("id").asText().equals(existing)) {
                fromOnline = c;
            }
        }
        assertThat(fromOnline).isNotNull();
        assertThat(fromOnline.path("source").asText()).isEqualTo("online");
        assertThat(fromOnline.path("firstName").asText()).isEqualTo("Erika");
        assertThat(fromOnline.path("lastName").asText()).isEqualTo("Mustermann");
        String source = fromOnline.path("id").asText();
        assertThat(api.get("/v1/bookings/" + bookingId, owner.accessToken()).field("clientId")).isEqualTo(source);

        ApiResult merged = api.post("/v1/clients/" + source + "/merge", Map.of("intoId", existing), owner.accessToken());
        assertThat(merged.status()).as("%s", merged).isEqualTo(200);
        assertThat(merged.field("id")).isEqualTo(existing);
        assertThat(merged.field("email")).as("contact data the record lacked").isEqualTo("erika.online@private.test");
        assertThat(merged.field("phone")).isEqualTo("+49 170 555");
        assertThat(api.get("/v1/bookings/" + bookingId, owner.accessToken()).field("clientId")).isEqualTo(existing);
        assertThat(api.get("/v1/clients/" + source, owner.accessToken()).status()).isEqualTo(404);
        assertThat(api.get("/v1/clients/" + existing + "/bookings", owner.accessToken()).json().path("items").get(0)
                .path("id").asText()).as("the online booking is listed under the surviving record").isEqualTo(bookingId);
        assertThat(api.get("/v1/clients/" + source + "/bookings", owner.accessToken()).status()).isEqualTo(404);
        assertThat(api.get("/v1/clients?query=erika", owner.accessToken()).json().path("items")).hasSize(1);
        // repeating the merge is harmless (it resumes an interrupted one); the calendar shows the surviving record
        assertThat(api.post("/v1/clients/" + source + "/merge", Map.of("intoId", existing), owner.accessToken()).status())
                .isEqualTo(200);
        ApiResult calendar = api.get("/v1/calendar?from=" + enc(berlin(day, 0)) + "&to=" + enc(berlin(day.plusDays(1), 0)),
                owner.accessToken());
        assertThat(calendar.body()).contains(existing).doesNotContain(source);
        assertThat(api.post("/v1/clients/" + existing + "/merge", Map.of("intoId", existing), owner.accessToken())
                .errorField()).isEqualTo("intoId");
    }
}
