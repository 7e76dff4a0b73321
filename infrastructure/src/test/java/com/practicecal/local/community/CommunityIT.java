package com.practicecal.local.community;

import static com.practicecal.local.Times.berlin;
import static com.practicecal.local.Urls.enc;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.practicecal.local.ApiResult;
import com.practicecal.local.LocalStackIT;
import com.practicecal.local.OccupancyCheck;
import com.practicecal.local.TestUser;
import com.practicecal.shared.plan.Plan;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Two practices share a room through a calendar community, see each other as busy only, and never double-book. */
class CommunityIT extends LocalStackIT {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** A (plan M) founds a community and invites B (plan S); B accepts; A shares room 1. */
    private record Pair(TestUser a, TestUser b, String sharedRoom, String privateRoom) {
    }

    private Pair community() {
        TestUser a = users.signUpAndLogin(Plan.M);
        TestUser b = users.signUpAndLogin(Plan.S);
        ApiResult invitation = api.post("/v1/community/invitations", Map.of("inviteeEmail", b.email()), a.accessToken());
        assertThat(invitation.status()).as("%s", invitation).isEqualTo(201);
        assertThat(invitation.field("status")).isEqualTo("PENDING");
        ApiResult incoming = api.get("/v1/community/invitations", b.accessToken());
        assertThat(incoming.json().path("incoming")).extracting(n -> n.path("id").asText()).contains(invitation.field("id"));
        ApiResult accepted = api.post("/v1/community/invitations/" + invitation.field("id") + "/accept", null, b.accessToken());
        assertThat(accepted.status()).as("%s", accepted).isEqualTo(200);
        assertThat(accepted.json().path("members")).hasSize(2);
        String shared = api.post("/v1/rooms", Map.of("name", "Shared room"), a.accessToken()).field("id");
        String own = api.post("/v1/rooms", Map.of("name", "A's own room"), a.accessToken()).field("id");
        ApiResult sharing = api.patch("/v1/rooms/" + shared, Map.of("shared", true), a.accessToken());
        assertThat(sharing.status()).as("%s", sharing).isEqualTo(200);
        assertThat(sharing.field("shared")).isEqualTo("true");
        return new Pair(a, b, shared, own);
    }

    @Test
    void membersBookTheSharedRoomAndSeeEachOtherOnlyAsBusy() {
        Pair p = community();
        LocalDate day = LocalDate.now(BERLIN).plusDays(40);
        ApiResult byB = api.post("/v1/bookings", booking(p.sharedRoom, day, 9, 10, "Bertha Secretname", "bertha@client.test",
                "+49 170 5550001"), p.b.accessToken());
        assertThat(byB.status()).as("%s", byB).isEqualTo(201);
        ApiResult clash = api.post("/v1/bookings", booking(p.sharedRoom, day, 9, 11, "Anna Client", null, null),
                p.a.accessToken());
        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.errorCode()).isEqualTo("ROOM_TAKEN");
        assertThat(clash.body()).doesNotContain("Bertha").doesNotContain(byB.field("id"));
        ApiResult byA = api.post("/v1/bookings", booking(p.sharedRoom, day, 10, 11, "Anna Client", "anna@client.test", null),
                p.a.accessToken());
        assertThat(byA.status()).isEqualTo(201);
        // B cannot book A's private room, nor see, move or cancel A's booking
        assertThat(api.post("/v1/bookings", booking(p.privateRoom, day, 12, 13, "X", null, null), p.b.accessToken())
                .errorField()).isEqualTo("roomId");
        assertThat(api.get("/v1/bookings/" + byA.field("id"), p.b.accessToken()).status()).isEqualTo(404);
        assertThat(api.patch("/v1/bookings/" + byA.field("id"), Map.of("start", berlin(day, 14), "end", berlin(day, 15)),
                p.b.accessToken()).status()).isEqualTo(404);
        assertThat(api.delete("/v1/bookings/" + byA.field("id"), p.b.accessToken()).status()).isEqualTo(404);

        awsCalls.reset();
        ApiResult calendarA = api.get("/v1/calendar?from=" + enc(berlin(day, 0)) + "&to=" + enc(berlin(day.plusDays(7), 0)),
                p.a.accessToken());
        // (1) user + account (calendar index) + the account's days (agenda); (2) rooms + their occupancy days
        assertThat(awsCalls.calls()).as("calendar week: %s", awsCalls.byOperation()).isLessThanOrEqualTo(2);
        assertThat(calendarA.status()).as("%s", calendarA).isEqualTo(200);
        assertThat(calendarA.json().path("rooms")).extracting(n -> n.path("id").asText() + ":" + n.path("mine").asBoolean())
                .containsExactly(p.sharedRoom + ":true", p.privateRoom + ":true");
        assertThat(calendarA.json().path("bookings")).extracting(n -> n.path("id").asText()).containsExactly(byA.field("id"));
        assertThat(calendarA.json().path("busy")).singleElement().satisfies(block -> {
            assertThat(block.path("roomId").asText()).isEqualTo(p.sharedRoom);
            assertThat(block.path("mine").asBoolean()).isFalse();
            assertThat(fieldNames(block)).containsExactlyInAnyOrder("roomId", "start", "end", "mine");
        });
        // privacy scan: nothing of B's booking but its times may appear in A's calendar
        for (String secret : List.of("Bertha", "Secretname", "bertha@client.test", "+49 170 5550001", byB.field("id"),
                p.b.userId(), p.b.accountId(), p.b.email())) {
            assertThat(calendarA.body()).as("A's calendar leaks %s", secret).doesNotContain(secret);
        }
        ApiResult calendarB = api.get("/v1/calendar?from=" + enc(berlin(day, 0)) + "&to=" + enc(berlin(day.plusDays(7), 0)),
                p.b.accessToken());
        assertThat(calendarB.json().path("rooms")).extracting(n -> n.path("id").asText()).containsExactly(p.sharedRoom);
        assertThat(calendarB.json().path("bookings")).extracting(n -> n.path("id").asText()).containsExactly(byB.field("id"));
        for (String secret : List.of("Anna Client", "anna@client.test", byA.field("id"), p.a.email())) {
            assertThat(calendarB.body()).as("B's calendar leaks %s", secret).doesNotContain(secret);
        }
        // the owner cannot delete the shared room while B's future booking is in it
        assertThat(api.delete("/v1/rooms/" + p.sharedRoom, p.a.accessToken()).errorCode()).isEqualTo("ROOM_HAS_FUTURE_BOOKINGS");
    }

    @Test
    void fiftyConcurrentBookingsFromBothMembersOneWins() throws Exception {
        Pair p = community();
        LocalDate day = LocalDate.now(BERLIN).plusDays(41);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ApiResult>> futures = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            TestUser who = i % 2 == 0 ? p.a : p.b;
            int minute = (i * 7) % 50;
            Callable<ApiResult> call = () -> {
                start.await();
                return api.post("/v1/bookings", Map.of("roomId", p.sharedRoom, "start", berlin(day, 9, minute),
                        "end", berlin(day, 11, 0), "client", Map.of("name", "Racer")), who.accessToken());
            };
            futures.add(pool.submit(call));
        }
        start.countDown();
        List<ApiResult> results = new ArrayList<>();
        for (Future<ApiResult> f : futures) {
            results.add(f.get());
        }
        pool.shutdown();
        assertThat(results).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(results).filteredOn(r -> r.status() != 201).allSatisfy(r -> assertThat(r.status()).isEqualTo(409));
        assertThat(OccupancyCheck.overlaps(local, p.sharedRoom)).isEmpty();
    }

    @Test
    void leavingEndsSharingButKeepsBookings() {
        Pair p = community();
        LocalDate day = LocalDate.now(BERLIN).plusDays(42);
        ApiResult kept = api.post("/v1/bookings", booking(p.sharedRoom, day, 9, 10, "Kept", null, null), p.b.accessToken());
        assertThat(kept.status()).isEqualTo(201);
        assertThat(api.delete("/v1/community/members/" + p.b.accountId(), p.b.accessToken()).status()).isEqualTo(204);

        ApiResult refused = api.post("/v1/bookings", booking(p.sharedRoom, day, 11, 12, "New", null, null), p.b.accessToken());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errorField()).isEqualTo("roomId");
        assertThat(api.get("/v1/bookings/" + kept.field("id"), p.b.accessToken()).field("status")).isEqualTo("CONFIRMED");
        assertThat(api.post("/v1/bookings", booking(p.sharedRoom, day, 9, 10, "Clash", null, null), p.a.accessToken())
                .errorCode()).as("the kept booking still blocks the room").isEqualTo("ROOM_TAKEN");
        assertThat(api.get("/v1/community", p.b.accessToken()).status()).isEqualTo(404);
        assertThat(api.get("/v1/community", p.a.accessToken()).json().path("members")).hasSize(1);
    }

    @Test
    void ownerRemovesAMemberWhoseSharedRoomsStopBeingShared() {
        Pair p = community();
        // B (plan S, one room) shares its room too
        String roomB = api.post("/v1/rooms", Map.of("name", "B's room"), p.b.accessToken()).field("id");
        assertThat(api.patch("/v1/rooms/" + roomB, Map.of("shared", true), p.b.accessToken()).status()).isEqualTo(200);
        assertThat(api.get("/v1/community", p.a.accessToken()).json().path("sharedRooms")).hasSize(2);
        // B is not the community's owner: may not remove A
        assertThat(api.delete("/v1/community/members/" + p.a.accountId(), p.b.accessToken()).status()).isEqualTo(403);
        // A (owner) cannot leave while B is a member
        assertThat(api.delete("/v1/community/members/" + p.a.accountId(), p.a.accessToken()).errorCode())
                .isEqualTo("COMMUNITY_OWNER_MUST_STAY");
        assertThat(api.delete("/v1/community/members/" + p.b.accountId(), p.a.accessToken()).status()).isEqualTo(204);
        JsonNode community = api.get("/v1/community", p.a.accessToken()).json();
        assertThat(community.path("members")).hasSize(1);
        assertThat(community.path("sharedRooms")).extracting(n -> n.path("roomId").asText()).containsExactly(p.sharedRoom);
        LocalDate day = LocalDate.now(BERLIN).plusDays(43);
        assertThat(api.post("/v1/bookings", booking(roomB, day, 9, 10, "X", null, null), p.a.accessToken()).errorField())
                .isEqualTo("roomId");
        assertThat(api.get("/v1/rooms", p.b.accessToken()).json().path("items").get(0).path("shared").asBoolean()).isFalse();
        // now alone, the owner may leave: the community dissolves
        assertThat(api.delete("/v1/community/members/" + p.a.accountId(), p.a.accessToken()).status()).isEqualTo(204);
        assertThat(api.get("/v1/community", p.a.accessToken()).status()).isEqualTo(404);
    }

    @Test
    void invitationLifecycleDeclineExpiryAndStrangers() {
        TestUser a = users.signUpAndLogin(Plan.M);
        TestUser b = users.signUpAndLogin(Plan.S);
        TestUser stranger = users.signUpAndLogin(Plan.S);
        String first = api.post("/v1/community/invitations", Map.of("inviteeEmail", b.email()), a.accessToken()).field("id");
        assertThat(api.post("/v1/community/invitations/" + first + "/accept", null, stranger.accessToken()).status())
                .as("only the invitee").isEqualTo(404);
        assertThat(api.post("/v1/community/invitations/" + first + "/decline", null, b.accessToken()).status()).isEqualTo(204);
        assertThat(api.post("/v1/community/invitations/" + first + "/accept", null, b.accessToken()).errorCode())
                .isEqualTo("INVITATION_CLOSED");
        assertThat(api.get("/v1/community/invitations", a.accessToken()).json().path("outgoing").get(0).path("status")
                .asText()).isEqualTo("DECLINED");

        String second = api.post("/v1/community/invitations", Map.of("inviteeEmail", b.email()), a.accessToken()).field("id");
        // 14 days pass (the stored expiry is moved into the past behind the API's back)
        local.dynamo().updateItem(u -> u.tableName(local.stack().physicalId("MainTable"))
                .key(Map.of("PK", AttributeValue.fromS("INVITATION#" + second), "SK", AttributeValue.fromS("INVITATION")))
                .updateExpression("SET expiresAtIso = :past")
                .expressionAttributeValues(Map.of(":past", AttributeValue.fromS("2020-01-01T00:00:00Z"))));
        assertThat(api.post("/v1/community/invitations/" + second + "/accept", null, b.accessToken()).errorCode())
                .isEqualTo("INVITATION_EXPIRED");
        assertThat(api.get("/v1/community/invitations", b.accessToken()).json().path("incoming"))
                .extracting(n -> n.path("status").asText()).contains("EXPIRED", "DECLINED");
        assertThat(api.get("/v1/community", b.accessToken()).status()).isEqualTo(404);
        assertThat(api.post("/v1/community/invitations", Map.of("inviteeEmail", a.email()), a.accessToken()).errorField())
                .isEqualTo("inviteeEmail");
        assertThat(api.patch("/v1/rooms/" + api.post("/v1/rooms", Map.of("name", "R"), stranger.accessToken()).field("id"),
                Map.of("shared", true), stranger.accessToken()).errorCode()).isEqualTo("NOT_IN_COMMUNITY");
    }

    /** Sharing writes every member's calendar index in one transaction, so a community takes at most 20 practices. */
    @Test
    void aCommunityTakesAtMostTwentyPractices() {
        TestUser founder = users.signUpAndLogin(Plan.S);
        for (int i = 1; i < 20; i++) {
            TestUser member = users.signUpAndLogin(Plan.S);
            String id = api.post("/v1/community/invitations", Map.of("inviteeEmail", member.email()), founder.accessToken())
                    .field("id");
            assertThat(api.post("/v1/community/invitations/" + id + "/accept", null, member.accessToken()).status())
                    .isEqualTo(200);
        }
        TestUser oneTooMany = users.signUpAndLogin(Plan.S);
        String id = api.post("/v1/community/invitations", Map.of("inviteeEmail", oneTooMany.email()), founder.accessToken())
                .field("id");
        ApiResult refused = api.post("/v1/community/invitations/" + id + "/accept", null, oneTooMany.accessToken());
        assertThat(refused.status()).as("%s", refused).isEqualTo(409);
        assertThat(refused.errorCode()).isEqualTo("COMMUNITY_FULL");
        assertThat(api.get("/v1/community", founder.accessToken()).json().path("members")).hasSize(20);
        assertThat(api.get("/v1/community", oneTooMany.accessToken()).status()).isEqualTo(404);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Map<String, Object> booking(String room, LocalDate day, int from, int to, String name, String email,
                                               String phone) {
        Map<String, Object> client = new java.util.LinkedHashMap<>();
        client.put("name", name);
        if (email != null) {
            client.put("email", email);
        }
        if (phone != null) {
            client.put("phone", phone);
        }
        return Map.of("roomId", room, "start", berlin(day, from), "end", berlin(day, to), "client", client);
    }
}
