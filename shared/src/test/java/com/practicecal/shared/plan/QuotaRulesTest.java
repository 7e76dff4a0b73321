package com.practicecal.shared.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicecal.shared.booking.QuotaItem;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The plans' caps and which month a booking counts in (fast tier; the caps are enforced by transaction conditions). */
class QuotaRulesTest {
    @Test
    void monthlyCapsAndTheOnlineShare() {
        assertThat(Plan.S.monthlyAppointmentCap()).hasValue(30);
        assertThat(Plan.M.monthlyAppointmentCap()).hasValue(100);
        assertThat(Plan.L.monthlyAppointmentCap()).isEmpty();
        assertThat(Plan.XL.monthlyAppointmentCap()).isEmpty();
        assertThat(Plan.S.monthlyOnlineCap()).as("two thirds, rounded down").hasValue(20);
        assertThat(Plan.M.monthlyOnlineCap()).hasValue(66);
        assertThat(Plan.L.monthlyOnlineCap()).isEmpty();
    }

    @Test
    void whatEachPlanGates() {
        assertThat(Plan.S.maxRooms()).isEqualTo(1);
        assertThat(Plan.M.maxRooms()).isEqualTo(2);
        assertThat(Plan.S.allowsDelegation()).isFalse();
        assertThat(Plan.M.allowsDelegation()).isFalse();
        assertThat(Plan.L.allowsDelegation()).isTrue();
        assertThat(Plan.L.allowsStaff()).isFalse();
        assertThat(Plan.XL.allowsStaff()).isTrue();
    }

    @Test
    void aBookingCountsInThePracticesMonthNotUtcs() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        Instant newYearsEveLate = Instant.parse("2026-12-31T23:30:00Z"); // 00:30 on 1 January in Berlin
        assertThat(QuotaItem.monthOf(newYearsEveLate, berlin)).isEqualTo(YearMonth.of(2027, 1));
        assertThat(QuotaItem.monthOf(newYearsEveLate, ZoneId.of("UTC"))).isEqualTo(YearMonth.of(2026, 12));
        assertThat(QuotaItem.key("a-1", YearMonth.of(2027, 1)).get("SK").s()).isEqualTo("QUOTA#2027-01");
    }
}
