package com.practicecal.shared.store;

import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * One query of one partition (of the table or of an index), described without attribute maps: services say which
 * partition, which sort-key range, which filter, and read the result through an item class
 * ({@code table.all(Query.partition(pk).sortBeginsWith(prefix).consistent(), NoteItem::fromItem)}). The key
 * condition is {@code #pk = :pk [AND <sort condition on #sk>]}; a filter names its own placeholders, which must
 * not be {@code #pk, #sk, :pk, :sk, :lo, :hi}.
 */
public final class Query {
    private final String index;
    private final String partitionAttribute;
    private final String sortAttribute;
    private final String partition;
    private String sortCondition;
    private String filter;
    private boolean consistent;
    private boolean newestFirst;
    private Integer limit;
    private Map<String, AttributeValue> start;
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, AttributeValue> values = new HashMap<>();

    private Query(String index, String partitionAttribute, String sortAttribute, String partition) {
        this.index = index;
        this.partitionAttribute = partitionAttribute;
        this.sortAttribute = sortAttribute;
        this.partition = partition;
        names.put("#pk", partitionAttribute);
        values.put(":pk", Attr.s(partition));
    }

    /** A partition of the table ({@code PK}, sorted by {@code SK}). */
    public static Query partition(String pk) {
        return new Query(null, Attr.PK, Attr.SK, pk);
    }

    /** A partition of the index {@code GSI1} ({@code GSI1PK}, sorted by {@code GSI1SK}). */
    public static Query gsi1(String pk) {
        return index(Attr.GSI1, Attr.GSI1PK, Attr.GSI1SK, pk);
    }

    /** A partition of another index. */
    public static Query index(String index, String partitionAttribute, String sortAttribute, String pk) {
        return new Query(index, partitionAttribute, sortAttribute, pk);
    }

    /** Sort keys starting with {@code prefix}. */
    public Query sortBeginsWith(String prefix) {
        return sort("begins_with(#sk, :sk)").sortValue(":sk", prefix);
    }

    /** Sort keys from {@code low} to {@code high}, both included. */
    public Query sortBetween(String low, String high) {
        return sort("#sk BETWEEN :lo AND :hi").sortValue(":lo", low).sortValue(":hi", high);
    }

    /** Sort keys before {@code bound} (excluded). */
    public Query sortBefore(String bound) {
        return sort("#sk < :sk").sortValue(":sk", bound);
    }

    private Query sort(String condition) {
        if (sortCondition != null) {
            throw new IllegalStateException("one sort-key condition per query");
        }
        sortCondition = condition;
        names.put("#sk", sortAttribute);
        return this;
    }

    private Query sortValue(String placeholder, String value) {
        values.put(placeholder, Attr.s(value));
        return this;
    }

    /** A filter on the items read (applied after the limit, as DynamoDB does); placeholders via {@link #name}/{@link #value}. */
    public Query filter(String expression) {
        this.filter = expression;
        return this;
    }

    public Query name(String placeholder, String attribute) {
        names.put(placeholder, attribute);
        return this;
    }

    public Query value(String placeholder, String value) {
        values.put(placeholder, Attr.s(value));
        return this;
    }

    /** Strongly consistent (the table only; indexes are eventually consistent). */
    public Query consistent() {
        this.consistent = true;
        return this;
    }

    /** Descending sort-key order. */
    public Query newestFirst() {
        this.newestFirst = true;
        return this;
    }

    /** At most {@code n} items evaluated per call. */
    public Query limit(int n) {
        this.limit = n;
        return this;
    }

    /** Continues the listing a {@link Page#cursor()} of this same partition came from; null: from the start. */
    public Query after(String cursor) {
        if (cursor != null) {
            this.start = Cursors.start(cursor, partitionAttribute, partition);
        }
        return this;
    }

    /** Starts after the item with this key (an item class builds it, e.g. from a cursor of its own). */
    public Query afterKey(Map<String, AttributeValue> exclusiveStartKey) {
        this.start = exclusiveStartKey;
        return this;
    }

    String partitionValue() {
        return partition;
    }

    QueryRequest.Builder request(Map<String, AttributeValue> startKey) {
        QueryRequest.Builder request = QueryRequest.builder()
                .keyConditionExpression(sortCondition == null ? "#pk = :pk" : "#pk = :pk AND " + sortCondition)
                .expressionAttributeNames(Map.copyOf(names))
                .expressionAttributeValues(Map.copyOf(values));
        if (index != null) {
            request.indexName(index);
        }
        if (consistent) {
            request.consistentRead(true);
        }
        if (newestFirst) {
            request.scanIndexForward(false);
        }
        if (limit != null) {
            request.limit(limit);
        }
        if (filter != null) {
            request.filterExpression(filter);
        }
        Map<String, AttributeValue> from = startKey != null ? startKey : start;
        if (from != null) {
            request.exclusiveStartKey(from);
        }
        return request;
    }
}
