package com.practicecal.shared.store;

import java.util.Objects;

/**
 * The tag of one item in a {@link Transaction}: when DynamoDB cancels the transaction, the tag of the item whose
 * condition failed ({@link TransactionFailedException#failed(TxTag)}) tells the service which domain error it is.
 * Item classes declare the tags of their items as constants ({@code RoomItem.TAG}), so a tag cannot be misspelt
 * between the write and the translation of its failure.
 */
public record TxTag(String name) {
    public TxTag {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("blank transaction tag");
        }
    }

    public static TxTag of(String name) {
        return new TxTag(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
