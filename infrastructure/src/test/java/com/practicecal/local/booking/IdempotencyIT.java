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
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Retried requests with the same Idempotency-Key create one booking and replay the first response. */
class IdempotencyIT extends LocalStackIT {

    @Test
    void retriedPostCreatesOneBooking() {
        TestUser owner = users.signUpAndLogin(Plan.M);
        String room = createRoom(api, owner, "R");
        LocalDate day = futureDay(20);
        String key = UUID.randomUUID().toString();
        var body = booking(room, at(day, 9, 0), at(day, 10, 0), "Retry Client");
        ApiResult first = api.post("/v1/bookings", body, owner.accessToken(), "Idempotency-Key", key);
        ApiResult second = api.post("/v1/bookings", body, owner.accessToken(), "Idempotency-Key", key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json()).isEqualTo(first.json());
        assertThat(listed(owner, day)).isEqualTo(1);

        var other = booking(room, at(day, 11, 0), at(day, 12, 0), "Someone else");
        ApiResult reused = api.post("/v1/bookings", other, owner.accessToken(), "Idempotency-Key", key);
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.errorCode()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(listed(owner, day)).as("the reused key wrote nothing").isEqualTo(1);
    }

    @Test
    void retriedMoveReplaysAndDoesNotMoveTwice() {
        TestUser owner = users.signUpAndLogin(Plan.M);
        String room = createRoom(api, owner, "R");
        LocalDate day = futureDay(21);
        String id = api.post("/v1/bookings", booking(room, at(day, 9, 0), at(day, 10, 0), "Mover"), owner.accessToken())
                .field("id");
        String key = UUID.randomUUID().toString();
        Map<String, Object> move = Map.of("start", at(day, 13, 0), "end", at(day, 14, 0));
        ApiResult first = api.patch("/v1/bookings/" + id, move, owner.accessToken(), "Idempotency-Key", key);
        ApiResult again = api.patch("/v1/bookings/" + id, move, owner.accessToken(), "Idempotency-Key", key);
        assertThat(first.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(api.get("/v1/bookings/" + id, owner.accessToken()).field("updatedAt")).isEqualTo(first.field("updatedAt"));
    }

    @Test
    void sameKeyFromTwoUsersDoesNotCollide() {
        TestUser a = users.signUpAndLogin(Plan.M);
        TestUser b = users.signUpAndLogin(Plan.M);
        LocalDate day = futureDay(22);
        String key = "shared-key-" + UUID.randomUUID();
        assertThat(api.post("/v1/bookings", booking(createRoom(api, a, "A"), at(day, 9, 0), at(day, 10, 0), "A1"),
                a.accessToken(), "Idempotency-Key", key).status()).isEqualTo(201);
        assertThat(api.post("/v1/bookings", booking(createRoom(api, b, "B"), at(day, 9, 0), at(day, 10, 0), "B1"),
                b.accessToken(), "Idempotency-Key", key).status()).isEqualTo(201);
    }

    private int listed(TestUser owner, LocalDate day) {
        return api.get("/v1/bookings?from=" + enc(at(day, 0, 0)) + "&to="
                + enc(at(day.plusDays(1), 0, 0)), owner.accessToken()).json().path("items").size();
    }
}
