package com.practicecal.local.booking;

import static com.practicecal.local.Urls.enc;
import static com.practicecal.local.booking.Bookings.BERLIN;
import static com.practicecal.local.booking.Bookings.booking;
import static com.practicecal.local.booking.Bookings.createRoom;
import static org.assertj.core.api.Assertions.assertThat;

import com.practicecal.local.ApiResult;
import com.practicecal.local.LocalStackIT;
import com.practicecal.local.TestUser;
import com.practicecal.shared.plan.Plan;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.temporal.TemporalAdjusters;
import org.junit.jupiter.api.Test;

/** Bookings on the last Sundays of March and October (Europe/Berlin) store and return correctly. */
class DaylightSavingIT extends LocalStackIT {

    @Test
    void springForwardNight() {
        TestUser owner = users.signUpAndLogin(Plan.L);
        String room = createRoom(api, owner, "DST");
        LocalDate sunday = lastSunday(3);
        // 01:30 CET to 03:30 CEST is one real hour: clocks skip 02:00-03:00
        ApiResult created = api.post("/v1/bookings", booking(room, sunday + "T01:30:00+01:00", sunday + "T03:30:00+02:00",
                "Spring"), owner.accessToken());
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(created.field("start")).isEqualTo(sunday + "T01:30:00+01:00");
        assertThat(created.field("end")).isEqualTo(sunday + "T03:30:00+02:00");
        assertThat(Duration.between(OffsetDateTime.parse(created.field("start")), OffsetDateTime.parse(created.field("end"))))
                .isEqualTo(Duration.ofHours(1));
        ApiResult read = api.get("/v1/bookings/" + created.field("id"), owner.accessToken());
        assertThat(read.field("start")).isEqualTo(created.field("start"));
        // 03:30 CEST directly after is free; 02:45 UTC-expressed overlap is not
        assertThat(api.post("/v1/bookings", booking(room, sunday + "T03:30:00+02:00", sunday + "T04:30:00+02:00", "Next"),
                owner.accessToken()).status()).isEqualTo(201);
        assertThat(api.post("/v1/bookings", booking(room, sunday + "T01:15:00Z", sunday + "T01:45:00Z", "Clash"),
                owner.accessToken()).errorCode()).isEqualTo("ROOM_TAKEN");
    }

    @Test
    void fallBackNightHasTwoDistinctHours() {
        TestUser owner = users.signUpAndLogin(Plan.L);
        String room = createRoom(api, owner, "DST");
        LocalDate sunday = lastSunday(10);
        // 02:30 happens twice: first in CEST (+02:00), then in CET (+01:00); both can be booked
        ApiResult first = api.post("/v1/bookings", booking(room, sunday + "T02:00:00+02:00", sunday + "T02:59:00+02:00",
                "First 2:30"), owner.accessToken());
        ApiResult second = api.post("/v1/bookings", booking(room, sunday + "T02:00:00+01:00", sunday + "T02:59:00+01:00",
                "Second 2:30"), owner.accessToken());
        assertThat(first.status()).as("%s", first).isEqualTo(201);
        assertThat(second.status()).as("%s", second).isEqualTo(201);
        assertThat(first.field("start")).isEqualTo(sunday + "T02:00:00+02:00");
        assertThat(second.field("start")).isEqualTo(sunday + "T02:00:00+01:00");
        ApiResult list = api.get("/v1/bookings?from=" + enc(sunday + "T00:00:00+02:00") + "&to="
                + enc(sunday + "T06:00:00+01:00"), owner.accessToken());
        assertThat(list.json().path("items")).hasSize(2);
    }

    private static LocalDate lastSunday(int month) {
        LocalDate today = LocalDate.now(BERLIN);
        int year = today.getYear();
        LocalDate candidate = Year.of(year).atMonth(month).atEndOfMonth().with(TemporalAdjusters.lastInMonth(DayOfWeek.SUNDAY));
        if (!candidate.isAfter(today.plusDays(1))) {
            candidate = Year.of(year + 1).atMonth(month).atEndOfMonth().with(TemporalAdjusters.lastInMonth(DayOfWeek.SUNDAY));
        }
        return candidate;
    }
}
