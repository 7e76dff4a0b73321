package com.practicecal.local.booking;

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
import org.junit.jupiter.api.Test;

/** Moving only the room (same time) frees the old room and claims the new one. */
class RoomMoveIT extends LocalStackIT {
    @Test
    void moveToAnotherRoomAtTheSameTime() {
        TestUser owner = users.signUpAndLogin(Plan.M);
        String a = createRoom(api, owner, "A");
        String b = createRoom(api, owner, "B");
        LocalDate day = futureDay(7);
        String id = api.post("/v1/bookings", booking(a, at(day, 7, 0), at(day, 7, 45), "C"), owner.accessToken()).field("id");
        ApiResult moved = api.patch("/v1/bookings/" + id, Map.of("roomId", b), owner.accessToken());
        assertThat(moved.status()).as("%s", moved).isEqualTo(200);
        assertThat(api.post("/v1/bookings", booking(a, at(day, 7, 0), at(day, 7, 45), "D"), owner.accessToken()).status())
                .isEqualTo(201);
        assertThat(api.post("/v1/bookings", booking(b, at(day, 7, 30), at(day, 8, 0), "E"), owner.accessToken())
                .errorCode()).isEqualTo("ROOM_TAKEN");
    }
}
