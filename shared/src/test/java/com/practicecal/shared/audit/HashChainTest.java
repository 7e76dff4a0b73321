package com.practicecal.shared.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicecal.shared.event.Change;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HashChainTest {
    private static AuditEntry entry(long seq, String prevHash, String action) {
        return HashChain.seal(new AuditEntry(seq, "e" + seq, "acc", new AuditEntry.Actor("u1", "owner"), null, action,
                new AuditEntry.Target("booking", "b1"), Instant.parse("2026-11-27T10:00:00Z"),
                Map.of("start", new Change(null, "2026-12-01T09:00:00Z")), "op", "api", "req", prevHash, null));
    }

    @Test
    void sealedEntriesVerifyAndLink() {
        AuditEntry first = entry(1, HashChain.GENESIS, "booking.created");
        AuditEntry second = entry(2, first.hash(), "booking.moved");
        assertThat(HashChain.intact(first)).isTrue();
        assertThat(HashChain.intact(second)).isTrue();
        assertThat(second.prevHash()).isEqualTo(first.hash());
    }

    @Test
    void anyChangedFieldBreaksTheHash() {
        AuditEntry sealed = entry(1, HashChain.GENESIS, "booking.created");
        AuditEntry tampered = new AuditEntry(sealed.seq(), sealed.eventId(), sealed.accountId(), sealed.actor(), null,
                "booking.cancelled", sealed.target(), sealed.at(), sealed.changes(), sealed.operationId(),
                sealed.channel(), sealed.requestId(), sealed.prevHash(), sealed.hash());
        assertThat(HashChain.intact(tampered)).isFalse();
    }

    @Test
    void storedJsonRoundTripsToTheSameHash() {
        AuditEntry sealed = entry(7, HashChain.GENESIS, "room.created");
        AuditEntry read = AuditJson.read(AuditJson.write(sealed));
        assertThat(read).isEqualTo(sealed);
        assertThat(HashChain.intact(read)).isTrue();
    }
}
