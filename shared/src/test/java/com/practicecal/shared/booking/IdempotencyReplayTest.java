package com.practicecal.shared.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.practicecal.shared.error.ErrorCodes;
import com.practicecal.shared.error.ValidationException;
import com.practicecal.shared.store.Attr;
import com.practicecal.shared.store.DynamoTable;
import com.practicecal.shared.store.Snapshot;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Replay rules of an Idempotency-Key record as read in a snapshot (written by the same class). */
class IdempotencyReplayTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    record Answer(String id) {
    }

    private final Idempotency key = Idempotency.of(Optional.of("k-1"), "u1", "POST /v1/bookings", Map.of("a", 1))
            .orElseThrow();

    private static Snapshot stored(Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item) {
        return Snapshot.of(Map.of(DynamoTable.keyString(item), item));
    }

    private Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> record(Idempotency by, Instant at) {
        return IdempotencyItem.toItem(by.userId(), by.key(), by.requestHash(), "{\"id\":\"b-1\"}", at);
    }

    @Test
    void theSameRequestReplaysTheStoredResponse() {
        assertThat(key.replay(stored(record(key, NOW)), Answer.class, NOW)).contains(new Answer("b-1"));
        assertThat(key.replay(Snapshot.empty(), Answer.class, NOW)).isEmpty();
        assertThat(key.keys().list()).containsExactly(IdempotencyItem.key("u1", "k-1"));
    }

    @Test
    void aRecordWhoseTimeToLivePassedCountsAsUnused() {
        Instant written = NOW.minus(IdempotencyItem.RETENTION).minusSeconds(1);
        assertThat(key.replay(stored(record(key, written)), Answer.class, NOW)).isEmpty();
    }

    @Test
    void anotherRequestUnderTheKeyOrAnErasedResponseIsRefused() {
        Idempotency other = Idempotency.of(Optional.of("k-1"), "u1", "POST /v1/bookings", Map.of("a", 2)).orElseThrow();
        assertThatThrownBy(() -> key.replay(stored(record(other, NOW)), Answer.class, NOW))
                .isInstanceOf(ValidationException.class).extracting("code").isEqualTo(ErrorCodes.IDEMPOTENCY_KEY_REUSED);
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> erased = new HashMap<>(record(key, NOW));
        erased.remove(IdempotencyItem.RESPONSE);
        erased.put(IdempotencyItem.ERASED, software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromBool(true));
        assertThatThrownBy(() -> key.replay(stored(erased), Answer.class, NOW))
                .isInstanceOf(ValidationException.class).hasMessageContaining("erased");
        assertThat(Attr.str(record(key, NOW), IdempotencyItem.REQUEST_HASH)).isEqualTo(key.requestHash());
    }
}
