package com.practicecal.shared.online;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A therapist's online-booking rules: working hours per weekday (several intervals a day), services with
 * duration and buffers, minimum notice, horizon, and the separate notice for client cancellations and
 * reschedules with a cap on reschedules per booking; the caps on online bookings per day and on future online
 * bookings per client email.
 */
public record BookingSettings(Map<DayOfWeek, List<TimeRange>> workingHours, List<Service> services,
                              int minimumNoticeMinutes, int horizonDays, int cancellationNoticeMinutes,
                              int rescheduleNoticeMinutes, int maxReschedules, String contactHint,
                              int maxOnlineBookingsPerDay, int maxFutureBookingsPerClient) {
    public static final int DEFAULT_NOTICE_MINUTES = 24 * 60;
    public static final int DEFAULT_HORIZON_DAYS = 60;
    public static final int DEFAULT_MAX_RESCHEDULES = 2;
    public static final int DEFAULT_ONLINE_BOOKINGS_PER_DAY = 20;
    public static final int DEFAULT_FUTURE_BOOKINGS_PER_CLIENT = 3;

    /** Rules with the default caps. */
    public BookingSettings(Map<DayOfWeek, List<TimeRange>> workingHours, List<Service> services,
                           int minimumNoticeMinutes, int horizonDays, int cancellationNoticeMinutes,
                           int rescheduleNoticeMinutes, int maxReschedules, String contactHint) {
        this(workingHours, services, minimumNoticeMinutes, horizonDays, cancellationNoticeMinutes,
                rescheduleNoticeMinutes, maxReschedules, contactHint, 0, 0);
    }

    /** Settings stored before the caps existed read as 0: they get the defaults. */
    public BookingSettings {
        maxOnlineBookingsPerDay = maxOnlineBookingsPerDay <= 0 ? DEFAULT_ONLINE_BOOKINGS_PER_DAY : maxOnlineBookingsPerDay;
        maxFutureBookingsPerClient = maxFutureBookingsPerClient <= 0 ? DEFAULT_FUTURE_BOOKINGS_PER_CLIENT
                : maxFutureBookingsPerClient;
    }

    public record TimeRange(LocalTime from, LocalTime to) {
    }

    public record Service(String id, String name, int durationMinutes, int bufferBeforeMinutes, int bufferAfterMinutes) {
    }

    /** Until the owner configures anything: no working hours, so no public slots. */
    public static BookingSettings defaults() {
        return new BookingSettings(Map.of(), List.of(), DEFAULT_NOTICE_MINUTES, DEFAULT_HORIZON_DAYS,
                DEFAULT_NOTICE_MINUTES, DEFAULT_NOTICE_MINUTES, DEFAULT_MAX_RESCHEDULES, null,
                DEFAULT_ONLINE_BOOKINGS_PER_DAY, DEFAULT_FUTURE_BOOKINGS_PER_CLIENT);
    }

    public Optional<Service> service(String id) {
        return services.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public List<TimeRange> hoursOn(DayOfWeek day) {
        return workingHours.getOrDefault(day, List.of());
    }
}
