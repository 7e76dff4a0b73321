package com.practicecal.shared.online;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The online-booking rules as the API answers them: working hours as {@code "HH:mm"}, the form they are sent in
 * (the stored settings keep {@link LocalTime}s); weekdays in order.
 */
public record BookingSettingsView(Map<DayOfWeek, List<Hours>> workingHours, List<BookingSettings.Service> services,
                                  int minimumNoticeMinutes, int horizonDays, int cancellationNoticeMinutes,
                                  int rescheduleNoticeMinutes, int maxReschedules, String contactHint,
                                  int maxOnlineBookingsPerDay, int maxFutureBookingsPerClient) {
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    /** One interval, {@code "09:00"} to {@code "12:30"}. */
    public record Hours(String from, String to) {
        static Hours of(BookingSettings.TimeRange range) {
            return new Hours(hhmm(range.from()), hhmm(range.to()));
        }
    }

    /** {@code 09:00}; working hours are whole minutes (the request accepts nothing finer than {@code :00} seconds). */
    static String hhmm(LocalTime time) {
        return HH_MM.format(time);
    }

    public static BookingSettingsView of(BookingSettings s) {
        Map<DayOfWeek, List<Hours>> hours = new EnumMap<>(DayOfWeek.class);
        s.workingHours().forEach((day, ranges) -> hours.put(day, ranges.stream().map(Hours::of).toList()));
        return new BookingSettingsView(hours, s.services(), s.minimumNoticeMinutes(), s.horizonDays(),
                s.cancellationNoticeMinutes(), s.rescheduleNoticeMinutes(), s.maxReschedules(), s.contactHint(),
                s.maxOnlineBookingsPerDay(), s.maxFutureBookingsPerClient());
    }
}
