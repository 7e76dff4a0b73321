package com.practicecal.shared.online;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A therapist's online-booking rules: working hours per weekday (several intervals a day), services with
 * duration and buffers, minimum notice, horizon, and the separate notice for client cancellations and
 * reschedules with a cap on reschedules per booking.
 */
public record BookingSettings(Map<DayOfWeek, List<TimeRange>> workingHours, List<Service> services,
                              int minimumNoticeMinutes, int horizonDays, int cancellationNoticeMinutes,
                              int rescheduleNoticeMinutes, int maxReschedules, String contactHint) {
    public static final int DEFAULT_NOTICE_MINUTES = 24 * 60;
    public static final int DEFAULT_HORIZON_DAYS = 60;
    public static final int DEFAULT_MAX_RESCHEDULES = 2;

    public record TimeRange(LocalTime from, LocalTime to) {
    }

    public record Service(String id, String name, int durationMinutes, int bufferBeforeMinutes, int bufferAfterMinutes) {
    }

    /** Until the owner configures anything: no working hours, so no public slots. */
    public static BookingSettings defaults() {
        return new BookingSettings(Map.of(), List.of(), DEFAULT_NOTICE_MINUTES, DEFAULT_HORIZON_DAYS,
                DEFAULT_NOTICE_MINUTES, DEFAULT_NOTICE_MINUTES, DEFAULT_MAX_RESCHEDULES, null);
    }

    public Optional<Service> service(String id) {
        return services.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public List<TimeRange> hoursOn(DayOfWeek day) {
        return workingHours.getOrDefault(day, List.of());
    }
}
