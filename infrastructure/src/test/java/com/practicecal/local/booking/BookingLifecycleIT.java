package com.practicecal.local.booking;

import static com.practicecal.local.Urls.enc;
import static com.practicecal.local.booking.Bookings.at;
import static com.practicecal.local.booking.Bookings.booking;
import static com.practicecal.local.booking.Bookings.createRoom;
import static com.practicecal.local.booking.Bookings.futureDay;
import static org.assertj.core.api.Assertions.assertThat;

import com.practicecal.local.ApiResult;
import com.practicecal.local.LocalStackIT;
import com.practicecal.local.TestUser;
import com.practicecal.shared.plan.Plan;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Create, read, list, move and cancel through the local API, with the AWS calls each operation costs. */
class BookingLifecycleIT extends LocalStackIT {

    @Test
    void bookingLifecycleWithinCallBudgets() {
        TestUser owner = users.signUpAndLogin(Plan.M);
        String room1 = createRoom(api, owner, "Room 1");
        String room2 = createRoom(api, owner, "Room 2");
        LocalDate day = futureDay(1);

        awsCalls.reset();
        ApiResult created = api.post("/v1/bookings", booking(room1, at(day, 9, 0), at(day, 9, 50), "Erika Mustermann"),
                owner.accessToken());
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(awsCalls.calls()).as("create: %s", awsCalls.byOperation()).isLessThanOrEqualTo(3);
        String id = created.field("id");
        assertThat(created.field("status")).isEqualTo("CONFIRMED");
        assertThat(OffsetDateTime.parse(created.field("start")).toInstant())
                .isEqualTo(OffsetDateTime.parse(at(day, 9, 0)).toInstant());
        assertThat(created.field("client.email")).isEqualTo("client@example.org");

        ApiResult read = api.get("/v1/bookings/" + id, owner.accessToken());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.field("roomId")).isEqualTo(room1);

        awsCalls.reset();
        ApiResult moved = api.patch("/v1/bookings/" + id,
                Map.of("roomId", room2, "start", at(day, 10, 0), "end", at(day, 10, 50)), owner.accessToken());
        assertThat(moved.status()).as("%s", moved).isEqualTo(200);
        assertThat(awsCalls.calls()).as("move: %s", awsCalls.byOperation()).isLessThanOrEqualTo(3);
        assertThat(moved.field("roomId")).isEqualTo(room2);

        // the old slot in room 1 is free again, the new one in room 2 is taken
        assertThat(api.post("/v1/bookings", booking(room1, at(day, 9, 0), at(day, 9, 50), "Max"), owner.accessToken())
                .status()).isEqualTo(201);
        ApiResult taken = api.post("/v1/bookings", booking(room2, at(day, 10, 30), at(day, 11, 0), "Max"),
                owner.accessToken());
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.errorCode()).isEqualTo("ROOM_TAKEN");

        awsCalls.reset();
        ApiResult cancelled = api.delete("/v1/bookings/" + id, owner.accessToken());
        assertThat(cancelled.status()).isEqualTo(204);
        assertThat(awsCalls.calls()).as("cancel: %s", awsCalls.byOperation()).isLessThanOrEqualTo(2);
        assertThat(api.delete("/v1/bookings/" + id, owner.accessToken()).status()).as("idempotent cancel").isEqualTo(204);
        assertThat(api.get("/v1/bookings/" + id, owner.accessToken()).field("status")).isEqualTo("CANCELLED");
        assertThat(api.post("/v1/bookings", booking(room2, at(day, 10, 30), at(day, 11, 0), "Max"), owner.accessToken())
                .status()).as("slot freed by cancel").isEqualTo(201);

        ApiResult list = api.get("/v1/bookings?from=" + enc(at(day, 0, 0)) + "&to=" + enc(at(day.plusDays(1), 0, 0)),
                owner.accessToken());
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().path("items")).hasSize(3);
    }

    @Test
    void bookingAcrossMidnightBlocksBothDays() {
        TestUser owner = users.signUpAndLogin(Plan.S);
        String room = createRoom(api, owner, "Night room");
        LocalDate day = futureDay(2);
        assertThat(api.post("/v1/bookings", booking(room, at(day, 22, 0), at(day.plusDays(1), 3, 0), "Night"),
                owner.accessToken()).status()).isEqualTo(201);
        assertThat(api.post("/v1/bookings", booking(room, at(day.plusDays(1), 2, 0), at(day.plusDays(1), 4, 0), "Late"),
                owner.accessToken()).errorCode()).isEqualTo("ROOM_TAKEN");
        assertThat(api.post("/v1/bookings", booking(room, at(day.plusDays(1), 3, 0), at(day.plusDays(1), 4, 0), "Next"),
                owner.accessToken()).status()).as("back to back").isEqualTo(201);
    }

    @Test
    void invalidBookingsAre422AndWriteNothing() {
        TestUser owner = users.signUpAndLogin(Plan.S);
        String room = createRoom(api, owner, "R");
        LocalDate day = futureDay(3);
        assertField(api.post("/v1/bookings", booking(room, at(day, 10, 0), at(day, 10, 0), "A"), owner.accessToken()), "end");
        assertField(api.post("/v1/bookings", booking(room, at(day, 6, 0), at(day, 19, 0), "A"), owner.accessToken()), "end");
        assertField(api.post("/v1/bookings", booking(room, "2020-01-01T10:00:00+01:00", "2020-01-01T11:00:00+01:00", "A"),
                owner.accessToken()), "start");
        assertField(api.post("/v1/bookings", booking("no-such-room", at(day, 10, 0), at(day, 11, 0), "A"),
                owner.accessToken()), "roomId");
        Map<String, Object> badEmail = booking(room, at(day, 10, 0), at(day, 11, 0), "A");
        badEmail.put("client", Map.of("name", "A", "email", "nope"));
        assertField(api.post("/v1/bookings", badEmail, owner.accessToken()), "client.email");
        assertField(api.get("/v1/bookings?from=" + enc(at(day, 0, 0)) + "&to=" + enc(at(day.plusDays(93), 0, 0)),
                owner.accessToken()), "to");
        ApiResult list = api.get("/v1/bookings?from=" + enc(at(day, 0, 0)) + "&to=" + enc(at(day.plusDays(1), 0, 0)),
                owner.accessToken());
        assertThat(list.json().path("items")).isEmpty();
    }

    @Test
    void listingPagesThroughAllBookingsInOrder() {
        TestUser owner = users.signUpAndLogin(Plan.L);
        String room = createRoom(api, owner, "R");
        LocalDate day = futureDay(4);
        for (int hour = 8; hour < 15; hour++) {
            assertThat(api.post("/v1/bookings", booking(room, at(day, hour, 0), at(day, hour, 45), "C" + hour),
                    owner.accessToken()).status()).isEqualTo(201);
        }
        String query = "/v1/bookings?limit=3&from=" + enc(at(day, 0, 0)) + "&to=" + enc(at(day.plusDays(1), 0, 0));
        java.util.List<String> starts = new java.util.ArrayList<>();
        String cursor = null;
        do {
            ApiResult page = api.get(query + (cursor == null ? "" : "&cursor=" + cursor), owner.accessToken());
            assertThat(page.status()).as("%s", page).isEqualTo(200);
            page.json().path("items").forEach(item -> starts.add(item.path("start").asText()));
            cursor = page.field("nextCursor");
        } while (cursor != null);
        assertThat(starts).hasSize(7).isSorted();
    }

    @Test
    void roomWithFutureBookingsCannotBeDeleted() {
        TestUser owner = users.signUpAndLogin(Plan.M);
        String room = createRoom(api, owner, "R");
        LocalDate day = futureDay(5);
        String id = api.post("/v1/bookings", booking(room, at(day, 9, 0), at(day, 10, 0), "A"), owner.accessToken())
                .field("id");
        ApiResult refused = api.delete("/v1/rooms/" + room, owner.accessToken());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.errorCode()).isEqualTo("ROOM_HAS_FUTURE_BOOKINGS");
        assertThat(api.post("/v1/bookings", booking(room, at(day, 11, 0), at(day, 12, 0), "B"), owner.accessToken())
                .status()).as("room reactivated after refused delete").isEqualTo(201);
        api.delete("/v1/bookings/" + id, owner.accessToken());
        String second = api.get("/v1/bookings?from=" + enc(at(day, 0, 0)) + "&to=" + enc(at(day.plusDays(1), 0, 0)),
                owner.accessToken()).json().path("items").get(1).path("id").asText();
        api.delete("/v1/bookings/" + second, owner.accessToken());
        assertThat(api.delete("/v1/rooms/" + room, owner.accessToken()).status()).isEqualTo(204);
        assertThat(api.get("/v1/rooms", owner.accessToken()).json().path("items")).isEmpty();
        assertThat(api.post("/v1/bookings", booking(room, at(day, 11, 0), at(day, 12, 0), "B"), owner.accessToken())
                .errorField()).isEqualTo("roomId");
    }

    @Test
    void roomLimitFollowsThePlan() {
        TestUser owner = users.signUpAndLogin(Plan.S);
        createRoom(api, owner, "Only room");
        ApiResult second = api.post("/v1/rooms", Map.of("name", "Second"), owner.accessToken());
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.errorCode()).isEqualTo("ROOM_LIMIT_REACHED");
        assertThat(api.put("/v1/account/plan", Map.of("plan", "M"), owner.accessToken()).status()).isEqualTo(200);
        assertThat(api.post("/v1/rooms", Map.of("name", "Second"), owner.accessToken()).status()).isEqualTo(201);
        ApiResult downgrade = api.put("/v1/account/plan", Map.of("plan", "S"), owner.accessToken());
        assertThat(downgrade.errorCode()).isEqualTo("ROOM_LIMIT_REACHED");
        assertThat(api.get("/v1/rooms", owner.accessToken()).json().path("items")).hasSize(2);
        ApiResult renamed = api.patch("/v1/rooms/" + api.get("/v1/rooms", owner.accessToken()).json().path("items")
                .get(0).path("id").asText(), Map.of("name", "Blue room"), owner.accessToken());
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.field("name")).isEqualTo("Blue room");
    }


    private static void assertField(ApiResult result, String field) {
        assertThat(result.status()).as("%s", result).isEqualTo(422);
        assertThat(result.errorField()).as("%s", result).isEqualTo(field);
    }
}
