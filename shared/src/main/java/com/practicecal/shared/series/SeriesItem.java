package com.practicecal.shared.series;

import com.practicecal.shared.store.TxTag;
import com.fasterxml.jackson.core.type.TypeReference;
import com.practicecal.shared.json.Json;
import com.practicecal.shared.store.Attr;
import com.practicecal.shared.store.Expression;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Storage form of {@link Series}: PK {@code SERIES#<id>}, SK {@code SERIES}. No client data: that lives on the
 * occurrences (bookings) only, so erasing a client never has to look here.
 */
public final class SeriesItem {
    public static final String PREFIX = "SERIES#";
    /** Transaction tag of a series item (booking or block series): a failure means it changed or was used meanwhile. */
    public static final TxTag TAG = TxTag.of("series");
    public static final String SORT = "SERIES";
    public static final String TYPE = "Series";
    public static final String REQUEST_HASH = "requestHash";
    public static final String VERSION = "version";
    /** The series is new, or the one an earlier attempt of the same request started. */
    static final String NEW_OR_SAME_REQUEST = "attribute_not_exists(PK) OR #hash = :hash";
    static final String UNCHANGED = "#version = :version";

    private SeriesItem() {
    }

    public static Map<String, AttributeValue> key(String seriesId) {
        return Attr.key(PREFIX + seriesId, SORT);
    }

    /** A weekly block's series: the same form under {@code BLOCKSERIES#<id>} (segments' room may be null). */
    public static final String BLOCK_PREFIX = "BLOCKSERIES#";

    public static Map<String, AttributeValue> blockKey(String seriesId) {
        return Attr.key(BLOCK_PREFIX + seriesId, SORT);
    }

    /** Creates the item, or leaves an earlier attempt's item as it is (same request hash); else the condition fails. */
    public static Expression upsert(Series s) {
        return Expression.update("SET #type = :type, #id = :id, #account = :account, #zone = :zone, #weeks = :weeks, "
                        + "#count = :count, #segments = if_not_exists(#segments, :segments), #hash = :hash, "
                        + "#createdBy = if_not_exists(#createdBy, :createdBy), "
                        + "#createdAt = if_not_exists(#createdAt, :createdAt), #version = if_not_exists(#version, :one)")
                .when(NEW_OR_SAME_REQUEST)
                .name("#type", Attr.TYPE).name("#id", "seriesId").name("#account", "accountId").name("#zone", "timeZone")
                .name("#weeks", "weeks").name("#count", "occurrences").name("#segments", "segments")
                .name("#hash", REQUEST_HASH).name("#createdBy", "createdBy").name("#createdAt", "createdAt")
                .name("#version", VERSION)
                .value(":type", Attr.s(TYPE)).value(":id", Attr.s(s.id())).value(":account", Attr.s(s.accountId()))
                .value(":zone", Attr.s(s.zone().getId())).value(":weeks", Attr.n(s.weeks()))
                .value(":count", Attr.n(s.occurrences())).value(":segments", Attr.s(Json.write(s.segments())))
                .value(":hash", Attr.s(s.requestHash() == null ? "" : s.requestHash()))
                .value(":createdBy", Attr.s(s.createdBy())).value(":createdAt", Attr.s(s.createdAt().toString()))
                .value(":one", Attr.n(1));
    }

    /** The new segments, conditional on the version read. */
    public static Expression segments(Series before, Series after) {
        return Expression.update("SET #segments = :segments, #version = :next").when(UNCHANGED)
                .name("#segments", "segments").name("#version", VERSION)
                .value(":segments", Attr.s(Json.write(after.segments()))).value(":next", Attr.n(after.version()))
                .value(":version", Attr.n(before.version()));
    }

    public static Series fromItem(Map<String, AttributeValue> item) {
        List<Series.Segment> segments;
        try {
            segments = Json.MAPPER.readValue(Attr.str(item, "segments"), new TypeReference<List<Series.Segment>>() { });
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable series", e);
        }
        return new Series(Attr.str(item, "seriesId"), Attr.str(item, "accountId"), ZoneId.of(Attr.str(item, "timeZone")),
                (int) Attr.num(item, "weeks", 1), (int) Attr.num(item, "occurrences", 0), segments,
                Attr.str(item, REQUEST_HASH), Attr.str(item, "createdBy"), Instant.parse(Attr.str(item, "createdAt")),
                Attr.num(item, VERSION, 1));
    }
}
