package com.practicecal.shared.booking;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicecal.shared.room.Room;
import com.practicecal.shared.room.RoomItem;
import com.practicecal.shared.room.RoomStatus;
import com.practicecal.shared.store.Attr;
import com.practicecal.shared.store.DynamoTable;
import com.practicecal.shared.store.Snapshot;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OccupancyDayItemTest {
    private static final LocalDate DAY = LocalDate.parse("2026-12-01");
    private static final Interval NINE = new Interval(Instant.parse("2026-12-01T09:00:00Z"),
            Instant.parse("2026-12-01T10:00:00Z"));
    private static final Interval ELEVEN = new Interval(Instant.parse("2026-12-01T11:00:00Z"),
            Instant.parse("2026-12-01T12:00:00Z"));

    private static Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> stored(OccupancyDay day) {
        var item = new HashMap<>(OccupancyDayItem.key("r1", DAY));
        item.put(OccupancyDayItem.OCCUPANTS, OccupancyDayItem.occupantsWith(day, "b2", ELEVEN, "acc-2"));
        item.put(OccupancyDayItem.VERSION, Attr.n(day.version() + 1));
        return item;
    }

    @Test
    void aClaimWritesTheOccupantsReadPlusTheNewOneAndReadsBackAsSuch() {
        OccupancyDay read = new OccupancyDay("r1", DAY, 3, Map.of("b1", new OccupancyDay.Occupant(NINE, "acc-1")));
        var item = stored(read);
        Snapshot snapshot = Snapshot.of(Map.of(DynamoTable.keyString(item), item));
        OccupancyDay back = OccupancyDayItem.from(snapshot, "r1", DAY);
        assertThat(back.version()).isEqualTo(4);
        assertThat(back.occupants()).containsOnlyKeys("b1", "b2");
        assertThat(back.occupants().get("b2")).isEqualTo(new OccupancyDay.Occupant(ELEVEN, "acc-2"));
        assertThat(OccupancyDayItem.from(Snapshot.empty(), "r1", DAY)).isEqualTo(OccupancyDay.empty("r1", DAY));
    }

    @Test
    void aQueryPageOfTheRoomsPartitionYieldsItsDaysOnly() {
        var room = RoomItem.toItem(new Room("r1", "acc-1", "Raum", RoomStatus.ACTIVE, Instant.EPOCH, null));
        var day = stored(OccupancyDay.empty("r1", DAY));
        assertThat(OccupancyDayItem.days("r1", List.of(room, day))).extracting(OccupancyDay::day).containsExactly(DAY);
    }
}
