package com.practicecal.shared.booking;

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

    public static LocalDate dayOf(Map<String, AttributeValue> item) {
        return LocalDate.parse(Attr.str(item, Attr.SK).substring(DAY_PREFIX.length()));
    }
}
