package com.practicecal.local.booking;

import static com.practicecal.local.Times.berlin;
import static com.practicecal.local.Urls.enc;
import static com.practicecal.local.booking.Bookings.BERLIN;
import static com.practicecal.local.booking.Bookings.booking;
import static com.practicecal.local.booking.Bookings.createRoom;
import static org.assertj.core.api.Assertions.assertThat;

import com.practicecal.local.ApiResult;
import com.practicecal.local.LocalStackIT;
import com.practicecal.local.TestUser;
import com.practicecal.shared.plan.Plan;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** Plan S allows 30 appointments per calendar month of the practice's time zone. */
class QuotaIT extends LocalStackIT {

    @Test
    void thirtyFirstBookingOfTheMonthFailsAndWritesNothingUntilACancel() {
        TestUser owner = users.signUpAndLogin(Plan.S);
        String room = createRoom(api, owner, "R");
        YearMonth month = YearMonth.now(BERLIN).plusMonths(2);
        String last = null;
        for (int i = 0; i < 30; i++) {
            LocalDate day = month.atDay(1 + i % 28);
            ApiResult created = api.post("/v1/bookings", booking(room, berlin(day, 7 + i / 28), berlin(day, 7 + i / 28, 45),
                    "C" + i), owner.accessToken());
            assertThat(created.status()).as("booking %d: %s", i, created).isEqualTo(201);
            last = created.field("id");
        }
        LocalDate day = month.atDay(20);
        ApiResult refused = api.post("/v1/bookings", booking(room, berlin(day, 15), berlin(day, 15, 45), "31st"),
                owner.accessToken());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.errorCode()).isEqualTo("QUOTA_EXCEEDED");
        assertThat(countInMonth(owner, month)).as("the refused booking wrote nothing").isEqualTo(30);

        // the next month is a fresh month
        assertThat(api.post("/v1/bookings", booking(room, berlin(month.plusMonths(1).atDay(3), 9), berlin(month.plusMonths(1)
                .atDay(3), 9, 45), "Next month"), owner.accessToken()).status()).isEqualTo(201);

        assertThat(api.delete("/v1/bookings/" + last, owner.accessToken()).status()).isEqualTo(204);
        assertThat(api.post("/v1/bookings", booking(room, berlin(day, 15), berlin(day, 15, 45), "After cancel"),
                owner.accessToken()).status()).as("a cancel frees one").isEqualTo(201);
        assertThat(api.post("/v1/bookings", booking(room, berlin(day, 17), berlin(day, 17, 45), "Too many"),
                owner.accessToken()).errorCode()).isEqualTo("QUOTA_EXCEEDED");
    }

    @Test
    void monthBoundaryFollowsThePracticeTimeZone() {
        TestUser berlin = users.signUpAndLogin(Plan.S, "Europe/Berlin");
        String room = createRoom(api, berlin, "R");
        YearMonth month = YearMonth.now(BERLIN).plusMonths(3);
        // fill the month up to the cap
        for (int i = 0; i < 30; i++) {
            LocalDate day = month.atDay(1 + i % 27);
            assertThat(api.post("/v1/bookings", booking(room, berlin(day, 8 + i / 27), berlin(day, 8 + i / 27, 30), "C" + i),
                    berlin.accessToken()).status()).isEqualTo(201);
        }
        // 00:30 on the 1st of the next month in Berlin is still the previous month in UTC: it counts for the new month
        LocalDate firstOfNext = month.plusMonths(1).atDay(1);
        ApiResult earlyFirst = api.post("/v1/bookings", booking(room, berlin(firstOfNext, 0, 30), berlin(firstOfNext, 1, 15),
                "Night owl"), berlin.accessToken());
        assertThat(earlyFirst.status()).as("%s", earlyFirst).isEqualTo(201);
        // 23:30 on the last day in Berlin is the same month there: refused
        LocalDate lastDay = month.atEndOfMonth();
        assertThat(api.post("/v1/bookings", booking(room, berlin(lastDay, 23, 0), berlin(lastDay, 23, 45), "Late"),
                berlin.accessToken()).errorCode()).isEqualTo("QUOTA_EXCEEDED");
    }

    private int countInMonth(TestUser owner, YearMonth month) {
        ApiResult list = api.get("/v1/bookings?limit=500&from=" + enc(berlin(month.atDay(1), 0))
                + "&to=" + enc(berlin(month.plusMonths(1).atDay(1), 0)), owner.accessToken());
        assertThat(list.status()).isEqualTo(200);
        return list.json().path("items").size();
    }
}
