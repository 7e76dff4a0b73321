package com.practicecal.shared.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OccupancyDayTest {
    private final Interval nineToTen = new Interval(Instant.parse("2026-12-01T09:00:00Z"), Instant.parse("2026-12-01T10:00:00Z"));
    private final OccupancyDay day = new OccupancyDay("r1", LocalDate.parse("2026-12-01"), 3,
            Map.of("b1", new OccupancyDay.Occupant(nineToTen, "acc-1")));

    @Test
    void findsOverlapWithAnotherBooking() {
        Interval wanted = new Interval(Instant.parse("2026-12-01T09:30:00Z"), Instant.parse("2026-12-01T10:30:00Z"));
        assertThat(day.conflictWith(wanted, "b2")).isPresent();
    }

    @Test
    void aBookingDoesNotConflictWithItself() {
        Interval shifted = new Interval(Instant.parse("2026-12-01T09:30:00Z"), Instant.parse("2026-12-01T10:30:00Z"));
        assertThat(day.conflictWith(shifted, "b1")).isEmpty();
    }

    @Test
    void storageRoundTripKeepsIntervalsAndVersion() {
        var item = new java.util.HashMap<>(OccupancyDayItem.key("r1", day.day()));
        item.put(OccupancyDayItem.VERSION, com.practicecal.shared.store.Attr.n(3));
        item.put(OccupancyDayItem.OCCUPANTS, software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromM(
                Map.of("b1", OccupancyDayItem.occupant(nineToTen, "acc-1"))));
        OccupancyDay read = OccupancyDayItem.fromItem("r1", day.day(), item);
        assertThat(read).isEqualTo(day);
        assertThat(OccupancyDayItem.dayOf(item)).isEqualTo(day.day());
    }
}
