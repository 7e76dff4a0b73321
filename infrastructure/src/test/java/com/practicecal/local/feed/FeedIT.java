package com.practicecal.local.feed;

import static com.practicecal.local.Times.berlin;
import static org.assertj.core.api.Assertions.assertThat;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import com.practicecal.local.ApiResult;
import com.practicecal.local.LocalStackIT;
import com.practicecal.local.TestUser;
import com.practicecal.shared.plan.Plan;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Secret calendar feeds end to end: create, fetch and parse the .ics, privacy, cancellations, ETag, revocation. */
class FeedIT extends LocalStackIT {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final List<String> WEEK = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY",
            "SUNDAY");

    @Test
    void feedPublishesAppointmentsWithInitialsOnlyAndHonoursCancellationsEtagAndRevocation() {
        TestUser owner = users.signUpAndLogin(Plan.M);
        String room = api.post("/v1/rooms", Map.of("name", "Praxisraum"), owner.accessToken()).field("id");
        ApiResult settings = api.put("/v1/settings/booking", Map.of(
                "workingHours", WEEK.stream().collect(Collectors.toMap(d -> d,
                        d -> List.of(Map.of("from", "08:00", "to", "18:00")))),
                "services", List.of(Map.of("id", "session", "name", "Therapiesitzung", "durationMinutes", 50))),
                owner.accessToken());
        assertThat(settings.status()).as("%s", settings).isEqualTo(200);

        ApiResult created = api.post("/v1/feeds", null, owner.accessToken());
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String feedId = created.field("id");
        String url = created.field("url");
        assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+/v1/public/feeds/[A-Za-z0-9_-]{43}\\.ics");
        assertThat(created.field("includeBusy")).isEqualTo("false");
        String path = URI.create(url).getPath();
        String token = path.substring(path.lastIndexOf('/') + 1, path.length() - ".ics".length());

        // the list never shows the URL; the token is stored only as its hash
        ApiResult listed = api.get("/v1/feeds", owner.accessToken());
        assertThat(listed.json().path("items")).hasSize(1);
        assertThat(listed.json().path("items").get(0).path("id").asText()).isEqualTo(feedId);
        assertThat(listed.json().path("items").get(0).has("url")).isFalse();
        assertThat(listed.body()).doesNotContain(token);
        assertThat(local.dynamo().scanPaginator(b -> b.tableName(local.tableName())).items().stream()
                .anyMatch(item -> item.toString().contains(token))).as("the token is stored nowhere").isFalse();

        LocalDate day = LocalDate.now(BERLIN).plusDays(7);
        ApiResult kept = api.post("/v1/bookings", booking(room, day, 9, 10, "Erika Mustermann", "erika@client.test",
                "+49 170 5550001"), owner.accessToken());
        assertThat(kept.status()).as("%s", kept).isEqualTo(201);
        ApiResult cancelledBooking = api.post("/v1/bookings", booking(room, day, 11, 12, "Cornelius Cancelled",
                "cornelius@client.test", null), owner.accessToken());
        assertThat(cancelledBooking.status()).isEqualTo(201);
        ApiResult online = api.post("/v1/public/therapists/" + owner.accountId() + "/bookings", Map.of(
                "serviceId", "session", "start", berlin(day.plusDays(1), 14, 0),
                "client", Map.of("name", "Jonas Online", "email", "jonas@client.test")), null);
        assertThat(online.status()).as("%s", online).isEqualTo(201);

        ApiResult first = api.get(path, null);
        assertThat(first.status()).as("%s", first).isEqualTo(200);
        assertThat(first.header("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/calendar"));
        String etag = first.header("etag").orElseThrow();
        ICalendar calendar = Biweekly.parse(first.body()).first();
        assertThat(calendar).isNotNull();
        Map<String, VEvent> byUid = calendar.getEvents().stream()
                .collect(Collectors.toMap(e -> e.getUid().getValue(), e -> e));
        assertThat(byUid).hasSize(3);
        VEvent session = byUid.get(kept.field("id") + "@practicecal");
        assertThat(session.getSummary().getValue()).isEqualTo("Termin · E.M.");
        assertThat(session.getDateStart().getValue().toInstant()).isEqualTo(instant(day, 9));
        assertThat(session.getDateEnd().getValue().toInstant()).isEqualTo(instant(day, 10));
        VEvent onlineEvent = byUid.get(online.field("bookingId") + "@practicecal");
        assertThat(onlineEvent.getSummary().getValue()).isEqualTo("Therapiesitzung · J.O.");
        assertThat(onlineEvent.getDateStart().getValue().toInstant()).isEqualTo(instant(day.plusDays(1), 14));
        assertThat(onlineEvent.getDateEnd().getValue().toInstant()).isEqualTo(instant(day.plusDays(1), 14).plusSeconds(50 * 60));
        assertThat(first.body()).doesNotContain("Erika", "Mustermann", "erika@client.test", "+49 170", "5550001",
                "Jonas", "jonas@client.test", "Praxisraum");

        // unchanged → 304 without a body; a cancellation changes the feed and the ETag
        ApiResult notModified = api.get(path, null, "If-None-Match", etag);
        assertThat(notModified.status()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();
        assertThat(notModified.header("etag")).contains(etag);
        assertThat(api.delete("/v1/bookings/" + cancelledBooking.field("id"), owner.accessToken()).status()).isEqualTo(204);
        ApiResult afterCancel = api.get(path, null, "If-None-Match", etag);
        assertThat(afterCancel.status()).as("%s", afterCancel).isEqualTo(200);
        assertThat(afterCancel.header("etag").orElseThrow()).isNotEqualTo(etag);
        assertThat(Biweekly.parse(afterCancel.body()).first().getEvents()).extracting(e -> e.getUid().getValue())
                .containsExactlyInAnyOrder(kept.field("id") + "@practicecal", online.field("bookingId") + "@practicecal");
        assertThat(afterCancel.body()).doesNotContain(cancelledBooking.field("id"), "C.C.");

        // wrong tokens, another account's feed id, revocation
        assertThat(api.get("/v1/public/feeds/" + "A".repeat(43) + ".ics", null).status()).isEqualTo(404);
        assertThat(api.get("/v1/public/feeds/" + token, null).status()).isEqualTo(404);
        assertThat(api.get("/v1/public/feeds/not-a-token.ics", null).status()).isEqualTo(404);
        TestUser stranger = users.signUpAndLogin(Plan.S);
        assertThat(api.delete("/v1/feeds/" + feedId, stranger.accessToken()).status()).isEqualTo(404);
        assertThat(api.get("/v1/feeds", stranger.accessToken()).json().path("items")).isEmpty();
        assertThat(api.get(path, null).status()).isEqualTo(200);
        assertThat(api.delete("/v1/feeds/" + feedId, owner.accessToken()).status()).isEqualTo(204);
        ApiResult revoked = api.get(path, null);
        assertThat(revoked.status()).isEqualTo(404);
        assertThat(revoked.errorCode()).isEqualTo("NOT_FOUND");
        assertThat(api.delete("/v1/feeds/" + feedId, owner.accessToken()).status()).isEqualTo(404);
        assertThat(api.get("/v1/feeds", owner.accessToken()).json().path("items")).isEmpty();

        // create and delete each wrote an outbox event
        assertThat(outboxActions(feedId)).containsExactlyInAnyOrder("feed.created", "feed.deleted");
    }

    @Test
    void busyBlocksOfCommunityMembersAppearWithoutDetailOnlyWhenChosen() {
        TestUser a = users.signUpAndLogin(Plan.M);
        TestUser b = users.signUpAndLogin(Plan.S);
        ApiResult invitation = api.post("/v1/community/invitations", Map.of("inviteeEmail", b.email()), a.accessToken());
        assertThat(invitation.status()).as("%s", invitation).isEqualTo(201);
        assertThat(api.post("/v1/community/invitations/" + invitation.field("id") + "/accept", null, b.accessToken())
                .status()).isEqualTo(200);
        String shared = api.post("/v1/rooms", Map.of("name", "Gemeinschaftsraum"), a.accessToken()).field("id");
        assertThat(api.patch("/v1/rooms/" + shared, Map.of("shared", true), a.accessToken()).status()).isEqualTo(200);

        LocalDate day = LocalDate.now(BERLIN).plusDays(3);
        ApiResult byB = api.post("/v1/bookings", booking(shared, day, 15, 16, "Bertha Secretname",
                "bertha@client.test", "+49 170 5550002"), b.accessToken());
        assertThat(byB.status()).as("%s", byB).isEqualTo(201);
        ApiResult byA = api.post("/v1/bookings", booking(shared, day, 9, 10, "Anna Client", null, null), a.accessToken());
        assertThat(byA.status()).isEqualTo(201);

        ApiResult withBusy = api.post("/v1/feeds", Map.of("includeBusy", true), a.accessToken());
        assertThat(withBusy.status()).as("%s", withBusy).isEqualTo(201);
        assertThat(withBusy.field("includeBusy")).isEqualTo("true");
        ApiResult withoutBusy = api.post("/v1/feeds", Map.of(), a.accessToken());
        assertThat(api.post("/v1/feeds", Map.of("includeBusy", "yes"), a.accessToken()).status()).isEqualTo(422);
        assertThat(api.post("/v1/feeds", Map.of("other", true), a.accessToken()).status()).isEqualTo(422);

        ApiResult feed = api.get(URI.create(withBusy.field("url")).getPath(), null);
        assertThat(feed.status()).isEqualTo(200);
        List<VEvent> events = Biweekly.parse(feed.body()).first().getEvents();
        assertThat(events).extracting(e -> e.getSummary().getValue()).containsExactlyInAnyOrder("Termin · A.C.", "Belegt");
        VEvent busy = events.stream().filter(e -> e.getSummary().getValue().equals("Belegt")).findFirst().orElseThrow();
        assertThat(busy.getDateStart().getValue().toInstant()).isEqualTo(instant(day, 15));
        assertThat(busy.getDateEnd().getValue().toInstant()).isEqualTo(instant(day, 16));
        assertThat(busy.getDescription()).isNull();
        assertThat(busy.getLocation()).isNull();
        assertThat(busy.getUid().getValue()).doesNotContain(byB.field("id"), shared, b.accountId());
        assertThat(feed.body()).doesNotContain("Bertha", "Secretname", "bertha@client.test", "5550002", byB.field("id"),
                b.accountId(), b.email(), "Gemeinschaftsraum");

        ApiResult plain = api.get(URI.create(withoutBusy.field("url")).getPath(), null);
        assertThat(Biweekly.parse(plain.body()).first().getEvents()).extracting(e -> e.getSummary().getValue())
                .containsExactly("Termin · A.C.");

        // B's own feed: B's appointment in full summary, A's as busy
        ApiResult bFeed = api.post("/v1/feeds", Map.of("includeBusy", true), b.accessToken());
        List<VEvent> bEvents = Biweekly.parse(api.get(URI.create(bFeed.field("url")).getPath(), null).body()).first().getEvents();
        assertThat(bEvents).extracting(e -> e.getSummary().getValue()).containsExactlyInAnyOrder("Termin · B.S.", "Belegt");
    }

    @Test
    void ownBlocksAppearWithTheirTitleAndOthersBlocksOnlyAsBusy() {
        TestUser a = users.signUpAndLogin(Plan.M);
        TestUser b = users.signUpAndLogin(Plan.S);
        ApiResult invitation = api.post("/v1/community/invitations", Map.of("inviteeEmail", b.email()), a.accessToken());
        assertThat(api.post("/v1/community/invitations/" + invitation.field("id") + "/accept", null, b.accessToken())
                .status()).isEqualTo(200);
        String shared = api.post("/v1/rooms", Map.of("name", "Blockraum"), a.accessToken()).field("id");
        assertThat(api.patch("/v1/rooms/" + shared, Map.of("shared", true), a.accessToken()).status()).isEqualTo(200);
        LocalDate day = LocalDate.now(BERLIN).plusDays(4);
        ApiResult lunch = api.post("/v1/blocks", Map.of("start", berlin(day, 12, 0), "end", berlin(day, 13, 0),
                "title", "Mittagspause"), a.accessToken());
        assertThat(lunch.status()).as("%s", lunch).isEqualTo(201);
        ApiResult weekly = api.post("/v1/blocks", Map.of("start", berlin(day, 8, 0), "end", berlin(day, 9, 0),
                "title", "Supervision Geheim", "roomId", shared, "recurrence", Map.of("frequency", "WEEKLY", "count", 2)),
                a.accessToken(), "Idempotency-Key", java.util.UUID.randomUUID().toString());
        assertThat(weekly.status()).as("%s", weekly).isEqualTo(201);
        String seriesId = weekly.field("seriesId");

        ApiResult aFeed = api.post("/v1/feeds", Map.of("includeBusy", true), a.accessToken());
        List<VEvent> aEvents = Biweekly.parse(api.get(URI.create(aFeed.field("url")).getPath(), null).body()).first()
                .getEvents();
        assertThat(aEvents).extracting(e -> e.getSummary().getValue())
                .containsExactlyInAnyOrder("Mittagspause", "Supervision Geheim", "Supervision Geheim");
        VEvent lunchEvent = aEvents.stream().filter(e -> e.getSummary().getValue().equals("Mittagspause")).findFirst()
                .orElseThrow();
        assertThat(lunchEvent.getUid().getValue()).isEqualTo("block-" + lunch.field("id") + "@practicecal");
        assertThat(lunchEvent.getDateStart().getValue().toInstant()).isEqualTo(instant(day, 12));
        assertThat(lunchEvent.getRelatedTo()).isEmpty();
        assertThat(aEvents.stream().filter(e -> e.getSummary().getValue().startsWith("Supervision")))
                .allSatisfy(e -> assertThat(e.getRelatedTo().get(0).getValue()).isEqualTo(seriesId + "@series.practicecal"));

        // B sees A's room block as busy, never its title; A's block without room is not B's business at all
        ApiResult bFeed = api.post("/v1/feeds", Map.of("includeBusy", true), b.accessToken());
        String bBody = api.get(URI.create(bFeed.field("url")).getPath(), null).body();
        assertThat(Biweekly.parse(bBody).first().getEvents()).extracting(e -> e.getSummary().getValue())
                .containsExactly("Belegt", "Belegt");
        assertThat(bBody).doesNotContain("Supervision", "Mittagspause", seriesId, lunch.field("id"));

        // a deleted block leaves the feed
        assertThat(api.delete("/v1/blocks/" + lunch.field("id"), a.accessToken()).status()).isEqualTo(204);
        assertThat(Biweekly.parse(api.get(URI.create(aFeed.field("url")).getPath(), null).body()).first().getEvents())
                .extracting(e -> e.getSummary().getValue()).containsExactly("Supervision Geheim", "Supervision Geheim");
    }

    private List<String> outboxActions(String feedId) {
        // paginated: the shared table holds every earlier test's items, more than one scan page
        return local.dynamo().scanPaginator(b -> b.tableName(local.tableName()).filterExpression("begins_with(PK, :p)")
                        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("OUTBOX#")))).items().stream()
                .filter(item -> item.get("payload").s().contains(feedId))
                .map(item -> item.get("action").s()).toList();
    }

    private static Map<String, Object> booking(String room, LocalDate day, int from, int to, String name, String email,
                                               String phone) {
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("name", name);
        if (email != null) {
            client.put("email", email);
        }
        if (phone != null) {
            client.put("phone", phone);
        }
        return Map.of("roomId", room, "start", berlin(day, from, 0), "end", berlin(day, to, 0), "client", client);
    }

    private static Instant instant(LocalDate day, int hour) {
        return ZonedDateTime.of(day, LocalTime.of(hour, 0), BERLIN).toInstant();
    }
}
