package com.practicecal.local.booking;

import static com.practicecal.local.booking.Bookings.at;
import static com.practicecal.local.booking.Bookings.booking;
import static com.practicecal.local.booking.Bookings.createRoom;
import static com.practicecal.local.booking.Bookings.futureDay;
import static org.assertj.core.api.Assertions.assertThat;

import com.practicecal.local.ApiResult;
import com.practicecal.local.Races;
import com.practicecal.local.LocalStackIT;
import com.practicecal.local.OccupancyCheck;
import com.practicecal.local.TestUser;
import com.practicecal.shared.plan.Plan;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Many clients at once, through the local API: the DynamoDB conditions decide, exactly one wins, and the stored
 * occupancy never holds two overlapping intervals.
 */
class BookingConcurrencyIT extends LocalStackIT {
    private static final int THREADS = 50;

    @Test
    void fiftyOverlappingBookingsOneWins() throws Exception {
        TestUser owner = users.signUpAndLogin(Plan.L);
        String room = createRoom(api, owner, "Contended");
        LocalDate day = futureDay(10);
        List<ApiResult> results = Races.race(THREADS, i -> () -> api.post("/v1/bookings",
                booking(room, at(day, 9, (i * 7) % 50), at(day, 11, 0), "Client " + i), owner.accessToken()));
        assertThat(results).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(results).filteredOn(r -> r.status() != 201)
                .allSatisfy(r -> assertThat(r.status()).as("%s", r).isEqualTo(409));
        assertNoOverlap(room, day);
    }

    @Test
    void movesRacingWithNewBookingsNeverOverlap() throws Exception {
        TestUser owner = users.signUpAndLogin(Plan.L);
        String room = createRoom(api, owner, "Busy");
        LocalDate day = futureDay(11);
        List<String> ids = new ArrayList<>();
        for (int h = 8; h < 13; h++) {
            ids.add(api.post("/v1/bookings", booking(room, at(day, h, 0), at(day, h, 30), "Early " + h), owner.accessToken())
                    .field("id"));
        }
        // 5 moves into 14:00-15:00 and 20 new bookings of 14:15-14:45 race for the same hour
        List<ApiResult> results = Races.race(25, i -> () -> i < 5
                ? api.patch("/v1/bookings/" + ids.get(i), Map.of("start", at(day, 14, 0), "end", at(day, 15, 0)),
                        owner.accessToken())
                : api.post("/v1/bookings", booking(room, at(day, 14, 15), at(day, 14, 45), "New " + i), owner.accessToken()));
        assertThat(results).filteredOn(r -> r.status() == 200 || r.status() == 201).hasSize(1);
        assertThat(results).filteredOn(r -> r.status() >= 300).allSatisfy(r -> assertThat(r.status()).isEqualTo(409));
        assertNoOverlap(room, day);
    }

    @Test
    void cancelAndRebookRacesLeaveOneBooking() throws Exception {
        TestUser owner = users.signUpAndLogin(Plan.L);
        String room = createRoom(api, owner, "Rebooked");
        LocalDate day = futureDay(12);
        String id = api.post("/v1/bookings", booking(room, at(day, 10, 0), at(day, 11, 0), "First"), owner.accessToken())
                .field("id");
        List<ApiResult> results = Races.race(30, i -> () -> i == 0
                ? api.delete("/v1/bookings/" + id, owner.accessToken())
                : api.post("/v1/bookings", booking(room, at(day, 10, 0), at(day, 11, 0), "Second " + i), owner.accessToken()));
        assertThat(results.get(0).status()).isEqualTo(204);
        // the cancel frees the slot once: at most one rebooking wins, and no two intervals overlap
        assertThat(results).filteredOn(r -> r.status() == 201).hasSizeLessThanOrEqualTo(1);
        assertThat(results.subList(1, results.size())).allSatisfy(r -> assertThat(r.status()).isIn(201, 409));
        assertNoOverlap(room, day);
    }


    private void assertNoOverlap(String roomId, LocalDate day) {
        assertThat(OccupancyCheck.overlaps(local, roomId)).as("overlaps around %s", day).isEmpty();
    }
}
