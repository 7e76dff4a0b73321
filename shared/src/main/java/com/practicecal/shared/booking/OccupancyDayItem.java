package com.practicecal.shared.booking;

import com.practicecal.shared.store.TxTag;
import com.practicecal.shared.store.Attr;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Storage form of {@link OccupancyDay}: PK {@code ROOM#<roomId>}, SK {@code DAY#<yyyy-mm-dd>} (UTC day);
 * {@code occupants} is a map bookingId -> {s, e, a} (epoch seconds, account id).
 */
public final class OccupancyDayItem {
    public static final String DAY_PREFIX = "DAY#";
    public static final String TYPE = "OccupancyDay";
    public static final String OCCUPANTS = "occupants";
    public static final String VERSION = "version";
    /** Tag prefix of occupancy items in a transaction; a failed condition there means "re-read and retry". */
    static final String TAG_PREFIX = "day:";

    /** The tag of a claim on {@code day}. */
    static TxTag tag(LocalDate day) {
        return TxTag.of(TAG_PREFIX + day);
    }

    /** The tag of a release of {@code day}. */
    static TxTag releaseTag(LocalDate day) {
        return TxTag.of(TAG_PREFIX + "release:" + day);
    }

    private OccupancyDayItem() {
    }

    public static Map<String, AttributeValue> key(String roomId, LocalDate day) {
        return Attr.key(com.practicecal.shared.room.RoomItem.PREFIX + roomId, DAY_PREFIX + day);
    }

    public static AttributeValue occupant(Interval interval, String accountId) {
        return AttributeValue.fromM(Map.of(
                "s", Attr.n(interval.start().getEpochSecond()),
                "e", Attr.n(interval.end().getEpochSecond()),
                "a", Attr.s(accountId)));
    }

    /** The day's occupants map as read, plus {@code occupantId} in {@code interval}: the value a claim writes whole. */
    public static AttributeValue occupantsWith(OccupancyDay day, String occupantId, Interval interval, String accountId) {
        Map<String, AttributeValue> occupants = new HashMap<>();
        day.occupants().forEach((id, o) -> occupants.put(id, occupant(o.interval(), o.accountId())));
        occupants.put(occupantId, occupant(interval, accountId));
        return AttributeValue.fromM(occupants);
    }

    public static OccupancyDay fromItem(String roomId, LocalDate day, Map<String, AttributeValue> item) {
        if (item == null) {
            return OccupancyDay.empty(roomId, day);
        }
        Map<String, OccupancyDay.Occupant> occupants = new HashMap<>();
        Attr.map(item, OCCUPANTS).orElse(Map.of()).forEach((bookingId, value) -> {
            Map<String, AttributeValue> m = value.m();
            occupants.put(bookingId, new OccupancyDay.Occupant(
                    new Interval(Instant.ofEpochSecond(Attr.num(m, "s", 0)), Instant.ofEpochSecond(Attr.num(m, "e", 0))),
                    Attr.str(m, "a")));
        });
        return new OccupancyDay(roomId, day, Attr.num(item, VERSION, 0), occupants);
    }

    /** The room's day as {@code read} found it (a day never written is empty). */
    public static OccupancyDay from(com.practicecal.shared.store.Snapshot read, String roomId, LocalDate day) {
        return read.get(key(roomId, day), item -> fromItem(roomId, day, item)).orElseGet(() -> OccupancyDay.empty(roomId, day));
    }

    /** The query of the room's occupancy days from {@code from} on (strongly consistent; the room item is not a day). */
    public static software.amazon.awssdk.services.dynamodb.model.QueryRequest.Builder daysFrom(String roomId,
                                                                                           LocalDate from) {
        return software.amazon.awssdk.services.dynamodb.model.QueryRequest.builder().consistentRead(true)
                .keyConditionExpression("#pk = :pk AND #sk >= :from")
                .expressionAttributeNames(Map.of("#pk", Attr.PK, "#sk", Attr.SK))
                .expressionAttributeValues(Map.of(":pk", key(roomId, from).get(Attr.PK),
                        ":from", Attr.s(DAY_PREFIX + from)));
    }

    /** The occupancy days among a query page's items of the room's partition. */
    public static java.util.List<OccupancyDay> days(String roomId, java.util.List<Map<String, AttributeValue>> items) {
        return items.stream().filter(item -> Attr.str(item, Attr.SK).startsWith(DAY_PREFIX))
                .map(item -> fromItem(roomId, dayOf(item), item)).toList();
    }

    public static LocalDate dayOf(Map<String, AttributeValue> item) {
        return LocalDate.parse(Attr.str(item, Attr.SK).substring(DAY_PREFIX.length()));
    }
}
