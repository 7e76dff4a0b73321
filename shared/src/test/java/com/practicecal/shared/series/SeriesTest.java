package com.practicecal.shared.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.practicecal.shared.error.ValidationException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeriesTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private final Series series = new Series("s1", "acc", BERLIN, 1, 4,
            List.of(new Series.Segment(0, LocalDateTime.parse("2027-03-16T10:00"), LocalDateTime.parse("2027-03-16T10:50"),
                    "r1")), "h", "u", Instant.EPOCH, 1);

    @Test
    void occurrencesKeepTheirWallClockTimeAcrossTheDstChange() {
        // 2027-03-28 clocks go forward: 10:00 CET is 09:00 UTC before, 10:00 CEST is 08:00 UTC after
        assertThat(series.planned(0).start()).isEqualTo(Instant.parse("2027-03-16T09:00:00Z"));
        assertThat(series.planned(1).start()).isEqualTo(Instant.parse("2027-03-23T09:00:00Z"));
        assertThat(series.planned(2).start()).isEqualTo(Instant.parse("2027-03-30T08:00:00Z"));
        assertThat(series.planned(2).end()).isEqualTo(Instant.parse("2027-03-30T08:50:00Z"));
        assertThat(series.planned()).hasSize(4);
    }

    @Test
    void aChangeFromAnOccurrenceOnAddsASegmentAndLeavesEarlierOnesAlone() {
        Series moved = series.withSegment(new Series.Segment(2, LocalDateTime.parse("2027-03-31T14:00"),
                LocalDateTime.parse("2027-03-31T15:00"), "r2"));
        assertThat(moved.planned(1)).isEqualTo(series.planned(1));
        assertThat(moved.roomOf(1)).isEqualTo("r1");
        assertThat(moved.planned(3).start()).isEqualTo(Instant.parse("2027-04-07T12:00:00Z"));
        assertThat(moved.roomOf(3)).isEqualTo("r2");
        assertThat(moved.version()).isEqualTo(2);
        // a later change from an earlier occurrence replaces the later segment
        Series again = moved.withSegment(new Series.Segment(1, LocalDateTime.parse("2027-03-23T08:00"),
                LocalDateTime.parse("2027-03-23T08:50"), "r1"));
        assertThat(again.segments()).hasSize(2);
        assertThat(again.planned(3).start()).isEqualTo(Instant.parse("2027-04-06T06:00:00Z"));
    }

    @Test
    void idsDeriveFromTheIdempotencyKeySoARetryFindsTheSameBookings() {
        assertThat(Series.id("user-1", "key-1")).isEqualTo(Series.id("user-1", "key-1"))
                .isNotEqualTo(Series.id("user-2", "key-1"));
        assertThat(Series.id("user-1", null)).isNotEqualTo(Series.id("user-1", null));
        assertThat(Series.bookingId("s1", 3)).isEqualTo(Series.bookingId("s1", 3)).isNotEqualTo(Series.bookingId("s1", 4));
    }

    @Test
    void recurrenceIsCountOrUntilWithinLimits() {
        new Recurrence("WEEKLY", 1, 20, null).validate();
        assertThatThrownBy(() -> new Recurrence("DAILY", 1, 20, null).validate()).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new Recurrence("WEEKLY", 5, 20, null).validate()).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new Recurrence("WEEKLY", 1, 53, null).validate()).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new Recurrence("WEEKLY", 1, 1, null).validate()).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new Recurrence("WEEKLY", 1, 5, "2027-05-01").validate())
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new Recurrence("WEEKLY", 1, null, null).validate()).isInstanceOf(ValidationException.class);
        assertThat(new Recurrence("WEEKLY", 2, null, "2027-04-13").occurrences(LocalDateTime.parse("2027-03-16T10:00")))
                .isEqualTo(3); // 16.3., 30.3., 13.4. (inclusive)
        assertThatThrownBy(() -> new Recurrence("WEEKLY", 1, null, "2027-03-20")
                .occurrences(LocalDateTime.parse("2027-03-16T10:00"))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new Recurrence("WEEKLY", 1, null, "2029-03-20")
                .occurrences(LocalDateTime.parse("2027-03-16T10:00"))).isInstanceOf(ValidationException.class);
    }

    @Test
    void theStoredSeriesRoundTrips() {
        var item = new java.util.HashMap<>(SeriesItem.key("s1"));
        SeriesItem.upsert(series).values().forEach((k, v) -> { });
        // the upsert names every attribute fromItem reads
        assertThat(SeriesItem.upsert(series).updateExpression()).contains("#segments", "#hash", "#zone", "#count");
        item.put("seriesId", com.practicecal.shared.store.Attr.s("s1"));
        item.put("accountId", com.practicecal.shared.store.Attr.s("acc"));
        item.put("timeZone", com.practicecal.shared.store.Attr.s("Europe/Berlin"));
        item.put("weeks", com.practicecal.shared.store.Attr.n(1));
        item.put("occurrences", com.practicecal.shared.store.Attr.n(4));
        item.put("segments", com.practicecal.shared.store.Attr.s(com.practicecal.shared.json.Json.write(series.segments())));
        item.put("requestHash", com.practicecal.shared.store.Attr.s("h"));
        item.put("createdBy", com.practicecal.shared.store.Attr.s("u"));
        item.put("createdAt", com.practicecal.shared.store.Attr.s(Instant.EPOCH.toString()));
        item.put("version", com.practicecal.shared.store.Attr.n(1));
        assertThat(SeriesItem.fromItem(item)).isEqualTo(series);
    }
}
