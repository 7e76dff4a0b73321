package com.practicecal.shared.store;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A transaction was cancelled. {@link #failedTag()} names the item whose condition failed (null when the
 * cancellation was a conflict with a concurrent transaction, which is always worth a retry).
 */
public class TransactionFailedException extends RuntimeException {
    private final String failedTag;
    private final Map<String, AttributeValue> oldItem;

    public TransactionFailedException(String failedTag, Map<String, AttributeValue> oldItem) {
        super(failedTag == null ? "transaction conflict" : "condition failed: " + failedTag, null, false, false);
        this.failedTag = failedTag;
        this.oldItem = oldItem == null ? Map.of() : oldItem;
    }

    public String failedTag() {
        return failedTag;
    }

    /** Whether the item tagged {@code tag} is the one whose condition failed. */
    public boolean failed(TxTag tag) {
        return tag.name().equals(failedTag);
    }

    public boolean isConflict() {
        return failedTag == null;
    }

    /** The item as it was when its condition failed, if DynamoDB returned it. */
    public Map<String, AttributeValue> oldItem() {
        return oldItem;
    }
}
