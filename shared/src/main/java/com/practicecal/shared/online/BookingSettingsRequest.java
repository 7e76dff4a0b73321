package com.practicecal.shared.online;

import com.practicecal.shared.validation.Check;
import com.practicecal.shared.validation.Validatable;
import com.practicecal.shared.error.ValidationException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** PUT /v1/settings/booking: replaces the online-booking rules; optional numbers fall back to the defaults. */
public record BookingSettingsRequest(Map<String, List<Range>> workingHours, List<ServiceInput> services,
                                     Integer minimumNoticeMinutes, Integer horizonDays, Integer cancellationNoticeMinutes,
                                     Integer rescheduleNoticeMinutes, Integer maxReschedules, String contactHint,
                                     Integer maxOnlineBookingsPerDay, Integer maxFutureBookingsPerClient)
        implements Validatable {

    public record Range(String from, String to) {
    }

    public record ServiceInput(String id, String name, Integer durationMinutes, Integer bufferBeforeMinutes,
                               Integer bufferAfterMinutes) {
    }

    @Override
    public void validate() {
        toSettings();
    }

    public BookingSettings toSettings() {
        Map<DayOfWeek, List<BookingSettings.TimeRange>> hours = new EnumMap<>(DayOfWeek.class);
        if (workingHours != null) {
            workingHours.forEach((day, ranges) -> {
                DayOfWeek weekday;
                try {
                    weekday = DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new ValidationException("workingHours." + day, "is not a weekday (MONDAY ... SUNDAY)");
                }
                List<BookingSettings.TimeRange> parsed = new ArrayList<>();
                for (int i = 0; ranges != null && i < ranges.size(); i++) {
                    String field = "workingHours." + day + "[" + i + "]";
                    Range range = ranges.get(i);
                    if (range == null) {
                        throw new ValidationException(field, "is required");
                    }
                    LocalTime from = time(field + ".from", range.from());
                    LocalTime to = time(field + ".to", range.to());
                    if (!to.isAfter(from)) {
                        throw new ValidationException(field + ".to", "must be after from");
                    }
                    for (BookingSettings.TimeRange other : parsed) {
                        if (from.isBefore(other.to()) && other.from().isBefore(to)) {
                            throw new ValidationException(field, "overlaps another interval of the day");
                        }
                    }
                    parsed.add(new BookingSettings.TimeRange(from, to));
                }
                if (parsed.size() > 8) {
                    throw new ValidationException("workingHours." + day, "at most 8 intervals a day");
                }
                hours.put(weekday, List.copyOf(parsed));
            });
        }
        List<BookingSettings.Service> parsedServices = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; services != null && i < services.size(); i++) {
            String field = "services[" + i + "]";
            ServiceInput s = services.get(i);
            if (s == null) {
                throw new ValidationException(field, "is required");
            }
            String id = Check.id(field + ".id", s.id());
            if (!ids.add(id)) {
                throw new ValidationException(field + ".id", "is used twice");
            }
            parsedServices.add(new BookingSettings.Service(id, Check.text(field + ".name", s.name(), 80),
                    range(field + ".durationMinutes", s.durationMinutes(), null, 5, 12 * 60),
                    range(field + ".bufferBeforeMinutes", s.bufferBeforeMinutes(), 0, 0, 240),
                    range(field + ".bufferAfterMinutes", s.bufferAfterMinutes(), 0, 0, 240)));
        }
        if (parsedServices.size() > 50) {
            throw new ValidationException("services", "at most 50 services");
        }
        return new BookingSettings(hours, List.copyOf(parsedServices),
                range("minimumNoticeMinutes", minimumNoticeMinutes, BookingSettings.DEFAULT_NOTICE_MINUTES, 0, 60 * 24 * 30),
                range("horizonDays", horizonDays, BookingSettings.DEFAULT_HORIZON_DAYS, 1, 365),
                range("cancellationNoticeMinutes", cancellationNoticeMinutes, BookingSettings.DEFAULT_NOTICE_MINUTES, 0,
                        60 * 24 * 30),
                range("rescheduleNoticeMinutes", rescheduleNoticeMinutes, BookingSettings.DEFAULT_NOTICE_MINUTES, 0,
                        60 * 24 * 30),
                range("maxReschedules", maxReschedules, BookingSettings.DEFAULT_MAX_RESCHEDULES, 0, 20),
                Check.optionalText("contactHint", contactHint, 300),
                range("maxOnlineBookingsPerDay", maxOnlineBookingsPerDay, BookingSettings.DEFAULT_ONLINE_BOOKINGS_PER_DAY,
                        1, 500),
                range("maxFutureBookingsPerClient", maxFutureBookingsPerClient,
                        BookingSettings.DEFAULT_FUTURE_BOOKINGS_PER_CLIENT, 1, 50));
    }

    private static LocalTime time(String field, String value) {
        try {
            return LocalTime.parse(Check.text(field, value, 8)); // 09:00, or 09:00:00 as GET answers it
        } catch (DateTimeParseException e) {
            throw new ValidationException(field, "must be a time like 09:00");
        }
    }

    private static int range(String field, Integer value, Integer fallback, int min, int max) {
        if (value == null) {
            if (fallback == null) {
                throw new ValidationException(field, "is required");
            }
            return fallback;
        }
        if (value < min || value > max) {
            throw new ValidationException(field, "must be between " + min + " and " + max);
        }
        return value;
    }
}
