package com.practicecal.shared.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class IntervalTest {
    private static Interval of(String start, String end) {
        return new Interval(OffsetDateTime.parse(start).toInstant(), OffsetDateTime.parse(end).toInstant());
    }

    @Test
    void backToBackIntervalsDoNotOverlap() {
        Interval nine = of("2026-12-01T09:00:00+01:00", "2026-12-01T10:00:00+01:00");
        Interval ten = of("2026-12-01T10:00:00+01:00", "2026-12-01T11:00:00+01:00");
        assertThat(nine.overlaps(ten)).isFalse();
        assertThat(ten.overlaps(nine)).isFalse();
    }

    @Test
    void partialAndContainedIntervalsOverlap() {
        Interval base = of("2026-12-01T09:00:00Z", "2026-12-01T11:00:00Z");
        assertThat(base.overlaps(of("2026-12-01T10:59:00Z", "2026-12-01T12:00:00Z"))).isTrue();
        assertThat(base.overlaps(of("2026-12-01T09:30:00Z", "2026-12-01T10:00:00Z"))).isTrue();
        assertThat(base.overlaps(of("2026-12-01T08:00:00Z", "2026-12-01T12:00:00Z"))).isTrue();
    }

    @Test
    void intervalCrossingUtcMidnightTouchesTwoDays() {
        Interval late = of("2026-12-01T23:30:00Z", "2026-12-02T00:30:00Z");
        assertThat(late.utcDays()).containsExactly(LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-02"));
    }

    @Test
    void intervalEndingExactlyAtMidnightTouchesOneDay() {
        Interval evening = of("2026-12-01T23:00:00Z", "2026-12-02T00:00:00Z");
        assertThat(evening.utcDays()).containsExactly(LocalDate.parse("2026-12-01"));
    }

    @Test
    void dstChangeInBerlinKeepsRealDuration() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        // 2026-03-29: clocks jump from 02:00 to 03:00; 01:30-03:30 local is one real hour
        Instant start = ZonedDateTime.of(2026, 3, 29, 1, 30, 0, 0, berlin).toInstant();
        Instant end = ZonedDateTime.of(2026, 3, 29, 3, 30, 0, 0, berlin).toInstant();
        assertThat(java.time.Duration.between(start, end)).hasHours(1);
        assertThat(QuotaItem.monthOf(start, berlin)).hasToString("2026-03");
    }

    @Test
    void quotaMonthFollowsPracticeTimeZone() {
        Instant newYearsEveUtc = Instant.parse("2026-12-31T23:30:00Z");
        assertThat(QuotaItem.monthOf(newYearsEveUtc, ZoneId.of("Europe/Berlin"))).hasToString("2027-01");
        assertThat(QuotaItem.monthOf(newYearsEveUtc, ZoneId.of("UTC"))).hasToString("2026-12");
    }
}
