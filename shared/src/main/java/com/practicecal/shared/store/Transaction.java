package com.practicecal.shared.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * One TransactWriteItems call under construction. Every item carries a tag so that a cancellation can be
 * translated into the domain failure of the item whose condition failed. Tags are {@link TxTag}s; the
 * {@code String} overloads remain for callers not yet moved to them.
 */
public final class Transaction {
    private final String table;
    private final List<TransactWriteItem> items = new ArrayList<>();
    private final List<String> tags = new ArrayList<>();

    public Transaction(String table) {
        this.table = table;
    }

    public Transaction put(TxTag tag, Map<String, AttributeValue> item, Condition condition) {
        return put(tag.name(), item, condition);
    }

    public Transaction update(TxTag tag, Map<String, AttributeValue> key, Expression update) {
        return update(tag.name(), key, update);
    }

    public Transaction delete(TxTag tag, Map<String, AttributeValue> key, Condition condition) {
        return delete(tag.name(), key, condition);
    }

    public Transaction check(TxTag tag, Map<String, AttributeValue> key, Condition condition) {
        return check(tag.name(), key, condition);
    }

    /** The untyped form of {@link #put(TxTag, Map, Condition)}, kept while callers move to {@link TxTag}. */
    public Transaction put(String tag, Map<String, AttributeValue> item, Condition condition) {
        Put.Builder put = Put.builder().tableName(table).item(item)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD);
        if (condition != null) {
            put.conditionExpression(condition.expression());
            if (!condition.names().isEmpty()) {
                put.expressionAttributeNames(condition.names());
            }
            if (!condition.values().isEmpty()) {
                put.expressionAttributeValues(condition.values());
            }
        }
        return add(tag, TransactWriteItem.builder().put(put.build()).build());
    }

    public Transaction update(String tag, Map<String, AttributeValue> key, Expression update) {
        Update.Builder builder = Update.builder().tableName(table).key(key)
                .updateExpression(update.updateExpression());
        if (update.conditionExpression() != null) {
            builder.conditionExpression(update.conditionExpression());
        }
        if (!update.names().isEmpty()) {
            builder.expressionAttributeNames(update.names());
        }
        if (!update.values().isEmpty()) {
            builder.expressionAttributeValues(update.values());
        }
        return add(tag, TransactWriteItem.builder().update(builder.build()).build());
    }

    public Transaction delete(String tag, Map<String, AttributeValue> key, Condition condition) {
        Delete.Builder delete = Delete.builder().tableName(table).key(key);
        if (condition != null) {
            delete.conditionExpression(condition.expression());
            if (!condition.names().isEmpty()) {
                delete.expressionAttributeNames(condition.names());
            }
            if (!condition.values().isEmpty()) {
                delete.expressionAttributeValues(condition.values());
            }
        }
        return add(tag, TransactWriteItem.builder().delete(delete.build()).build());
    }

    public Transaction check(String tag, Map<String, AttributeValue> key, Condition condition) {
        ConditionCheck.Builder check = ConditionCheck.builder().tableName(table).key(key)
                .conditionExpression(condition.expression());
        if (!condition.names().isEmpty()) {
            check.expressionAttributeNames(condition.names());
        }
        if (!condition.values().isEmpty()) {
            check.expressionAttributeValues(condition.values());
        }
        return add(tag, TransactWriteItem.builder().conditionCheck(check.build()).build());
    }

    /** Adds the items a part contributes (e.g. an outbox event), keeping the builder chain. */
    public Transaction with(Consumer<Transaction> part) {
        part.accept(this);
        return this;
    }

    private Transaction add(String tag, TransactWriteItem item) {
        items.add(item);
        tags.add(tag);
        return this;
    }

    List<TransactWriteItem> items() {
        return items;
    }

    String tagAt(int index) {
        return tags.get(index);
    }

    public int size() {
        return items.size();
    }
}
