package com.practicecal.shared.store;

import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** The items a transaction under construction would write, for tests outside the store package. */
public final class TransactionItems {
    private TransactionItems() {
    }

    public static List<TransactWriteItem> of(Transaction tx) {
        return tx.items();
    }
}
