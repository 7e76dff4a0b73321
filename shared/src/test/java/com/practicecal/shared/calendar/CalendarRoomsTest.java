package com.practicecal.shared.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicecal.shared.room.Room;
import com.practicecal.shared.room.RoomItem;
import com.practicecal.shared.room.RoomStatus;
import com.practicecal.shared.store.DynamoTable;
import com.practicecal.shared.store.Snapshot;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class CalendarRoomsTest {
    private final Map<String, Map<String, AttributeValue>> found = new HashMap<>();

    private void stored(String id, String account, RoomStatus status, String createdAt, String community) {
        Map<String, AttributeValue> item = RoomItem.toItem(new Room(id, account, "Room " + id, status,
                Instant.parse(createdAt), community));
        found.put(DynamoTable.keyString(item), item);
    }

    @Test
    void keepsOnlyRoomsTheAccountMayBookNowOwnFirstOldestFirst() {
        stored("own-new", "a", RoomStatus.ACTIVE, "2026-02-01T00:00:00Z", null);
        stored("own-old", "a", RoomStatus.ACTIVE, "2026-01-01T00:00:00Z", "c1");
        stored("own-deleting", "a", RoomStatus.DELETING, "2026-01-01T00:00:00Z", null);
        stored("shared-b", "b", RoomStatus.ACTIVE, "2025-01-01T00:00:00Z", "c1");
        stored("unshared-b", "b", RoomStatus.ACTIVE, "2025-01-01T00:00:00Z", null);
        stored("other-community", "x", RoomStatus.ACTIVE, "2025-01-01T00:00:00Z", "c2");
        List<String> index = List.of("shared-b", "own-new", "own-old", "own-deleting", "unshared-b", "other-community",
                "never-stored");
        assertThat(CalendarRooms.bookable(Snapshot.of(found), index, "a", "c1")).extracting(Room::id)
                .containsExactly("own-old", "own-new", "shared-b");
        assertThat(CalendarRooms.bookable(Snapshot.of(found), index, "a", null)).extracting(Room::id)
                .as("outside a community only own rooms").containsExactly("own-old", "own-new");
    }

    @Test
    void readsEachRoomWithItsDays() {
        List<LocalDate> days = List.of(LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-02"));
        assertThat(CalendarRooms.keys(List.of("r1", "r2"), days).list()).hasSize(6)
                .first().isEqualTo(RoomItem.key("r1"));
        assertThat(CalendarRooms.dayKeys(List.of("r1", "r2"), days).list()).hasSize(4)
                .doesNotContain(RoomItem.key("r1"), RoomItem.key("r2"));
    }
}
