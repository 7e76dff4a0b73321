package com.practicecal.local;

import static com.practicecal.local.Times.berlin;

import com.practicecal.shared.plan.Plan;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Load harness (not a test): N concurrent clients book random intervals in a handful of rooms through the local
 * API and the real handlers against the local endpoint, then the stored occupancy is checked for overlaps.
 * Run with {@code ./dev bench [clients] [attempts] [rooms] [days]}. Prints figures; asserts nothing but the
 * overlap count, which must be 0.
 */
public final class BookingBenchmark {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        int attempts = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        int roomCount = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        int days = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        try (LocalStack local = LocalStack.start("bench-" + Long.toHexString(System.nanoTime()).substring(0, 6))) {
            run(local, clients, attempts, roomCount, days);
        }
        System.exit(0);
    }

    static void run(LocalStack local, int clients, int attempts, int roomCount, int days) throws Exception {
        ApiClient api = local.client();
        TestUser owner = local.users().signUpAndLogin(Plan.XL);
        List<String> rooms = new ArrayList<>();
        for (int r = 0; r < roomCount; r++) {
            rooms.add(api.post("/v1/rooms", Map.of("name", "Bench " + r), owner.accessToken()).field("id"));
        }
        LocalDate firstDay = LocalDate.now(BERLIN).plusDays(30);
        warmUp(api, owner, rooms.get(0), firstDay.minusDays(1));

        List<Long> latenciesMicros = Collections.synchronizedList(new ArrayList<>());
        Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        local.awsCalls().reset();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch done = new CountDownLatch(clients);
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            SplittableRandom random = new SplittableRandom(42 + c);
            pool.submit(() -> {
                try {
                    while (next.getAndIncrement() < attempts) {
                        String room = rooms.get(random.nextInt(rooms.size()));
                        LocalDate day = firstDay.plusDays(random.nextInt(days));
                        int startMinute = 8 * 60 + 15 * random.nextInt(40); // 08:00-17:45 in 15-minute steps
                        int length = 30 + 15 * random.nextInt(4);
                        Map<String, Object> body = Map.of("roomId", room, "start", time(day, startMinute),
                                "end", time(day, startMinute + length), "client", Map.of("name", "Bench client"));
                        long t0 = System.nanoTime();
                        ApiResult result = api.post("/v1/bookings", body, owner.accessToken());
                        latenciesMicros.add((System.nanoTime() - t0) / 1_000);
                        String outcome = result.status() == 201 ? "201" : result.status() + " " + result.errorCode();
                        outcomes.computeIfAbsent(outcome, k -> new LongAdder()).increment();
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        pool.shutdown();
        long calls = local.awsCalls().calls();
        Map<String, Long> byOperation = local.awsCalls().byOperation();

        List<String> overlaps = new ArrayList<>();
        for (String room : rooms) {
            overlaps.addAll(OccupancyCheck.overlaps(local, room));
        }
        List<Long> sorted = new ArrayList<>(latenciesMicros);
        Collections.sort(sorted);
        long created = outcomes.getOrDefault("201", new LongAdder()).sum();
        Map<String, Long> summary = new TreeMap<>();
        outcomes.forEach((k, v) -> summary.put(k, v.sum()));
        System.out.printf("%nbooking benchmark: %d clients, %d attempts, %d rooms, %d days (local API + moto, serialized)%n",
                clients, attempts, roomCount, days);
        System.out.printf("  elapsed          %.2f s%n", elapsed.toMillis() / 1000.0);
        System.out.printf("  attempts/s       %.1f%n", attempts / (elapsed.toMillis() / 1000.0));
        System.out.printf("  bookings/s       %.1f (%d created)%n", created / (elapsed.toMillis() / 1000.0), created);
        System.out.printf("  latency p50      %.1f ms%n", percentile(sorted, 50) / 1000.0);
        System.out.printf("  latency p99      %.1f ms%n", percentile(sorted, 99) / 1000.0);
        System.out.printf("  outcomes         %s%n", summary);
        System.out.printf("  AWS calls        %d total, %.2f per attempt, %.2f per created booking %s%n", calls,
                calls / (double) attempts, created == 0 ? 0.0 : calls / (double) created, byOperation);
        System.out.printf("  overlaps         %d%n", overlaps.size());
        overlaps.stream().limit(10).forEach(o -> System.out.println("    " + o));
        if (!overlaps.isEmpty()) {
            System.exit(1);
        }
    }

    private static void warmUp(ApiClient api, TestUser owner, String room, LocalDate day) {
        for (int i = 0; i < 20; i++) {
            api.post("/v1/bookings", Map.of("roomId", room, "start", time(day, 6 * 60 + i * 30),
                    "end", time(day, 6 * 60 + i * 30 + 25), "client", Map.of("name", "Warm-up")), owner.accessToken());
        }
    }

    private static String time(LocalDate day, int minuteOfDay) {
        return berlin(day, minuteOfDay / 60, minuteOfDay % 60);
    }

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
