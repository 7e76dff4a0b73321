package com.practicecal.shared.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Typed access to the few DynamoDB operations the services use, on one table. */
public class DynamoTable {
    /** A key no item has: its GetItem reads nothing (init warm-up and SnapStart priming calls). */
    static final Map<String, AttributeValue> ABSENT_KEY = Map.of("PK", AttributeValue.fromS("SNAPSTART#priming"),
            "SK", AttributeValue.fromS("NONE"));
    private static final int BATCH_GET_LIMIT = 100;

    /**
     * The warm-up call of init and of SnapStart priming: a GetItem of {@link #ABSENT_KEY}, which runs the client's
     * whole request path (marshalling, signing, the connection) and reads nothing. A refusal (e.g. a policy without
     * GetItem on the table) is the caller's to take; the path ran all the same.
     */
    public static void readAbsentKey(DynamoDbClient dynamo, String table) {
        dynamo.getItem(g -> g.tableName(table).key(ABSENT_KEY));
    }
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoTable(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    public String name() {
        return table;
    }

    public Transaction transaction() {
        return new Transaction(table);
    }

    public Optional<Map<String, AttributeValue>> get(Map<String, AttributeValue> key) {
        var response = dynamo.getItem(b -> b.tableName(table).key(key).consistentRead(true));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(response.item()) : Optional.empty();
    }

    /**
     * Strongly consistent batch read in one call (more only if DynamoDB returns unprocessed keys).
     * Returns items keyed by "PK|SK".
     */
    public Map<String, Map<String, AttributeValue>> batchGet(List<Map<String, AttributeValue>> keys) {
        return batchGet(keys, true);
    }

    /** {@link #batchGet} (strongly consistent, one call) as a typed {@link Snapshot}. */
    public Snapshot read(List<Map<String, AttributeValue>> keys) {
        return Snapshot.of(batchGet(keys, true));
    }

    /** {@link #read(List)} of the keys collected: one strongly consistent call (up to 100 keys). */
    public Snapshot read(Keys keys) {
        return read(keys, true);
    }

    /** {@link #batchGet(List, boolean)} of the keys collected, as a typed {@link Snapshot}. */
    public Snapshot read(Keys keys, boolean consistent) {
        return Snapshot.of(batchGet(keys.list(), consistent));
    }

    /** {@link #batchGetAll(List)} of the keys collected (one call per 100), as a typed {@link Snapshot}. */
    public Snapshot readAll(Keys keys) {
        return readAll(keys, true);
    }

    /** {@link #batchGetAll(List, boolean)} of the keys collected, as a typed {@link Snapshot}. */
    public Snapshot readAll(Keys keys, boolean consistent) {
        return Snapshot.of(batchGetAll(keys.list(), consistent));
    }

    /** {@link #get} (one strongly consistent GetItem) read by an item class's {@code fromItem}; empty if absent. */
    public <T> Optional<T> find(Map<String, AttributeValue> key, java.util.function.Function<Map<String, AttributeValue>, T> read) {
        return get(key).map(read);
    }

    /**
     * @param consistent false for reads whose result is advisory (a later conditional write decides): eventually
     *                   consistent reads cost half the read capacity
     */
    public Map<String, Map<String, AttributeValue>> batchGet(List<Map<String, AttributeValue>> keys, boolean consistent) {
        if (keys.size() > BATCH_GET_LIMIT) {
            throw new IllegalArgumentException("at most " + BATCH_GET_LIMIT + " keys per batch");
        }
        Map<String, Map<String, AttributeValue>> found = new HashMap<>();
        List<Map<String, AttributeValue>> pending = dedupe(keys);
        while (!pending.isEmpty()) {
            final List<Map<String, AttributeValue>> request = pending;
            BatchGetItemResponse response = dynamo.batchGetItem(b -> b.requestItems(
                    Map.of(table, KeysAndAttributes.builder().keys(request).consistentRead(consistent).build())));
            for (Map<String, AttributeValue> item : response.responses().getOrDefault(table, List.of())) {
                found.put(keyString(item), item);
            }
            KeysAndAttributes unprocessed = response.unprocessedKeys().get(table);
            pending = unprocessed == null ? List.of() : unprocessed.keys();
        }
        return found;
    }

    /** {@link #batchGet} for any number of keys: one call per 100. */
    public Map<String, Map<String, AttributeValue>> batchGetAll(List<Map<String, AttributeValue>> keys) {
        return batchGetAll(keys, true);
    }

    /** {@link #batchGet(List, boolean)} for any number of keys: one call per 100. */
    public Map<String, Map<String, AttributeValue>> batchGetAll(List<Map<String, AttributeValue>> keys,
                                                                boolean consistent) {
        List<Map<String, AttributeValue>> unique = dedupe(keys);
        Map<String, Map<String, AttributeValue>> found = new HashMap<>();
        for (int i = 0; i < unique.size(); i += BATCH_GET_LIMIT) {
            found.putAll(batchGet(unique.subList(i, Math.min(unique.size(), i + BATCH_GET_LIMIT)), consistent));
        }
        return found;
    }

    /** {@link #batchGetAll(List)} (strongly consistent, one call per 100 keys) as a typed {@link Snapshot}. */
    public Snapshot readAll(List<Map<String, AttributeValue>> keys) {
        return Snapshot.of(keys.isEmpty() ? Map.of() : batchGetAll(keys, true));
    }

    /** One call of {@code query}: its items read by {@code read} (an item class's reader) and the next cursor. */
    public <T> Page<T> page(Query query, Function<Map<String, AttributeValue>, T> read) {
        QueryResponse response = query(query.request(null));
        return new Page<>(response.items().stream().map(read).toList(), Cursors.next(response));
    }

    /** Every item of {@code query}, following the pages (one call per page, as a loop over the cursor). */
    public <T> List<T> all(Query query, Function<Map<String, AttributeValue>, T> read) {
        List<T> all = new ArrayList<>();
        each(query, read).forEach(all::add);
        return all;
    }

    /**
     * The items of {@code query} in order, read page by page as the iteration gets there: a caller that stops early
     * makes no further calls (one call per page reached).
     */
    public <T> Iterable<T> each(Query query, Function<Map<String, AttributeValue>, T> read) {
        return () -> new Items<>(new Pages<>(start -> query(query.request(start)), DynamoTable::lastKey,
                QueryResponse::items), read);
    }

    /** The items of a full-table scan in order, page by page as the iteration gets there (maintenance jobs only). */
    public <T> Iterable<T> each(Scan scan, Function<Map<String, AttributeValue>, T> read) {
        return () -> new Items<>(new Pages<>(start -> scan(scan.request(start)), DynamoTable::lastKey,
                ScanResponse::items), read);
    }

    /**
     * A single conditional PutItem outside a transaction; false if the condition failed (nothing written).
     */
    public boolean putIf(Map<String, AttributeValue> item, Condition condition) {
        try {
            dynamo.putItem(b -> {
                b.tableName(table).item(item).conditionExpression(condition.expression());
                if (!condition.names().isEmpty()) {
                    b.expressionAttributeNames(condition.names());
                }
                if (!condition.values().isEmpty()) {
                    b.expressionAttributeValues(condition.values());
                }
            });
            return true;
        } catch (ConditionalCheckFailedException failed) {
            return false;
        }
    }

    private static Map<String, AttributeValue> lastKey(QueryResponse response) {
        return response.hasLastEvaluatedKey() ? response.lastEvaluatedKey() : null;
    }

    private static Map<String, AttributeValue> lastKey(ScanResponse response) {
        return response.hasLastEvaluatedKey() ? response.lastEvaluatedKey() : null;
    }

    /**
     * The pages of a listing, lazily: a page is requested only when the iteration asks for it, continuing from the
     * last key of the one before; the page without a last key is the last one.
     *
     * @param <R> the response of one call (a query's or a scan's)
     */
    private static final class Pages<R> implements Iterator<R> {
        private final Function<Map<String, AttributeValue>, R> call;
        private final Function<R, Map<String, AttributeValue>> lastKey;
        private final Function<R, List<Map<String, AttributeValue>>> items;
        private Map<String, AttributeValue> start;
        private boolean more = true;

        /** {@code call} reads the page starting after {@code start} (null: the first page). */
        Pages(Function<Map<String, AttributeValue>, R> call, Function<R, Map<String, AttributeValue>> lastKey,
              Function<R, List<Map<String, AttributeValue>>> items) {
            this.call = call;
            this.lastKey = lastKey;
            this.items = items;
        }

        @Override
        public boolean hasNext() {
            return more;
        }

        @Override
        public R next() {
            if (!more) {
                throw new NoSuchElementException();
            }
            R page = call.apply(start);
            Map<String, AttributeValue> last = lastKey.apply(page);
            start = last == null || last.isEmpty() ? null : last;
            more = start != null;
            return page;
        }

        /** The items of the next page. */
        Iterator<Map<String, AttributeValue>> nextItems() {
            return items.apply(next()).iterator();
        }
    }

    /** The items of lazily read pages, in order: the next page is read only when the current one is used up. */
    private static final class Items<T> implements Iterator<T> {
        private final Pages<?> pages;
        private final Function<Map<String, AttributeValue>, T> read;
        private Iterator<Map<String, AttributeValue>> current = Collections.emptyIterator();

        Items(Pages<?> pages, Function<Map<String, AttributeValue>, T> read) {
            this.pages = pages;
            this.read = read;
        }

        @Override
        public boolean hasNext() {
            while (!current.hasNext()) {
                if (!pages.hasNext()) {
                    return false;
                }
                current = pages.nextItems();
            }
            return true;
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return read.apply(current.next());
        }
    }

    public static String keyString(Map<String, AttributeValue> keyOrItem) {
        return Attr.str(keyOrItem, Attr.PK) + "|" + Attr.str(keyOrItem, Attr.SK);
    }

    private static List<Map<String, AttributeValue>> dedupe(List<Map<String, AttributeValue>> keys) {
        Map<String, Map<String, AttributeValue>> unique = new HashMap<>();
        for (Map<String, AttributeValue> key : keys) {
            unique.putIfAbsent(keyString(key), key);
        }
        return new ArrayList<>(unique.values());
    }

    /** One page of a scan; only maintenance jobs scan (the retention purge). */
    public ScanResponse scan(
            software.amazon.awssdk.services.dynamodb.model.ScanRequest.Builder request) {
        return dynamo.scan(request.tableName(table).build());
    }

    public QueryResponse query(QueryRequest.Builder request) {
        return dynamo.query(request.tableName(table).build());
    }

    /**
     * The pages of {@code request}, each queried only when the iteration reaches it (stop early and no further page
     * is read): one Query call per page.
     */
    public Iterable<QueryResponse> pages(QueryRequest.Builder request) {
        return () -> new Pages<>(start -> query(start == null ? request : request.exclusiveStartKey(start)),
                DynamoTable::lastKey, QueryResponse::items);
    }

    /** Runs the transaction; a cancellation becomes a {@link TransactionFailedException} naming the failed item. */
    public void write(Transaction tx) {
        try {
            dynamo.transactWriteItems(b -> b.transactItems(tx.items()));
        } catch (TransactionCanceledException cancelled) {
            throw translate(tx, cancelled);
        }
    }

    private static TransactionFailedException translate(Transaction tx, TransactionCanceledException cancelled) {
        List<CancellationReason> reasons = cancelled.hasCancellationReasons() ? cancelled.cancellationReasons() : List.of();
        for (int i = 0; i < reasons.size() && i < tx.size(); i++) {
            if ("ConditionalCheckFailed".equals(reasons.get(i).code())) {
                return new TransactionFailedException(tx.tagAt(i), reasons.get(i).item());
            }
        }
        return new TransactionFailedException(null, null);
    }
}
