package com.practicecal.shared.booking;

import com.practicecal.shared.room.FutureBookings;
import com.practicecal.shared.room.RoomItem;
import com.practicecal.shared.store.Attr;
import com.practicecal.shared.store.MainTable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** Reads a room's occupancy days from today on (consistent reads, paged) for {@link FutureBookings}. */
@Singleton
public class RoomFutureBookings implements FutureBookings {
    private final MainTable table;

    public RoomFutureBookings(MainTable table) {
        this.table = table;
    }

    @Override
    public boolean exist(String roomId, Instant now) {
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        Map<String, AttributeValue> start = null;
        do {
            var request = QueryRequest.builder().consistentRead(true)
                    .keyConditionExpression("#pk = :pk AND #sk >= :from")
                    .expressionAttributeNames(Map.of("#pk", Attr.PK, "#sk", Attr.SK))
                    .expressionAttributeValues(Map.of(":pk", RoomItem.key(roomId).get(Attr.PK),
                            ":from", Attr.s(OccupancyDayItem.DAY_PREFIX + today)));
            if (start != null) {
                request.exclusiveStartKey(start);
            }
            var response = table.query(request);
            for (Map<String, AttributeValue> item : response.items()) {
                if (!Attr.str(item, Attr.SK).startsWith(OccupancyDayItem.DAY_PREFIX)) {
                    continue;
                }
                OccupancyDay day = OccupancyDayItem.fromItem(roomId, OccupancyDayItem.dayOf(item), item);
                if (day.occupants().values().stream().anyMatch(o -> o.interval().end().isAfter(now))) {
                    return true;
                }
            }
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return false;
    }

}
