package com.practicecal.local;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts the functions' AWS SDK calls by operation ({@code TransactWriteItems}, {@code AdminCreateUser}, ...), once
 * per call however often it is retried. Registered as a bean of the local API, so the shared client factory
 * attaches it to every client. Thread-safe; {@link #reset()} before the request you want to measure.
 */
public final class CountingInterceptor implements ExecutionInterceptor {
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final ThreadLocal<Map<String, Long>> recording = new ThreadLocal<>();

    private final LongAdder keysRead = new LongAdder();
    private final LongAdder consistentBatchReads = new LongAdder();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        counts.computeIfAbsent(operation == null ? "unknown" : operation, o -> new LongAdder()).increment();
        if (context.request() instanceof software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest batch) {
            boolean consistent = false;
            for (var keys : batch.requestItems().values()) {
                keysRead.add(keys.keys().size());
                consistent |= Boolean.TRUE.equals(keys.consistentRead());
            }
            if (consistent) {
                consistentBatchReads.increment();
            }
        }
        Map<String, Long> own = recording.get();
        if (own != null) {
            own.merge(operation == null ? "unknown" : operation, 1L, Long::sum);
        }
    }

    /** The calls {@code work} makes on this thread (background pollers' calls are left out). */
    public Map<String, Long> callsOf(Runnable work) {
        Map<String, Long> own = new TreeMap<>();
        recording.set(own);
        try {
            work.run();
        } finally {
            recording.remove();
        }
        return own;
    }

    private final LongAdder itemsRead = new LongAdder();

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        Object response = context.response();
        if (response instanceof software.amazon.awssdk.services.dynamodb.model.QueryResponse query) {
            itemsRead.add(query.scannedCount() == null ? query.items().size() : query.scannedCount());
        } else if (response instanceof software.amazon.awssdk.services.dynamodb.model.GetItemResponse get) {
            itemsRead.add(get.hasItem() && !get.item().isEmpty() ? 1 : 0);
        } else if (response instanceof software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse batch) {
            batch.responses().values().forEach(items -> itemsRead.add(items.size()));
        }
    }

    /** Items DynamoDB read (Query scanned count, GetItem and BatchGetItem items) since the last reset. */
    public long itemsRead() {
        return itemsRead.sum();
    }

    /** Keys requested by BatchGetItem calls since the last reset. */
    public long batchKeysRead() {
        return keysRead.sum();
    }

    /** BatchGetItem calls since the last reset that asked for strongly consistent reads. */
    public long consistentBatchReads() {
        return consistentBatchReads.sum();
    }

    /** All calls since the last reset. */
    public long calls() {
        return counts.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public long calls(String operation) {
        LongAdder count = counts.get(operation);
        return count == null ? 0 : count.sum();
    }

    /** Operation name to count, sorted by name (readable in assertion messages). */
    public Map<String, Long> byOperation() {
        Map<String, Long> snapshot = new TreeMap<>();
        counts.forEach((operation, count) -> {
            if (count.sum() > 0) {
                snapshot.put(operation, count.sum());
            }
        });
        return snapshot;
    }

    public void reset() {
        counts.clear();
        keysRead.reset();
        itemsRead.reset();
        consistentBatchReads.reset();
    }

    @Override
    public String toString() {
        return "AWS calls " + byOperation();
    }
}
