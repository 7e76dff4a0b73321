package com.practicecal.shared.booking;

import com.practicecal.shared.account.Membership;
import com.practicecal.shared.auth.AccessPolicy;
import com.practicecal.shared.error.ErrorCodes;
import com.practicecal.shared.store.DynamoTable;
import com.practicecal.shared.store.Keys;
import com.practicecal.shared.store.Snapshot;
import com.practicecal.shared.store.Transaction;
import com.practicecal.shared.store.TransactionFailedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One occurrence of a "this and all following" change (a booking series' or a weekly block's): plan the change from
 * the occurrence and its room's days as read, write it in one transaction with the caller's guard, and when a condition
 * moved, re-read just this occurrence and go again, at most {@link RoomClaims#MAX_ATTEMPTS} times (jittered waits).
 *
 * @param <T> the occupant (a booking, a block)
 */
public final class OccurrenceChange<T> {
    /** What one attempt decides from the occupant as read. */
    public sealed interface Plan {
    }

    /** Nothing to write: the occurrence already is as asked. */
    public record Already() implements Plan {
    }

    /** Not changed, for the reason {@code code} (room taken, in the past, ...). */
    public record Refused(String code) implements Plan {
    }

    /** The transaction that changes it. */
    public record Write(Transaction tx) implements Plan {
    }

    public static Plan already() {
        return new Already();
    }

    public static Plan refused(String code) {
        return new Refused(code);
    }

    public static Plan write(Transaction tx) {
        return new Write(tx);
    }

    /** How the occurrence ended, with the occupant as last read. */
    public enum Status { WRITTEN, ALREADY, REFUSED, GONE }

    public record Outcome<T>(Status status, T occupant, String code) {
        /** Changed by this attempt or already so. */
        public boolean changed() {
            return status == Status.WRITTEN || status == Status.ALREADY;
        }
    }

    /**
     * What a change of several occurrences collects from their outcomes: the ids changed (or already so), the refused
     * ones in the caller's own terms, and whether any attempt wrote (the first write carries the series' new segment;
     * when none did, {@link #writeUnlessWritten} writes it alone). Occurrences gone meanwhile count as neither.
     *
     * @param <T> the occupant
     * @param <F> how the caller reports an occurrence it did not change
     */
    public static final class Tally<T, F> {
        private final Function<T, String> id;
        private final BiFunction<T, String, F> notChanged;
        private final List<String> changed = new ArrayList<>();
        private final List<F> failed = new ArrayList<>();
        private boolean written;

        /** {@code notChanged} makes the report of a refused occupant from the code it was refused with. */
        public Tally(Function<T, String> id, BiFunction<T, String, F> notChanged) {
            this.id = id;
            this.notChanged = notChanged;
        }

        public void add(Outcome<T> outcome) {
            if (outcome.status() == Status.WRITTEN) {
                written = true;
            }
            if (outcome.changed()) {
                changed.add(id.apply(outcome.occupant()));
            } else if (outcome.status() == Status.REFUSED) {
                failed.add(notChanged.apply(outcome.occupant(), outcome.code()));
            }
        }

        /** Whether an attempt so far wrote its transaction. */
        public boolean written() {
            return written;
        }

        /**
         * After the attempts: when none of them wrote, writes {@code alone} (the series' new segment) in a transaction
         * of its own, guarded for the caller; its failed condition means the series changed meanwhile ({@code conflict}).
         */
        public void writeUnlessWritten(DynamoTable table, BookingCaller caller, Membership me, Transaction alone,
                                       Supplier<? extends RuntimeException> conflict) {
            if (written) {
                return;
            }
            caller.guard(alone, me);
            try {
                table.write(alone);
                written = true;
            } catch (TransactionFailedException changed) {
                throw conflict.get();
            }
        }

        public List<String> changed() {
            return changed;
        }

        public List<F> failed() {
            return failed;
        }
    }

    /** The parts that differ between bookings and blocks. */
    public interface Steps<T> {
        /** The change of {@code current} from the room's days in {@code read}. */
        Plan plan(T current, Snapshot read);

        /**
         * The code {@code failure} (a failed condition, see {@link TransactionFailedException#failed}) ends the
         * occurrence with, or null when the state merely moved (re-read and go again); may throw to end the change.
         */
        String refusedBy(TransactionFailedException failure);

        /** What to read again for {@code current} after a failed attempt. */
        Keys reread(T current);

        /** The occupant as {@code read} again; empty when there is nothing left to change (deleted, cancelled). */
        Optional<T> fresh(T current, Snapshot read);
    }

    private OccurrenceChange() {
    }

    /** Runs the attempts for {@code occupant}, starting from {@code read} (the change's batch read). */
    public static <T> Outcome<T> run(DynamoTable table, BookingCaller caller, Membership me, T occupant, Snapshot read,
                                     Steps<T> steps) {
        T current = occupant;
        Snapshot state = read;
        for (int attempt = 1; ; attempt++) {
            Plan plan = steps.plan(current, state);
            if (plan instanceof Already) {
                return new Outcome<>(Status.ALREADY, current, null);
            }
            if (plan instanceof Refused refused) {
                return new Outcome<>(Status.REFUSED, current, refused.code());
            }
            Transaction tx = ((Write) plan).tx();
            caller.guard(tx, me);
            try {
                table.write(tx);
                return new Outcome<>(Status.WRITTEN, current, null);
            } catch (TransactionFailedException failure) {
                String code = steps.refusedBy(failure);
                if (code != null) {
                    return new Outcome<>(Status.REFUSED, current, code);
                }
                if (failure.failed(AccessPolicy.STAFF_TAG)) {
                    caller.resolve(table.read(caller.identityKeys())); // removed or downscoped in flight
                }
                if (attempt >= RoomClaims.MAX_ATTEMPTS) {
                    return new Outcome<>(Status.REFUSED, current, ErrorCodes.CONCURRENT_MODIFICATION);
                }
                RoomClaims.retryOrGiveUp(attempt); // attempt < MAX_ATTEMPTS: waits, never throws
                // the occurrence or its days changed since the read: read this one again
                state = table.read(steps.reread(current));
                Optional<T> fresh = steps.fresh(current, state);
                if (fresh.isEmpty()) {
                    return new Outcome<>(Status.GONE, current, null);
                }
                current = fresh.get();
            }
        }
    }
}
