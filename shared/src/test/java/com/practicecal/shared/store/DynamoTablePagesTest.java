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
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * The one lazy pager of {@link DynamoTable}: {@link DynamoTable#pages} and {@link DynamoTable#each} (queries and scans)
 * make one call per page, each only when reached, continuing from the last key.
 */
class DynamoTablePagesTest {
    private final List<QueryRequest> calls = new ArrayList<>();
    private final List<ScanRequest> scans = new ArrayList<>();

    /** Three pages: the first two end with a last evaluated key, the third with none. */
    private DynamoTable table() {
        DynamoDbClient client = (DynamoDbClient) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
                    if (method.getName().equals("scan") && args[0] instanceof ScanRequest request) {
                        scans.add(request);
                        int page = scans.size();
                        // the first page is empty (all filtered out) but has a next key, as DynamoDB's scans do
                        ScanResponse.Builder response = ScanResponse.builder().items(page == 1 ? List.of()
                                : List.of(Map.of(Attr.PK, Attr.s("P"), Attr.SK, Attr.s("S" + page))));
                        if (page < 3) {
                            response.lastEvaluatedKey(Map.of(Attr.PK, Attr.s("P"), Attr.SK, Attr.s("S" + page)));
                        }
                        return response.build();
                    }
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

    @Test
    void aScanFollowsEmptyPagesAndStopsWhenTheCallerDoes() {
        List<String> seen = new ArrayList<>();
        for (String sk : table().each(Scan.filter("#t = :t").name("#t", "type").value(":t", "x"),
                item -> Attr.str(item, Attr.SK))) {
            seen.add(sk);
        }
        assertThat(seen).containsExactly("S2", "S3");
        assertThat(scans).hasSize(3);
        assertThat(scans.get(0).hasExclusiveStartKey()).isFalse();
        assertThat(scans.get(0).tableName()).isEqualTo("main");
        assertThat(Attr.str(scans.get(1).exclusiveStartKey(), Attr.SK)).isEqualTo("S1");

        scans.clear();
        Iterable<String> lazy = table().each(Scan.filter("#t = :t").name("#t", "type").value(":t", "x"),
                item -> Attr.str(item, Attr.SK));
        var iterator = lazy.iterator();
        assertThat(scans).as("no call before the iteration asks").isEmpty();
        assertThat(iterator.next()).isEqualTo("S2");
        assertThat(scans).as("the empty first page and the second").hasSize(2);
    }
}
