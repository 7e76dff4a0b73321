package com.practicecal.shared.runtime;

import java.security.SecureRandom;
import java.util.Random;

/**
 * The random source of retry jitter (transaction retries, webhook back-off). Not {@code ThreadLocalRandom}: its seeds
 * come from a static seeder fixed when the class is initialised, so every Lambda environment restored from one
 * SnapStart snapshot would draw the same "random" waits and retry in lockstep. {@link SnapStartPriming} calls
 * {@link #reseed()} after each restore, which draws a new seed from the operating system.
 */
public final class RetryJitter {
    private static volatile Random random = fresh();

    private RetryJitter() {
    }

    /** A wait in {@code [min, maxExclusive)}. */
    public static long between(long min, long maxExclusive) {
        return random.nextLong(min, maxExclusive);
    }

    /** A fraction in {@code [0, 1)}. */
    public static double fraction() {
        return random.nextDouble();
    }

    /** A new generator seeded from the operating system (after a SnapStart restore). */
    public static void reseed() {
        random = fresh();
    }

    /** The generator in use (tests compare it across a restore; {@link Random} is serialisable, like a snapshot). */
    public static Random generator() {
        return random;
    }

    private static Random fresh() {
        return new Random(new SecureRandom().nextLong());
    }
}
