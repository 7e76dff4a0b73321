package com.practicecal.shared.webhook;

import com.practicecal.shared.runtime.RetryJitter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Delays between attempts (default 5 s, 30 s, 2 min, 10 min, 1 h, 6 h, 24 h: eight attempts over about 31 h), each
 * stretched by a random jitter of up to {@code jitter} × delay so that retries of many deliveries spread out.
 */
public record RetrySchedule(List<Duration> delays, double jitter) {
    public static final String DEFAULT = "5s,30s,2m,10m,1h,6h,24h";

    public RetrySchedule {
        delays = List.copyOf(delays);
        if (jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("jitter must be within 0..1");
        }
    }

    public static RetrySchedule parse(String delays, double jitter) {
        List<Duration> parsed = new ArrayList<>();
        for (String part : delays.split(",")) {
            if (!part.isBlank()) {
                parsed.add(duration(part));
            }
        }
        return new RetrySchedule(parsed, jitter);
    }

    /** Attempts in one series: the first and one per delay. */
    public int maxAttempts() {
        return delays.size() + 1;
    }

    /**
     * @param failedAttempts attempts of this series that have failed so far (≥ 1)
     * @return the wait before the next attempt, or empty when the series is exhausted
     */
    public Optional<Duration> next(int failedAttempts) {
        if (failedAttempts < 1 || failedAttempts > delays.size()) {
            return Optional.empty();
        }
        Duration base = delays.get(failedAttempts - 1);
        long extra = jitter == 0 ? 0 : (long) (base.toMillis() * jitter * RetryJitter.fraction());
        return Optional.of(base.plusMillis(extra));
    }

    /** {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}, {@code 3d} or ISO-8601 ({@code PT5S}). */
    public static Duration duration(String text) {
        String t = text.strip();
        if (t.startsWith("P") || t.startsWith("p")) {
            return Duration.parse(t);
        }
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        long n = Long.parseLong(t.substring(0, t.length() - 1));
        return switch (t.charAt(t.length() - 1)) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            case 'd' -> Duration.ofDays(n);
            default -> throw new IllegalArgumentException("not a duration: " + text);
        };
    }
}
