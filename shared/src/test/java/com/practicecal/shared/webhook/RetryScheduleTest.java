package com.practicecal.shared.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {
    @Test
    void defaultScheduleIsTheDocumentedOneAndSpansAboutThirtyOneHours() {
        RetrySchedule s = RetrySchedule.parse(RetrySchedule.DEFAULT, 0);
        assertThat(s.delays()).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(2),
                Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofHours(6), Duration.ofHours(24));
        assertThat(s.maxAttempts()).isEqualTo(8);
        assertThat(s.next(1)).contains(Duration.ofSeconds(5));
        assertThat(s.next(7)).contains(Duration.ofHours(24));
        assertThat(s.next(8)).isEmpty();
        assertThat(s.next(0)).isEmpty();
    }

    @Test
    void jitterOnlyLengthensAndStaysWithinItsFraction() {
        RetrySchedule s = RetrySchedule.parse("10s,1h", 0.1);
        for (int i = 0; i < 200; i++) {
            assertThat(s.next(2).orElseThrow()).isBetween(Duration.ofHours(1), Duration.ofMinutes(66));
        }
        long distinct = java.util.stream.IntStream.range(0, 50).mapToObj(i -> s.next(1).orElseThrow()).distinct().count();
        assertThat(distinct).as("jitter spreads retries").isGreaterThan(1);
    }

    @Test
    void durations() {
        assertThat(RetrySchedule.duration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(RetrySchedule.duration("3d")).isEqualTo(Duration.ofDays(3));
        assertThat(RetrySchedule.duration("PT2M")).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void sqsDelaysAreWholeSecondsCappedAt900() {
        assertThat(DeliveryQueue.delaySeconds(Duration.ZERO)).isZero();
        assertThat(DeliveryQueue.delaySeconds(Duration.ofMillis(5300))).isEqualTo(6);
        assertThat(DeliveryQueue.delaySeconds(Duration.ofHours(6))).isEqualTo(900);
    }
}
