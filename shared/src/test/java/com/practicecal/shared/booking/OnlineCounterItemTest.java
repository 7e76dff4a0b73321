package com.practicecal.shared.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.practicecal.shared.error.ConflictException;
import com.practicecal.shared.store.Attr;
import com.practicecal.shared.store.DynamoTable;
import com.practicecal.shared.store.Snapshot;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OnlineCounterItemTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private final OnlineLimits limits = new OnlineLimits("acc-1", "Erika@Example.test", 5, 2);

    private Snapshot counter(long version, long... ends) {
        var item = new HashMap<>(OnlineCounterItem.clientKey("acc-1", "Erika@Example.test"));
        item.put(OnlineLimits.VERSION, Attr.n(version));
        for (int i = 0; i < ends.length; i++) {
            item.put(OnlineLimits.ENTRY_PREFIX + "b" + i, Attr.n(ends[i]));
        }
        item.put("expiresAt", Attr.n(NOW.getEpochSecond() + 1000)); // not an entry
        return Snapshot.of(Map.of(DynamoTable.keyString(item), item));
    }

    @Test
    void onlyEntriesWhoseAppointmentIsStillAheadCount() {
        OnlineLimits.ClientBookings read = limits.requireClientBelowCap(
                counter(4, NOW.getEpochSecond() + 60, NOW.getEpochSecond()), NOW);
        assertThat(read.version()).isEqualTo(4);
        assertThat(read.live()).containsOnlyKeys("b:b0");
        assertThat(read.expired()).containsExactly("b:b1");
    }

    @Test
    void aClientWithoutACounterHasNone() {
        OnlineLimits.ClientBookings read = limits.requireClientBelowCap(Snapshot.empty(), NOW);
        assertThat(read.version()).isZero();
        assertThat(read.live()).isEmpty();
        assertThat(limits.clientKeys().list()).containsExactly(OnlineCounterItem.clientKey("acc-1", "erika@example.test"));
    }

    @Test
    void theCapCountsLiveEntriesOnly() {
        long ahead = NOW.getEpochSecond() + 60;
        assertThatThrownBy(() -> limits.requireClientBelowCap(counter(1, ahead, ahead), NOW))
                .isInstanceOf(ConflictException.class);
    }
}
