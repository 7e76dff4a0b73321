package com.practicecal.shared.online;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicecal.shared.booking.Interval;
import com.practicecal.shared.booking.OccupancyDay;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Slot rules in memory, without the emulator: hours in the practice zone, notice, horizon, buffers, rooms. */
class SlotFinderTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final BookingSettings.Service SESSION = new BookingSettings.Service("s", "Sitzung", 50, 0, 10);

    private static BookingSettings settings(int noticeMinutes, int horizonDays) {
        Map<DayOfWeek, List<BookingSettings.TimeRange>> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            hours.put(day, List.of(new BookingSettings.TimeRange(LocalTime.of(9, 0), LocalTime.of(11, 0))));
        }
        return new BookingSettings(hours, List.of(SESSION), noticeMinutes, horizonDays, 0, 0, 2, null);
    }

    private static Instant berlin(LocalDate day, int hour, int minute) {
        return ZonedDateTime.of(day, LocalTime.of(hour, minute), BERLIN).toInstant();
    }

    private static SlotFinder.Availability availability(BookingSettings settings, List<String> rooms,
                                                        List<OccupancyDay> days, List<Interval> own) {
        return SlotFinder.Availability.of("acc", BERLIN, settings, rooms, days, own, null);
    }

    private static List<Instant> starts(List<SlotFinder.Slot> slots) {
        return slots.stream().map(SlotFinder.Slot::start).toList();
    }

    @Test
    void slotsFollowWallClockHoursAcrossTheDstChange() {
        LocalDate beforeChange = LocalDate.of(2026, 10, 24); // Saturday, CEST
        LocalDate afterChange = LocalDate.of(2026, 10, 26); // Monday, CET
        Instant now = berlin(beforeChange, 0, 0).minusSeconds(86_400);
        var a = availability(settings(0, 60), List.of("r1"), List.of(), List.of());

        List<SlotFinder.Slot> slots = SlotFinder.slots(a, SESSION, berlin(beforeChange, 0, 0),
                berlin(afterChange.plusDays(1), 0, 0), now);

        // 9:00..10:10 in 15-minute steps (50 min must end by 11:00): 9:00, 9:15, ..., 10:00 = 5 per day
        assertThat(slots).hasSize(5 * 3);
        assertThat(slots.get(0).start()).isEqualTo(Instant.parse("2026-10-24T07:00:00Z"));
        assertThat(starts(slots)).contains(Instant.parse("2026-10-26T08:00:00Z")); // 9:00 CET
        assertThat(slots).allSatisfy(s -> assertThat(s.start().atZone(BERLIN).toLocalTime())
                .isBetween(LocalTime.of(9, 0), LocalTime.of(10, 10)));
    }

    @Test
    void noticeAndHorizonBoundTheSlots() {
        LocalDate day = LocalDate.of(2026, 12, 7);
        Instant now = berlin(day, 9, 20);
        var a = availability(settings(30, 1), List.of("r1"), List.of(), List.of());

        List<SlotFinder.Slot> slots = SlotFinder.slots(a, SESSION, berlin(day, 0, 0), berlin(day.plusDays(3), 0, 0), now);

        assertThat(starts(slots)).first().isEqualTo(berlin(day, 10, 0)); // 9:50 is not on the grid, 10:00 is
        assertThat(starts(slots)).allMatch(s -> !s.isAfter(now.plusSeconds(86_400)));
        assertThat(starts(slots)).noneMatch(s -> s.isAfter(berlin(day.plusDays(1), 9, 20)));
    }

    @Test
    void anotherAccountsUseOfTheOnlyRoomBlocksTheSlot() {
        LocalDate day = LocalDate.of(2026, 12, 7);
        Interval taken = new Interval(berlin(day, 9, 0), berlin(day, 10, 0));
        OccupancyDay occupancy = new OccupancyDay("r1", day, 1,
                Map.of("b-other", new OccupancyDay.Occupant(taken, "other-account")));
        var a = availability(settings(0, 60), List.of("r1"), List.of(occupancy), List.of());

        List<SlotFinder.Slot> slots = SlotFinder.slots(a, SESSION, berlin(day, 0, 0), berlin(day.plusDays(1), 0, 0),
                berlin(day, 0, 0));

        assertThat(starts(slots)).containsExactly(berlin(day, 10, 0));
    }

    @Test
    void aSecondRoomKeepsTheSlotOpenAndIsNamed() {
        LocalDate day = LocalDate.of(2026, 12, 7);
        Interval taken = new Interval(berlin(day, 9, 0), berlin(day, 11, 0));
        OccupancyDay occupancy = new OccupancyDay("r1", day, 1,
                Map.of("b-other", new OccupancyDay.Occupant(taken, "other-account")));
        var a = availability(settings(0, 60), List.of("r1", "r2"), List.of(occupancy), List.of());

        List<SlotFinder.Slot> slots = SlotFinder.slots(a, SESSION, berlin(day, 0, 0), berlin(day.plusDays(1), 0, 0),
                berlin(day, 0, 0));

        assertThat(slots).hasSize(5).allSatisfy(s -> assertThat(s.roomId()).isEqualTo("r2"));
    }

    @Test
    void theTherapistsOwnAppointmentBlocksEveryRoomIncludingTheBufferAfter() {
        LocalDate day = LocalDate.of(2026, 12, 7);
        Interval own = new Interval(berlin(day, 10, 0), berlin(day, 10, 30)); // in a room not offered online
        var a = availability(settings(0, 60), List.of("r1", "r2"), List.of(), List.of(own));

        List<SlotFinder.Slot> slots = SlotFinder.slots(a, SESSION, berlin(day, 0, 0), berlin(day.plusDays(1), 0, 0),
                berlin(day, 0, 0));

        // 9:00 + 50 min + 10 min buffer = 10:00: back-to-back is fine; 9:15 would overlap 10:00-10:30
        assertThat(starts(slots)).containsExactly(berlin(day, 9, 0));
    }

    @Test
    void aRescheduledBookingDoesNotBlockItsOwnNewTime() {
        LocalDate day = LocalDate.of(2026, 12, 7);
        Interval current = new Interval(berlin(day, 9, 0), berlin(day, 9, 50));
        OccupancyDay occupancy = new OccupancyDay("r1", day, 1,
                Map.of("b-self", new OccupancyDay.Occupant(current, "acc")));
        var a = SlotFinder.Availability.of("acc", BERLIN, settings(0, 60), List.of("r1"), List.of(occupancy),
                List.of(), "b-self");

        assertThat(SlotFinder.check(a, SESSION, berlin(day, 9, 15), List.of())).isPresent();
        assertThat(SlotFinder.withinWorkingHours(a, SESSION, berlin(day, 10, 15))).isFalse();
        assertThat(SlotFinder.withinWorkingHours(a, SESSION, berlin(day, 10, 10))).isTrue();
    }
}
