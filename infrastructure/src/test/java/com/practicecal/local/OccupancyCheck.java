package com.practicecal.local;

import com.practicecal.shared.booking.Interval;
import com.practicecal.shared.booking.OccupancyDay;
import com.practicecal.shared.booking.OccupancyDayItem;
import com.practicecal.shared.room.RoomItem;
import com.practicecal.shared.store.Attr;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reads a room's stored occupancy behind the API's back and reports every pair of overlapping intervals. */
public final class OccupancyCheck {
    private OccupancyCheck() {
    }

    /** @return human-readable descriptions of overlaps; empty when the room was never double-booked */
    public static List<String> overlaps(LocalStack local, String roomId) {
        List<String> found = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            final Map<String, AttributeValue> from = start;
            var response = local.dynamo().query(b -> {
                b.tableName(local.stack().physicalId("MainTable")).consistentRead(true)
                        .keyConditionExpression("PK = :pk AND begins_with(SK, :day)")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(RoomItem.PREFIX + roomId),
                                ":day", AttributeValue.fromS(OccupancyDayItem.DAY_PREFIX)));
                if (from != null) {
                    b.exclusiveStartKey(from);
                }
            });
            for (Map<String, AttributeValue> item : response.items()) {
                OccupancyDay day = OccupancyDayItem.fromItem(roomId, OccupancyDayItem.dayOf(item), item);
                List<Interval> intervals = day.occupants().values().stream().map(OccupancyDay.Occupant::interval).toList();
                for (int a = 0; a < intervals.size(); a++) {
                    for (int b = a + 1; b < intervals.size(); b++) {
                        if (intervals.get(a).overlaps(intervals.get(b))) {
                            found.add(Attr.str(item, Attr.SK) + ": " + intervals.get(a) + " / " + intervals.get(b));
                        }
                    }
                }
            }
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return found;
    }
}
