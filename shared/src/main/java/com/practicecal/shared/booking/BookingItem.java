package com.practicecal.shared.booking;

import com.practicecal.shared.store.TxTag;
import com.practicecal.shared.store.Attr;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Storage form of {@link Booking}: PK {@code BOOKING#<id>}, SK {@code BOOKING}; listed per account by start
 * through GSI1 ({@code ACCOUNT#<id>#BOOKINGS}, {@code <start UTC>#<id>}); found by the retention purge through the
 * sparse {@code RetentionIndex} ({@code RETENTION#<month of the end, UTC>#<shard>}, {@code <end UTC>#<id>}; keys only
 * and the account id), so the purge reads the months it purges and nothing else.
 */
public final class BookingItem {
    public static final String PREFIX = "BOOKING#";
    /** Transaction tag of the booking item (new: already exists; change: its version moved). */
    public static final TxTag TAG = TxTag.of("booking");
    public static final String SORT = "BOOKING";
    public static final String TYPE = "Booking";
    public static final String STATUS = "bookingStatus";
    public static final String VERSION = "version";
    public static final String CLIENT_ID = "clientId";
    public static final String RETENTION_INDEX = "RetentionIndex";
    public static final String RETENTION_PK = "retentionPK";
    public static final String RETENTION_SK = "retentionSK";
    /** Partitions per month of the retention index, so one month's bookings never make one hot index key. */
    public static final int RETENTION_SHARDS = 4;

    private BookingItem() {
    }

    public static Map<String, AttributeValue> key(String bookingId) {
        return Attr.key(PREFIX + bookingId, SORT);
    }

    public static String listPartition(String accountId) {
        return "ACCOUNT#" + accountId + "#BOOKINGS";
    }

    /** Sort key of the account listing; instants are whole seconds, so ISO strings sort chronologically. */
    public static String listSort(Instant start, String bookingId) {
        return start + "#" + bookingId;
    }

    /** The retention index partition of bookings ending in {@code month} (UTC), shard {@code shard}. */
    public static String retentionPartition(java.time.YearMonth month, int shard) {
        return "RETENTION#" + month + "#" + shard;
    }

    public static int retentionShard(String bookingId) {
        return Math.floorMod(bookingId.hashCode(), RETENTION_SHARDS);
    }

    /** The retention index keys of a booking (a move changes them with the item, in the move's own put). */
    public static void putRetentionKeys(Map<String, AttributeValue> item, String bookingId, Instant end) {
        item.put(RETENTION_PK, Attr.s(retentionPartition(java.time.YearMonth.from(end.atOffset(java.time.ZoneOffset.UTC)),
                retentionShard(bookingId))));
        item.put(RETENTION_SK, Attr.s(end + "#" + bookingId));
    }

    public static Map<String, AttributeValue> toItem(Booking b) {
        Map<String, AttributeValue> item = new HashMap<>(key(b.id()));
        item.put(Attr.TYPE, Attr.s(TYPE));
        item.put("bookingId", Attr.s(b.id()));
        item.put("accountId", Attr.s(b.accountId()));
        item.put("roomId", Attr.s(b.roomId()));
        item.put("start", Attr.s(b.interval().start().toString()));
        item.put("end", Attr.s(b.interval().end().toString()));
        item.put(STATUS, Attr.s(b.status().name()));
        if (b.client().name() != null) {
            item.put("clientName", Attr.s(b.client().name()));
        }
        if (b.client().clientId() != null) {
            item.put(CLIENT_ID, Attr.s(b.client().clientId()));
        }
        if (b.client().firstName() != null) {
            item.put("clientFirstName", Attr.s(b.client().firstName()));
        }
        if (b.client().lastName() != null) {
            item.put("clientLastName", Attr.s(b.client().lastName()));
        }
        if (b.client().email() != null) {
            item.put("clientEmail", Attr.s(b.client().email()));
        }
        if (b.client().phone() != null) {
            item.put("clientPhone", Attr.s(b.client().phone()));
        }
        item.put("createdBy", Attr.s(b.createdBy()));
        item.put("createdAt", Attr.s(b.createdAt().toString()));
        item.put("updatedBy", Attr.s(b.updatedBy()));
        item.put("updatedAt", Attr.s(b.updatedAt().toString()));
        item.put(VERSION, Attr.n(b.version()));
        if (b.serviceId() != null) {
            item.put("serviceId", Attr.s(b.serviceId()));
        }
        if (b.manageTokenHash() != null) {
            item.put("manageTokenHash", Attr.s(b.manageTokenHash()));
        }
        item.put("rescheduleCount", Attr.n(b.rescheduleCount()));
        if (b.seriesId() != null) {
            item.put("seriesId", Attr.s(b.seriesId()));
        }
        item.put(Attr.GSI1PK, Attr.s(listPartition(b.accountId())));
        item.put(Attr.GSI1SK, Attr.s(listSort(b.interval().start(), b.id())));
        putRetentionKeys(item, b.id(), b.interval().end());
        return item;
    }

    static final String UNCHANGED_CONFIRMED = "#version = :version AND #status = :confirmed";

    /** The condition of a change of {@code before} as read: still that version, still confirmed. */
    static com.practicecal.shared.store.Condition unchangedConfirmed(Booking before) {
        return new com.practicecal.shared.store.Condition(UNCHANGED_CONFIRMED, Map.of("#version", VERSION, "#status", STATUS),
                Map.of(":version", Attr.n(before.version()), ":confirmed", Attr.s(BookingStatus.CONFIRMED.name())));
    }

    /**
     * The query for one page of the account's bookings overlapping [from, to), by start: a booking may have begun up
     * to {@link CreateBookingRequest#MAX_LENGTH} before {@code from}, so the index range starts that much earlier and
     * the filter keeps those ending after {@code from}.
     */
    static software.amazon.awssdk.services.dynamodb.model.QueryRequest.Builder overlapping(String accountId,
            Instant from, Instant to, int limit, String cursor) {
        Instant lowerStart = from.minus(CreateBookingRequest.MAX_LENGTH);
        var request = software.amazon.awssdk.services.dynamodb.model.QueryRequest.builder().indexName(Attr.GSI1)
                .keyConditionExpression("#pk = :pk AND #sk BETWEEN :lo AND :hi")
                .filterExpression("#end > :from")
                .expressionAttributeNames(Map.of("#pk", Attr.GSI1PK, "#sk", Attr.GSI1SK, "#end", "end"))
                .expressionAttributeValues(Map.of(
                        ":pk", Attr.s(listPartition(accountId)),
                        ":lo", Attr.s(lowerStart.toString()),
                        // "~" sorts after "#<id>", so bookings starting exactly before `to` are all included
                        ":hi", Attr.s(to.minusSeconds(1) + "~"),
                        ":from", Attr.s(from.toString())))
                .limit(limit);
        if (cursor != null) {
            request.exclusiveStartKey(com.practicecal.shared.store.Cursors.start(cursor, Attr.GSI1PK,
                    listPartition(accountId)));
        }
        return request;
    }

    public static Booking fromItem(Map<String, AttributeValue> item) {
        return new Booking(Attr.str(item, "bookingId"), Attr.str(item, "accountId"), Attr.str(item, "roomId"),
                new Interval(Instant.parse(Attr.str(item, "start")), Instant.parse(Attr.str(item, "end"))),
                BookingStatus.valueOf(Attr.str(item, STATUS)),
                new Client(Attr.str(item, "clientName"), Attr.str(item, "clientEmail"), Attr.str(item, "clientPhone"),
                        Attr.str(item, CLIENT_ID), Attr.str(item, "clientFirstName"), Attr.str(item, "clientLastName")),
                Attr.str(item, "createdBy"), Instant.parse(Attr.str(item, "createdAt")), Attr.str(item, "updatedBy"),
                Instant.parse(Attr.str(item, "updatedAt")), Attr.num(item, VERSION, 1), Attr.str(item, "serviceId"),
                Attr.str(item, "manageTokenHash"), (int) Attr.num(item, "rescheduleCount", 0),
                Attr.str(item, "seriesId"));
    }
}
