package com.practicecal.shared.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.practicecal.shared.account.Membership;
import com.practicecal.shared.account.Role;
import com.practicecal.shared.auth.AccessPolicy;
import com.practicecal.shared.error.ConflictException;
import com.practicecal.shared.error.ErrorCodes;
import com.practicecal.shared.event.Actor;
import com.practicecal.shared.plan.Plan;
import com.practicecal.shared.store.Attr;
import com.practicecal.shared.store.DynamoTable;
import com.practicecal.shared.store.Keys;
import com.practicecal.shared.store.Snapshot;
import com.practicecal.shared.store.Transaction;
import com.practicecal.shared.store.TransactionFailedException;
import com.practicecal.shared.store.TxTag;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one per-occurrence change-with-retry loop of series and weekly blocks, against a scripted table. */
class OccurrenceChangeTest {
    private static final Membership ME = new Membership("u1", "acc-1", Role.OWNER, Plan.M, ZoneId.of("Europe/Berlin"));

    /** Writes fail with the scripted tags in order (then succeed); reads answer with the scripted version. */
    static final class ScriptedTable extends DynamoTable {
        final Deque<String> failures = new ArrayDeque<>();
        final List<Transaction> written = new ArrayList<>();
        final List<Keys> reads = new ArrayList<>();
        int version = 1;

        ScriptedTable(String... failures) {
            super(null, "main");
            this.failures.addAll(List.of(failures));
        }

        @Override
        public void write(Transaction tx) {
            written.add(tx);
            if (!failures.isEmpty()) {
                throw new TransactionFailedException(failures.poll(), null);
            }
        }

        @Override
        public Snapshot read(Keys keys) {
            reads.add(keys);
            version++;
            return Snapshot.of(Map.of("x|y", Map.of(Attr.PK, Attr.s("x"), Attr.SK, Attr.s("y"),
                    "version", Attr.n(version))));
        }
    }

    static final class CountingCaller implements BookingCaller {
        int resolved;
        int guarded;

        public Keys identityKeys() {
            return Keys.of(Attr.key("USER#u1", "USER"));
        }

        public Membership resolve(Snapshot read) {
            resolved++;
            return ME;
        }

        public Actor actor(Membership membership) {
            return Actor.anonymous("test");
        }

        public String idempotencyScope() {
            return "u1";
        }

        @Override
        public void guard(Transaction tx, Membership membership) {
            guarded++;
        }
    }

    /** An occupant that is just a version; moved to 99 it is "already there". */
    private static OccurrenceChange.Steps<Integer> steps(ScriptedTable table, boolean goneOnReread) {
        return new OccurrenceChange.Steps<>() {
            public OccurrenceChange.Plan plan(Integer current, Snapshot read) {
                if (current == 99) {
                    return OccurrenceChange.already();
                }
                if (current < 0) {
                    return OccurrenceChange.refused(ErrorCodes.ROOM_TAKEN);
                }
                return OccurrenceChange.write(table.transaction());
            }

            public String refusedBy(TransactionFailedException failure) {
                if (failure.failed(TxTag.of("series"))) {
                    throw new ConflictException(ErrorCodes.CONCURRENT_MODIFICATION, "series moved");
                }
                return failure.failed(RoomClaims.ROOM_TAG) ? ErrorCodes.ROOM_UNAVAILABLE : null;
            }

            public Keys reread(Integer current) {
                return Keys.of(Attr.key("x", "y"));
            }

            public Optional<Integer> fresh(Integer current, Snapshot read) {
                return goneOnReread ? Optional.empty()
                        : read.get(Attr.key("x", "y"), item -> (int) Attr.num(item, "version", 0));
            }
        };
    }

    @Test
    void anOccurrenceAlreadySoOrRefusedBeforeWritingCostsNoCall() {
        ScriptedTable table = new ScriptedTable();
        CountingCaller caller = new CountingCaller();
        var already = OccurrenceChange.run(table, caller, ME, 99, Snapshot.empty(), steps(table, false));
        var taken = OccurrenceChange.run(table, caller, ME, -1, Snapshot.empty(), steps(table, false));
        assertThat(already.status()).isEqualTo(OccurrenceChange.Status.ALREADY);
        assertThat(already.changed()).isTrue();
        assertThat(taken.status()).isEqualTo(OccurrenceChange.Status.REFUSED);
        assertThat(taken.code()).isEqualTo(ErrorCodes.ROOM_TAKEN);
        assertThat(taken.changed()).isFalse();
        assertThat(table.written).isEmpty();
        assertThat(table.reads).isEmpty();
    }

    @Test
    void aWriteCarriesTheCallersGuardAndCommitsOnce() {
        ScriptedTable table = new ScriptedTable();
        CountingCaller caller = new CountingCaller();
        var outcome = OccurrenceChange.run(table, caller, ME, 1, Snapshot.empty(), steps(table, false));
        assertThat(outcome.status()).isEqualTo(OccurrenceChange.Status.WRITTEN);
        assertThat(outcome.occupant()).isEqualTo(1);
        assertThat(table.written).hasSize(1);
        assertThat(caller.guarded).isEqualTo(1);
        assertThat(table.reads).isEmpty();
    }

    @Test
    void movedStateIsReadAgainForThisOccurrenceOnlyAndTheFreshOccupantIsWritten() {
        ScriptedTable table = new ScriptedTable("occupancy:2026-12-01");
        CountingCaller caller = new CountingCaller();
        var outcome = OccurrenceChange.run(table, caller, ME, 1, Snapshot.empty(), steps(table, false));
        assertThat(outcome.status()).isEqualTo(OccurrenceChange.Status.WRITTEN);
        assertThat(outcome.occupant()).as("the occupant as read again").isEqualTo(2);
        assertThat(table.written).hasSize(2);
        assertThat(table.reads).hasSize(1);
        assertThat(table.reads.get(0).list()).containsExactly(Attr.key("x", "y"));
        assertThat(caller.resolved).as("no staff failure: the caller is not read again").isZero();
    }

    @Test
    void aFailedConditionWithAMeaningEndsTheOccurrenceWithItsCodeWithoutAReread() {
        ScriptedTable table = new ScriptedTable(RoomClaims.ROOM_TAG.name());
        var outcome = OccurrenceChange.run(table, new CountingCaller(), ME, 1, Snapshot.empty(), steps(table, false));
        assertThat(outcome.status()).isEqualTo(OccurrenceChange.Status.REFUSED);
        assertThat(outcome.code()).isEqualTo(ErrorCodes.ROOM_UNAVAILABLE);
        assertThat(table.reads).isEmpty();
    }

    @Test
    void aFailureThatEndsTheWholeChangePropagates() {
        ScriptedTable table = new ScriptedTable("series");
        assertThatThrownBy(() -> OccurrenceChange.run(table, new CountingCaller(), ME, 1, Snapshot.empty(),
                steps(table, false))).isInstanceOf(ConflictException.class).hasMessageContaining("series moved");
    }

    @Test
    void aStaffFailureReadsTheCallerAgainBeforeRetrying() {
        ScriptedTable table = new ScriptedTable(AccessPolicy.STAFF_TAG.name());
        CountingCaller caller = new CountingCaller();
        var outcome = OccurrenceChange.run(table, caller, ME, 1, Snapshot.empty(), steps(table, false));
        assertThat(caller.resolved).isEqualTo(1);
        assertThat(table.reads).as("the caller's identity, then the occurrence").hasSize(2);
        assertThat(table.reads.get(0).list()).containsExactly(Attr.key("USER#u1", "USER"));
        assertThat(outcome.status()).isEqualTo(OccurrenceChange.Status.WRITTEN);
    }

    @Test
    void anOccupantGoneMeanwhileEndsWithoutChangeOrFailure() {
        ScriptedTable table = new ScriptedTable("block");
        var outcome = OccurrenceChange.run(table, new CountingCaller(), ME, 1, Snapshot.empty(), steps(table, true));
        assertThat(outcome.status()).isEqualTo(OccurrenceChange.Status.GONE);
        assertThat(outcome.changed()).isFalse();
        assertThat(table.written).hasSize(1);
    }

    @Test
    void afterTheLastAttemptTheOccurrenceIsReportedAsAConcurrentModification() {
        String[] always = new String[RoomClaims.MAX_ATTEMPTS + 1];
        java.util.Arrays.fill(always, "occupancy");
        ScriptedTable table = new ScriptedTable(always);
        var outcome = OccurrenceChange.run(table, new CountingCaller(), ME, 1, Snapshot.empty(), steps(table, false));
        assertThat(outcome.status()).isEqualTo(OccurrenceChange.Status.REFUSED);
        assertThat(outcome.code()).isEqualTo(ErrorCodes.CONCURRENT_MODIFICATION);
        assertThat(table.written).hasSize(RoomClaims.MAX_ATTEMPTS);
        assertThat(table.reads).hasSize(RoomClaims.MAX_ATTEMPTS - 1);
    }

    @Test
    void aTallyCountsChangedAndAlreadyAsChangedReportsRefusedAndIgnoresGone() {
        ScriptedTable table = new ScriptedTable();
        CountingCaller caller = new CountingCaller();
        OccurrenceChange.Tally<Integer, String> tally =
                new OccurrenceChange.Tally<>(v -> "o" + v, (v, code) -> v + ":" + code);
        tally.add(OccurrenceChange.run(table, caller, ME, 99, Snapshot.empty(), steps(table, false)));
        assertThat(tally.written()).as("already so: nothing written yet").isFalse();
        tally.add(OccurrenceChange.run(table, caller, ME, -1, Snapshot.empty(), steps(table, false)));
        assertThat(tally.written()).isFalse();
        tally.add(OccurrenceChange.run(table, caller, ME, 1, Snapshot.empty(), steps(table, false)));
        assertThat(tally.written()).isTrue();
        ScriptedTable gone = new ScriptedTable("block");
        tally.add(OccurrenceChange.run(gone, caller, ME, 7, Snapshot.empty(), steps(gone, true)));
        assertThat(tally.changed()).containsExactly("o99", "o1");
        assertThat(tally.failed()).containsExactly("-1:" + ErrorCodes.ROOM_TAKEN);
        assertThat(tally.written()).isTrue();
    }
}
