package com.practicecal.shared.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.practicecal.shared.error.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** Typed queries: the request they make, and one call per page reached (the call counts the README states). */
class QueryTest {
    private static Map<String, AttributeValue> item(String pk, String sk) {
        return Map.of(Attr.PK, Attr.s(pk), Attr.SK, Attr.s(sk), "v", Attr.s(sk));
    }

    private static String v(Map<String, AttributeValue> item) {
        return Attr.str(item, "v");
    }

    private static FakeDynamo threePages() {
        return new FakeDynamo()
                .page(List.of(item("P", "a"), item("P", "b")), Attr.key("P", "b"))
                .page(List.of(item("P", "c")), Attr.key("P", "c"))
                .page(List.of(item("P", "d")), null);
    }

    @Test
    void aPartitionQueryWithSortRangeFilterAndOrder() {
        FakeDynamo dynamo = new FakeDynamo().page(List.of(), null);
        new DynamoTable(dynamo, "t").page(Query.gsi1("ACCOUNT#1").sortBetween("2026-01", "2026-02~").newestFirst().limit(5)
                .filter("#actor = :actor").name("#actor", "actorUserId").value(":actor", "u-1"), QueryTest::v);
        QueryRequest request = dynamo.queries.get(0);
        assertThat(request.tableName()).isEqualTo("t");
        assertThat(request.indexName()).isEqualTo(Attr.GSI1);
        assertThat(request.keyConditionExpression()).isEqualTo("#pk = :pk AND #sk BETWEEN :lo AND :hi");
        assertThat(request.expressionAttributeNames()).isEqualTo(Map.of("#pk", Attr.GSI1PK, "#sk", Attr.GSI1SK,
                "#actor", "actorUserId"));
        assertThat(request.expressionAttributeValues()).isEqualTo(Map.of(":pk", Attr.s("ACCOUNT#1"),
                ":lo", Attr.s("2026-01"), ":hi", Attr.s("2026-02~"), ":actor", Attr.s("u-1")));
        assertThat(request.filterExpression()).isEqualTo("#actor = :actor");
        assertThat(request.scanIndexForward()).isFalse();
        assertThat(request.limit()).isEqualTo(5);
        assertThat(request.consistentRead()).as("index reads are eventually consistent unless asked").isNull();
        assertThat(request.exclusiveStartKey()).isEmpty();
    }

    @Test
    void aTableQueryIsConsistentOnlyWhenAsked() {
        FakeDynamo dynamo = new FakeDynamo().page(List.of(), null).page(List.of(), null);
        DynamoTable table = new DynamoTable(dynamo, "t");
        table.page(Query.partition("BOOKING#1").sortBeginsWith("NOTE#").consistent(), QueryTest::v);
        table.page(Query.partition("BOOKING#1"), QueryTest::v);
        assertThat(dynamo.queries.get(0).keyConditionExpression()).isEqualTo("#pk = :pk AND begins_with(#sk, :sk)");
        assertThat(dynamo.queries.get(0).consistentRead()).isTrue();
        assertThat(dynamo.queries.get(0).indexName()).isNull();
        assertThat(dynamo.queries.get(1).keyConditionExpression()).isEqualTo("#pk = :pk");
        assertThat(dynamo.queries.get(1).consistentRead()).isNull();
        assertThat(dynamo.queries.get(1).expressionAttributeNames()).isEqualTo(Map.of("#pk", Attr.PK));
    }

    @Test
    void pageIsOneCallAndItsCursorContinuesTheSamePartitionOnly() {
        FakeDynamo dynamo = threePages();
        DynamoTable table = new DynamoTable(dynamo, "t");
        Page<String> first = table.page(Query.partition("P"), QueryTest::v);
        assertThat(first.items()).containsExactly("a", "b");
        assertThat(first.hasMore()).isTrue();
        assertThat(dynamo.calls()).isEqualTo(1);
        table.page(Query.partition("P").after(first.cursor()), QueryTest::v);
        assertThat(dynamo.queries.get(1).exclusiveStartKey()).isEqualTo(Attr.key("P", "b"));
        ValidationException other = catchThrowableOfType(ValidationException.class,
                () -> Query.partition("Q").after(first.cursor()));
        assertThat(other.field()).isEqualTo("cursor");
    }

    @Test
    void allFollowsEveryPageEachStopsWhenTheCallerDoes() {
        FakeDynamo all = threePages();
        assertThat(new DynamoTable(all, "t").all(Query.partition("P"), QueryTest::v)).containsExactly("a", "b", "c", "d");
        assertThat(all.calls()).isEqualTo(3);
        assertThat(all.queries.get(2).exclusiveStartKey()).isEqualTo(Attr.key("P", "c"));

        FakeDynamo early = threePages();
        List<String> seen = new ArrayList<>();
        for (String v : new DynamoTable(early, "t").each(Query.partition("P"), QueryTest::v)) {
            seen.add(v);
            if (v.equals("c")) {
                break;
            }
        }
        assertThat(seen).containsExactly("a", "b", "c");
        assertThat(early.calls()).as("the third page is never read").isEqualTo(2);

        FakeDynamo firstOnly = threePages();
        new DynamoTable(firstOnly, "t").each(Query.partition("P"), QueryTest::v).iterator().next();
        assertThat(firstOnly.calls()).isEqualTo(1);
    }

    @Test
    void emptyPagesWithANextKeyAreFollowed() {
        FakeDynamo dynamo = new FakeDynamo().page(List.of(), Attr.key("P", "x")).page(List.of(item("P", "y")), null);
        assertThat(new DynamoTable(dynamo, "t").all(Query.partition("P"), QueryTest::v)).containsExactly("y");
        assertThat(dynamo.calls()).isEqualTo(2);
    }

    @Test
    void readAllOfNoKeysReadsNothing() {
        FakeDynamo dynamo = new FakeDynamo().item(item("P", "a"));
        DynamoTable table = new DynamoTable(dynamo, "t");
        assertThat(table.readAll(List.of()).keys()).isEmpty();
        assertThat(dynamo.calls()).isZero();
        assertThat(table.readAll(List.of(Attr.key("P", "a"), Attr.key("P", "zz"))).get(Attr.key("P", "a"), QueryTest::v))
                .contains("a");
        assertThat(dynamo.batchGets).hasSize(1);
        assertThat(dynamo.batchGets.get(0).requestItems().get("t").consistentRead()).isTrue();
    }

    @Test
    void conditionsGainPlaceholdersWithoutChangingTheOriginal() {
        Condition base = Condition.of("#a = :a");
        Condition full = base.name("#a", "accountId").value(":a", "a-1").value(":n", 3);
        assertThat(base.names()).isEmpty();
        assertThat(full.names()).isEqualTo(Map.of("#a", "accountId"));
        assertThat(full.values()).isEqualTo(Map.of(":a", Attr.s("a-1"), ":n", Attr.n(3)));
        assertThat(full.expression()).isEqualTo("#a = :a");
    }
}
