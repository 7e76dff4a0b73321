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
import org.junit.jupiter.api.Test;

/** Account A can neither see, move nor cancel account B's rooms or bookings; it learns nothing about them. */
class BookingAuthorizationIT extends LocalStackIT {

    @Test
    void anotherAccountsResourcesAreInvisible() {
        TestUser a = users.signUpAndLogin(Plan.M);
        TestUser b = users.signUpAndLogin(Plan.M);
        String roomB = createRoom(api, b, "B's room");
        LocalDate day = futureDay(30);
        ApiResult bookingB = api.post("/v1/bookings", booking(roomB, at(day, 9, 0), at(day, 10, 0), "Secret Client"),
                b.accessToken());
        String idB = bookingB.field("id");

        ApiResult read = api.get("/v1/bookings/" + idB, a.accessToken());
        assertThat(read.status()).isEqualTo(404);
        assertThat(api.patch("/v1/bookings/" + idB, Map.of("start", at(day, 11, 0), "end", at(day, 12, 0)),
                a.accessToken()).status()).isEqualTo(404);
        assertThat(api.delete("/v1/bookings/" + idB, a.accessToken()).status()).isEqualTo(404);
        assertThat(api.patch("/v1/rooms/" + roomB, Map.of("name", "Mine now"), a.accessToken()).status()).isEqualTo(404);
        assertThat(api.delete("/v1/rooms/" + roomB, a.accessToken()).status()).isEqualTo(404);
        ApiResult intoForeignRoom = api.post("/v1/bookings", booking(roomB, at(day, 12, 0), at(day, 13, 0), "X"),
                a.accessToken());
        assertThat(intoForeignRoom.status()).isEqualTo(422);
        assertThat(intoForeignRoom.errorField()).isEqualTo("roomId");
        ApiResult listA = api.get("/v1/bookings?from=" + enc(at(day, 0, 0)) + "&to="
                + enc(at(day.plusDays(1), 0, 0)), a.accessToken());
        assertThat(listA.json().path("items")).isEmpty();
        assertThat(api.get("/v1/rooms", a.accessToken()).body()).doesNotContain(roomB);

        // nothing A did changed B's booking, and no response to A mentioned B's client
        ApiResult stillB = api.get("/v1/bookings/" + idB, b.accessToken());
        assertThat(stillB.field("status")).isEqualTo("CONFIRMED");
        assertThat(stillB.field("start")).isEqualTo(bookingB.field("start"));
        assertThat(read.body()).doesNotContain("Secret Client").doesNotContain("client@example.org");
    }

    @Test
    void unauthenticatedCallsAreRejectedByTheGateway() {
        assertThat(api.get("/v1/bookings/whatever", null).status()).isEqualTo(401);
        assertThat(api.post("/v1/bookings", Map.of(), null).status()).isEqualTo(401);
        assertThat(api.get("/v1/rooms", "not-a-jwt").status()).isEqualTo(401);
    }
}
