package com.practicecal.shared.online;

import com.practicecal.shared.booking.Interval;
import com.practicecal.shared.booking.OccupancyDay;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Computes free start times, purely in memory: inside working hours (practice time zone, so DST is handled by
 * the zone rules), between minimum notice and horizon, the therapist free for the whole appointment plus
 * buffers (in any room), and at least one bookable room free for the appointment — whoever occupies it.
 * Advisory only: the booking transaction decides.
 */
public final class SlotFinder {
    public static final Duration STEP = Duration.ofMinutes(15);

    public record Slot(Instant start, Instant end, String roomId) {
    }

    /**
     * Everything the computation needs, read beforehand.
     *
     * @param occupantsByRoom  every account's use of the bookable rooms, by start
     * @param therapistBookings the therapist's own appointments in any room (also rooms no longer bookable)
     */
    public record Availability(String therapistAccountId, ZoneId zone, BookingSettings settings, List<String> roomIds,
                               Map<String, List<OccupancyDay.Occupant>> occupantsByRoom, List<Interval> therapistBookings) {
        /** @param ignoredBookingId a booking being rescheduled: its own time does not block its new time */
        public static Availability of(String accountId, ZoneId zone, BookingSettings settings, List<String> roomIds,
                                      List<OccupancyDay> days, List<Interval> therapistBookings, String ignoredBookingId) {
            Map<String, List<OccupancyDay.Occupant>> byRoom = new LinkedHashMap<>();
            roomIds.forEach(id -> byRoom.put(id, new ArrayList<>()));
            Map<String, OccupancyDay.Occupant> unique = new LinkedHashMap<>();
            for (OccupancyDay day : days) {
                day.occupants().forEach((bookingId, o) -> {
                    if (!bookingId.equals(ignoredBookingId) && unique.putIfAbsent(day.roomId() + "|" + bookingId, o) == null) {
                        byRoom.computeIfAbsent(day.roomId(), k -> new ArrayList<>()).add(o);
                    }
                });
            }
            byRoom.values().forEach(list -> list.sort(Comparator.comparing(o -> o.interval().start())));
            return new Availability(accountId, zone, settings, roomIds, byRoom, List.copyOf(therapistBookings));
        }
    }

    private SlotFinder() {
    }

    public static List<Slot> slots(Availability a, BookingSettings.Service service, Instant from, Instant to, Instant now) {
        List<Slot> slots = new ArrayList<>();
        List<Interval> therapistBusy = therapistBusy(a);
        Instant earliest = now.plus(Duration.ofMinutes(a.settings().minimumNoticeMinutes()));
        Instant latest = now.plus(Duration.ofDays(a.settings().horizonDays()));
        Duration length = Duration.ofMinutes(service.durationMinutes());
        LocalDate lastDay = to.atZone(a.zone()).toLocalDate();
        for (LocalDate day = from.atZone(a.zone()).toLocalDate(); !day.isAfter(lastDay); day = day.plusDays(1)) {
            for (BookingSettings.TimeRange range : a.settings().hoursOn(day.getDayOfWeek())) {
                ZonedDateTime rangeEnd = ZonedDateTime.of(day, range.to(), a.zone());
                for (ZonedDateTime t = ZonedDateTime.of(day, range.from(), a.zone());
                     !t.plus(length).isAfter(rangeEnd); t = t.plus(STEP)) {
                    Instant start = t.toInstant();
                    if (start.isBefore(from) || !start.isBefore(to) || start.isBefore(earliest) || start.isAfter(latest)) {
                        continue;
                    }
                    check(a, service, start, therapistBusy).ifPresent(slots::add);
                }
            }
        }
        return slots;
    }

    /** The slot for one requested start, or why there is none. */
    public static Optional<Slot> check(Availability a, BookingSettings.Service service, Instant start,
                                       List<Interval> therapistBusy) {
        Instant end = start.plus(Duration.ofMinutes(service.durationMinutes()));
        Interval withBuffers = new Interval(start.minus(Duration.ofMinutes(service.bufferBeforeMinutes())),
                end.plus(Duration.ofMinutes(service.bufferAfterMinutes())));
        for (Interval busy : therapistBusy) {
            if (busy.overlaps(withBuffers)) {
                return Optional.empty();
            }
        }
        Interval appointment = new Interval(start, end);
        for (String room : a.roomIds()) {
            boolean free = a.occupantsByRoom().getOrDefault(room, List.of()).stream()
                    .noneMatch(o -> o.interval().overlaps(appointment));
            if (free) {
                return Optional.of(new Slot(start, end, room));
            }
        }
        return Optional.empty();
    }

    /** All free rooms for one appointment, in preference order. */
    public static List<String> freeRooms(Availability a, Interval appointment) {
        return a.roomIds().stream().filter(room -> a.occupantsByRoom().getOrDefault(room, List.of()).stream()
                .noneMatch(o -> o.interval().overlaps(appointment))).toList();
    }

    public static List<Interval> therapistBusy(Availability a) {
        return a.therapistBookings();
    }

    /** Whether a start lies inside working hours for the whole appointment (practice time zone). */
    public static boolean withinWorkingHours(Availability a, BookingSettings.Service service, Instant start) {
        ZonedDateTime local = start.atZone(a.zone());
        Instant end = start.plus(Duration.ofMinutes(service.durationMinutes()));
        for (BookingSettings.TimeRange range : a.settings().hoursOn(local.getDayOfWeek())) {
            Instant from = ZonedDateTime.of(local.toLocalDate(), range.from(), a.zone()).toInstant();
            Instant until = ZonedDateTime.of(local.toLocalDate(), range.to(), a.zone()).toInstant();
            if (!start.isBefore(from) && !end.isAfter(until)) {
                return true;
            }
        }
        return false;
    }
}
