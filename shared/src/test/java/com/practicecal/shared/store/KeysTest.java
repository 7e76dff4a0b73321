package com.practicecal.shared.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeysTest {
    private static final Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> A = Attr.key("A", "1");
    private static final Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> B = Attr.key("B", "1");
    private static final Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> C = Attr.key("C", "1");

    @Test
    void eachKeyOnceInTheOrderAdded() {
        Keys keys = new Keys().add(B).add(A).addAll(List.of(B, C, A));
        assertThat(keys.list()).containsExactly(B, A, C);
        assertThat(keys.size()).isEqualTo(3);
        assertThat(keys.contains(Attr.key("A", "1"))).isTrue();
        assertThat(keys.contains(Attr.key("A", "2"))).isFalse();
    }

    @Test
    void withCopiesAndLeavesBothUnchanged() {
        Keys first = Keys.of(A);
        Keys second = Keys.of(B);
        assertThat(first.with(second).list()).containsExactly(A, B);
        assertThat(first.list()).containsExactly(A);
        assertThat(second.list()).containsExactly(B);
    }

    @Test
    void notInIsWhatAnEarlierReadDidNotAskForAndNotFoundInWhatItDidNotFind() {
        Keys asked = Keys.of(A, B);
        Keys needed = Keys.of(A, B, C);
        assertThat(needed.notIn(asked).list()).containsExactly(C);
        Snapshot found = Snapshot.of(Map.of(DynamoTable.keyString(A), A)); // B asked but absent
        assertThat(needed.notFoundIn(found).list()).containsExactly(B, C);
        assertThat(Keys.of(A).notIn(asked).isEmpty()).isTrue();
    }

    @Test
    void aSnapshotToppedUpHoldsBothReadsTheLaterWinning() {
        Snapshot first = Snapshot.of(Map.of(DynamoTable.keyString(A), Map.of(Attr.PK, Attr.s("A"), Attr.SK, Attr.s("1"),
                "v", Attr.n(1))));
        Snapshot later = Snapshot.of(Map.of(DynamoTable.keyString(A), Map.of(Attr.PK, Attr.s("A"), Attr.SK, Attr.s("1"),
                "v", Attr.n(2)), DynamoTable.keyString(B), B));
        Snapshot both = first.with(later);
        assertThat(both.get(A, item -> Attr.num(item, "v", 0))).contains(2L);
        assertThat(both.contains(B)).isTrue();
        assertThat(first.contains(B)).as("unchanged").isFalse();
        assertThat(Snapshot.empty().contains(A)).isFalse();
    }
}
