package com.practicecal.local;

import com.practicecal.shared.booking.Interval;
import com.practicecal.shared.booking.OccupancyDay;
import com.practicecal.shared.online.BookingSettings;
import com.practicecal.shared.online.SlotFinder;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * CPU cost of slot computation (not a test): one therapist, 2 rooms, a 60-day horizon, a realistic calendar
 * (own bookings and a community member's in the shared room). Measures thread CPU time after warm-up and prints
 * median and p99. Run with {@code ./dev bench slots}. The budget is 50 ms of CPU per computation.
 */
public final class SlotBenchmark {
    public static void main(String[] args) {
        ZoneId zone = ZoneId.of("Europe/Berlin");
        Map<DayOfWeek, List<BookingSettings.TimeRange>> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day != DayOfWeek.SUNDAY) {
                hours.put(day, List.of(new BookingSettings.TimeRange(LocalTime.of(8, 0), LocalTime.of(12, 0)),
                        new BookingSettings.TimeRange(LocalTime.of(13, 0), LocalTime.of(19, 0))));
            }
        }
        BookingSettings.Service service = new BookingSettings.Service("session", "Session", 50, 0, 10);
        BookingSettings settings = new BookingSettings(hours, List.of(service), 24 * 60, 60, 24 * 60, 24 * 60, 2, null);
        Instant now = Instant.now();
        LocalDate first = LocalDate.now(zone);
        SplittableRandom random = new SplittableRandom(7);
        List<OccupancyDay> days = new ArrayList<>();
        int bookings = 0;
        for (String room : List.of("room-1", "room-2")) {
            for (int d = 0; d < 62; d++) {
                LocalDate day = first.plusDays(d);
                Map<String, OccupancyDay.Occupant> occupants = new HashMap<>();
                for (int slot = 0; slot < 10; slot++) {
                    if (random.nextInt(3) == 0) {
                        continue;
                    }
                    Instant start = ZonedDateTime.of(day, LocalTime.of(8 + slot, 0), zone).toInstant();
                    occupants.put(room + d + "-" + slot, new OccupancyDay.Occupant(
                            new Interval(start, start.plus(Duration.ofMinutes(50))), random.nextBoolean() ? "me" : "colleague"));
                    bookings++;
                }
                days.add(new OccupancyDay(room, day, 1, occupants));
            }
        }
        List<Interval> mine = days.stream().flatMap(d -> d.occupants().values().stream())
                .filter(o -> o.accountId().equals("me")).map(OccupancyDay.Occupant::interval).toList();
        SlotFinder.Availability availability = SlotFinder.Availability.of("me", zone, settings, List.of("room-1", "room-2"),
                days, mine, null);
        Instant from = now;
        Instant to = now.plus(Duration.ofDays(60));
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        int slots = 0;
        for (int i = 0; i < 300; i++) {
            slots = SlotFinder.slots(availability, service, from, to, now).size();
        }
        int runs = 500;
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = cpu.getCurrentThreadCpuTime();
            SlotFinder.slots(availability, service, from, to, now);
            nanos[i] = cpu.getCurrentThreadCpuTime() - t0;
        }
        Arrays.sort(nanos);
        System.out.printf("%nslot computation: 2 rooms, 60-day horizon, %d occupied intervals, %d free slots%n", bookings, slots);
        System.out.printf("  CPU per computation after warm-up (%d runs): median %.2f ms, p99 %.2f ms, max %.2f ms (budget 50 ms)%n",
                runs, nanos[runs / 2] / 1e6, nanos[(int) (runs * 0.99)] / 1e6, nanos[runs - 1] / 1e6);
        int keys = 2 + 2 * 62 + 62; // room items, their occupancy days, the therapist's account days
        System.out.printf("  DynamoDB reads for this range: 1 batch (account, rules, room index), then %d batches "
                + "(%d keys: 2 rooms, %d room-days, 62 account-days; 100 keys per batch)%n",
                (int) Math.ceil(keys / 100.0), keys, 2 * 62);
    }
}
