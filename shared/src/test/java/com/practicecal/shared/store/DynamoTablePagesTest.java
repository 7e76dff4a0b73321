package com.practicecal.shared.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** {@link DynamoTable#pages}: one Query per page, each only when reached, continuing from the last key. */
class DynamoTablePagesTest {
    private final List<QueryRequest> calls = new ArrayList<>();

    /** Three pages: the first two end with a last evaluated key, the third with none. */
    private DynamoTable table() {
        DynamoDbClient client = (DynamoDbClient) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("query") || !(args[0] instanceof QueryRequest request)) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    calls.add(request);
                    int page = calls.size();
                    QueryResponse.Builder response = QueryResponse.builder()
                            .items(List.of(Map.of(Attr.PK, Attr.s("P"), Attr.SK, Attr.s("S" + page))));
                    if (page < 3) {
                        response.lastEvaluatedKey(Map.of(Attr.PK, Attr.s("P"), Attr.SK, Attr.s("S" + page)));
                    }
                    return response.build();
                });
        return new DynamoTable(client, "main");
    }

    @Test
    void everyPageIsReadInTurnFromTheLastKey() {
        List<String> seen = new ArrayList<>();
        for (QueryResponse page : table().pages(QueryRequest.builder().keyConditionExpression("#pk = :pk"))) {
            seen.add(Attr.str(page.items().get(0), Attr.SK));
        }
        assertThat(seen).containsExactly("S1", "S2", "S3");
        assertThat(calls).hasSize(3);
        assertThat(calls.get(0).hasExclusiveStartKey()).isFalse();
        assertThat(calls.get(0).tableName()).isEqualTo("main");
        assertThat(Attr.str(calls.get(2).exclusiveStartKey(), Attr.SK)).isEqualTo("S2");
    }

    @Test
    void stoppingEarlyReadsNoFurtherPage() {
        for (QueryResponse page : table().pages(QueryRequest.builder())) {
            if (!page.items().isEmpty()) {
                break;
            }
        }
        assertThat(calls).hasSize(1);
    }
}
