package com.practicecal.local;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** Request times as a client sends them: wall-clock time in the test practices' zone, as an RFC 3339 offset time. */
public final class Times {
    public static final ZoneId BERLIN = ZoneId.of(TestUsers.DEFAULT_TIME_ZONE);

    private Times() {
    }

    public static String berlin(LocalDate day, int hour, int minute) {
        return ZonedDateTime.of(day, LocalTime.of(hour, minute), BERLIN).toOffsetDateTime().toString();
    }

    public static String berlin(LocalDate day, int hour) {
        return berlin(day, hour, 0);
    }
}
