package com.practicecal.shared.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Typed transaction tags name the item a cancellation reason points at, the same as the string form did. */
class TxTagTest {
    private static final TxTag ROOM = TxTag.of("room");
    private static final TxTag ACCOUNT = TxTag.of("account");

    @Test
    void everyOperationKeepsItsTagInOrder() {
        Transaction tx = new Transaction("t")
                .put(ROOM, Attr.key("R", "R"), Condition.NEW_ITEM)
                .update(ACCOUNT, Attr.key("A", "A"), Expression.update("SET #n = :n").name("#n", "n").value(":n", Attr.n(1)))
                .delete(TxTag.of("old"), Attr.key("O", "O"), null)
                .check(TxTag.of("member"), Attr.key("M", "M"), Condition.of("attribute_exists(PK)"))
                .put("legacy", Attr.key("L", "L"), null);
        assertThat(tx.size()).isEqualTo(5);
        assertThat(java.util.stream.IntStream.range(0, 5).mapToObj(tx::tagAt))
                .containsExactly("room", "account", "old", "member", "legacy");
        assertThat(tx.items().get(0).put().conditionExpression()).isEqualTo(Condition.NEW_ITEM_EXPRESSION);
        assertThat(tx.items().get(3).conditionCheck().conditionExpression()).isEqualTo("attribute_exists(PK)");
    }

    @Test
    void aFailureMatchesTheTagOfItsItemOnly() {
        TransactionFailedException failed = new TransactionFailedException("room", null);
        assertThat(failed.failed(ROOM)).isTrue();
        assertThat(failed.failed(TxTag.of("room"))).as("by name, not identity").isTrue();
        assertThat(failed.failed(ACCOUNT)).isFalse();
        TransactionFailedException conflict = new TransactionFailedException(null, null);
        assertThat(conflict.isConflict()).isTrue();
        assertThat(conflict.failed(ROOM)).isFalse();
    }

    @Test
    void aTagHasAName() {
        assertThatThrownBy(() -> TxTag.of(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TxTag.of(null)).isInstanceOf(NullPointerException.class);
    }
}
