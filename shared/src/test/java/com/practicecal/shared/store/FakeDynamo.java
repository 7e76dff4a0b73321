package com.practicecal.shared.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * A DynamoDB client for the fast tier that records every call: queries answer the pages queued with
 * {@link #page}, batch reads the items stored with {@link #item}. Beside, never instead of, the tests against moto.
 */
public final class FakeDynamo implements DynamoDbClient {
    public final List<QueryRequest> queries = new ArrayList<>();
    public final List<BatchGetItemRequest> batchGets = new ArrayList<>();
    private final Deque<QueryResponse> pages = new ArrayDeque<>();
    private final Map<String, Map<String, AttributeValue>> items = new HashMap<>();

    /** Queues the answer of the next query call: these items, and a next page if {@code lastKey} is not null. */
    public FakeDynamo page(List<Map<String, AttributeValue>> pageItems, Map<String, AttributeValue> lastKey) {
        QueryResponse.Builder response = QueryResponse.builder().items(pageItems).count(pageItems.size());
        if (lastKey != null) {
            response.lastEvaluatedKey(lastKey);
        }
        pages.add(response.build());
        return this;
    }

    /** Stores an item the batch reads find. */
    public FakeDynamo item(Map<String, AttributeValue> item) {
        items.put(DynamoTable.keyString(item), item);
        return this;
    }

    public int calls() {
        return queries.size() + batchGets.size();
    }

    @Override
    public QueryResponse query(QueryRequest request) {
        queries.add(request);
        if (pages.isEmpty()) {
            throw new AssertionError("unexpected query " + request);
        }
        return pages.removeFirst();
    }

    @Override
    public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
        batchGets.add(request);
        Map<String, List<Map<String, AttributeValue>>> found = new HashMap<>();
        request.requestItems().forEach((table, keys) -> found.put(table, keys.keys().stream()
                .map(k -> items.get(DynamoTable.keyString(k))).filter(java.util.Objects::nonNull).toList()));
        return BatchGetItemResponse.builder().responses(found).build();
    }

    @Override
    public String serviceName() {
        return "dynamodb";
    }

    @Override
    public void close() {
    }
}
