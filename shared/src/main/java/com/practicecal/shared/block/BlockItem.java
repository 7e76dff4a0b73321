package com.practicecal.shared.block;

import com.practicecal.shared.store.TxTag;
import com.practicecal.shared.booking.Interval;
import com.practicecal.shared.store.Attr;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Storage form of {@link Block}: PK {@code BLOCK#<id>}, SK {@code BLOCK}; listed per account by start through GSI1
 * ({@code ACCOUNT#<id>#BLOCKS}, {@code <start UTC>#<id>}).
 */
public final class BlockItem {
    public static final String PREFIX = "BLOCK#";
    /** Transaction tag of the block item. */
    public static final TxTag TAG = TxTag.of("block");
    public static final String SORT = "BLOCK";
    public static final String TYPE = "Block";
    public static final String VERSION = "version";

    private BlockItem() {
    }

    public static Map<String, AttributeValue> key(String blockId) {
        return Attr.key(PREFIX + blockId, SORT);
    }

    public static String listPartition(String accountId) {
        return "ACCOUNT#" + accountId + "#BLOCKS";
    }

    public static Map<String, AttributeValue> toItem(Block b) {
        Map<String, AttributeValue> item = new HashMap<>(key(b.id()));
        item.put(Attr.TYPE, Attr.s(TYPE));
        item.put("blockId", Attr.s(b.id()));
        item.put("accountId", Attr.s(b.accountId()));
        if (b.roomId() != null) {
            item.put("roomId", Attr.s(b.roomId()));
        }
        item.put("start", Attr.s(b.interval().start().toString()));
        item.put("end", Attr.s(b.interval().end().toString()));
        item.put("title", Attr.s(b.title()));
        if (b.seriesId() != null) {
            item.put("seriesId", Attr.s(b.seriesId()));
        }
        item.put("createdBy", Attr.s(b.createdBy()));
        item.put("createdAt", Attr.s(b.createdAt().toString()));
        item.put("updatedBy", Attr.s(b.updatedBy()));
        item.put("updatedAt", Attr.s(b.updatedAt().toString()));
        item.put(VERSION, Attr.n(b.version()));
        item.put(Attr.GSI1PK, Attr.s(listPartition(b.accountId())));
        item.put(Attr.GSI1SK, Attr.s(b.interval().start() + "#" + b.id()));
        return item;
    }

    /**
     * The query for one page of the account's blocks overlapping [from, to), by start: a block may have begun up to
     * {@link BlockRequest#MAX_LENGTH} before {@code from}, so the index range starts that much earlier and the filter
     * keeps those ending after {@code from}.
     */
    static QueryRequest.Builder overlapping(String accountId, Instant from, Instant to, int limit, String cursor) {
        String partition = listPartition(accountId);
        var request = QueryRequest.builder().indexName(Attr.GSI1)
                .keyConditionExpression("#pk = :pk AND #sk BETWEEN :lo AND :hi")
                .filterExpression("#end > :from")
                .expressionAttributeNames(Map.of("#pk", Attr.GSI1PK, "#sk", Attr.GSI1SK, "#end", "end"))
                .expressionAttributeValues(Map.of(
                        ":pk", Attr.s(partition),
                        ":lo", Attr.s(from.minus(BlockRequest.MAX_LENGTH).toString()),
                        ":hi", Attr.s(to.minusSeconds(1) + "~"),
                        ":from", Attr.s(from.toString())))
                .limit(limit);
        if (cursor != null) {
            request.exclusiveStartKey(com.practicecal.shared.store.Cursors.start(cursor, Attr.GSI1PK, partition));
        }
        return request;
    }

    /** A long move's first step left the old place to free (see {@code BlockService}): its room (or none) and times. */
    public static final String PENDING_RELEASE = "pendingRelease";

    public record Pending(String roomId, Interval interval) {
    }

    /** The item of {@code after} recording that {@code before}'s place still has to be freed. */
    static Map<String, AttributeValue> withPendingRelease(Block after, Block before) {
        Map<String, AttributeValue> item = toItem(after);
        Map<String, AttributeValue> pending = new HashMap<>();
        if (before.roomId() != null) {
            pending.put("roomId", Attr.s(before.roomId()));
        }
        pending.put("start", Attr.s(before.interval().start().toString()));
        pending.put("end", Attr.s(before.interval().end().toString()));
        item.put(PENDING_RELEASE, AttributeValue.fromM(pending));
        return item;
    }

    static java.util.Optional<Pending> pending(Map<String, AttributeValue> item) {
        AttributeValue value = item.get(PENDING_RELEASE);
        if (value == null || !value.hasM()) {
            return java.util.Optional.empty();
        }
        Map<String, AttributeValue> m = value.m();
        return java.util.Optional.of(new Pending(Attr.str(m, "roomId"),
                new Interval(Instant.parse(Attr.str(m, "start")), Instant.parse(Attr.str(m, "end")))));
    }

    static final String UNCHANGED = "#version = :version";

    /** The condition of a change of {@code before} as read: still that version. */
    static com.practicecal.shared.store.Condition unchanged(Block before) {
        return new com.practicecal.shared.store.Condition(UNCHANGED, Map.of("#version", VERSION),
                Map.of(":version", Attr.n(before.version())));
    }

    /** The update that clears the pending release of {@code current} (as read: conditioned on its version). */
    static com.practicecal.shared.store.Expression released(Block current) {
        return com.practicecal.shared.store.Expression.update("REMOVE #pending").when(UNCHANGED)
                .name("#pending", PENDING_RELEASE).name("#version", VERSION).value(":version", Attr.n(current.version()));
    }

    /** A block as read, with the old place a long move still has to free (if any). */
    public record Read(Block block, java.util.Optional<Pending> pending) {
    }

    public static Read read(Map<String, AttributeValue> item) {
        return new Read(fromItem(item), pending(item));
    }

    public static Block fromItem(Map<String, AttributeValue> item) {
        return new Block(Attr.str(item, "blockId"), Attr.str(item, "accountId"), Attr.str(item, "roomId"),
                new Interval(Instant.parse(Attr.str(item, "start")), Instant.parse(Attr.str(item, "end"))),
                Attr.str(item, "title"), Attr.str(item, "seriesId"), Attr.str(item, "createdBy"),
                Instant.parse(Attr.str(item, "createdAt")), Attr.str(item, "updatedBy"),
                Instant.parse(Attr.str(item, "updatedAt")), Attr.num(item, VERSION, 1));
    }
}
