package com.practicecal.shared.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.practicecal.shared.booking.AccountDayItem;
import com.practicecal.shared.booking.Interval;
import com.practicecal.shared.error.ValidationException;
import com.practicecal.shared.store.Attr;
import com.practicecal.shared.store.DynamoTable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class BlockTest {
    private final Block block = new Block("k1", "acc-1", null,
            new Interval(Instant.parse("2026-12-01T23:00:00Z"), Instant.parse("2026-12-02T01:00:00Z")), "Supervision",
            null, "u1", Instant.parse("2026-11-27T10:00:00Z"), "u1", Instant.parse("2026-11-27T10:00:00Z"), 1);

    @Test
    void eventsOfAWeeklyBlockNameTheSeriesAndNeverTheTitle() {
        Block weekly = new Block("k2", "acc-1", "r1", block.interval(), "Supervision Geheim", "series-1", "u1",
                block.createdAt(), "u1", block.updatedAt(), 1);
        var created = BlockService.changesOf(null, weekly);
        assertThat(created.get("seriesId").to()).isEqualTo("series-1");
        var moved = BlockService.changesOf(weekly, weekly.changed(null, block.interval(), "Neu", "u1", block.updatedAt()));
        assertThat(moved.get("seriesId").to()).isEqualTo("series-1");
        assertThat(moved.get("roomId").to()).isNull();
        assertThat(moved.toString()).doesNotContain("Supervision", "Neu");
        assertThat(BlockService.changesOf(null, block)).doesNotContainKey("seriesId");
    }

    @Test
    void anExplicitNullRoomIdRemovesTheRoomAndAnAbsentOneKeepsIt() {
        BlockUpdateRequest remove = com.practicecal.shared.json.Json.read("{\"roomId\": null}", BlockUpdateRequest.class);
        remove.validate();
        assertThat(remove.removesRoom()).isTrue();
        assertThat(remove.newRoomId()).isNull();
        BlockUpdateRequest keep = com.practicecal.shared.json.Json.read("{\"title\": \"X\"}", BlockUpdateRequest.class);
        assertThat(keep.removesRoom()).isFalse();
        assertThat(keep.roomId()).isNull();
        assertThat(com.practicecal.shared.json.Json.read("{\"roomId\": \"r-1\"}", BlockUpdateRequest.class).newRoomId())
                .isEqualTo("r-1");
        assertThatThrownBy(() -> com.practicecal.shared.json.Json.read("{\"roomId\": 5}", BlockUpdateRequest.class))
                .isInstanceOf(ValidationException.class).hasMessageContaining("roomId");
    }

    @Test
    void aBlockMayLastThirtyOneDaysButNotLonger() {
        new BlockRequest("2026-12-20T00:00:00+01:00", "2027-01-20T00:00:00+01:00", "Urlaub", null).validate();
        assertThatThrownBy(() -> new BlockRequest("2026-12-20T00:00:00+01:00", "2027-01-20T00:00:01+01:00", "Urlaub",
                null).validate()).isInstanceOf(ValidationException.class).hasMessageContaining("31 days");
    }

    @Test
    void aBlockNeedsATitleAndAnEndAfterItsStart() {
        assertThatThrownBy(() -> new BlockRequest("2026-12-20T10:00:00+01:00", "2026-12-20T11:00:00+01:00", " ", null)
                .validate()).isInstanceOf(ValidationException.class).hasMessageContaining("required");
        assertThatThrownBy(() -> new BlockRequest("2026-12-20T10:00:00+01:00", "2026-12-20T10:00:00+01:00", "Pause",
                null).validate()).isInstanceOf(ValidationException.class).hasMessageContaining("after start");
        assertThatThrownBy(() -> new BlockRequest("2026-12-20T10:00:00+01:00", "2026-12-20T11:00:00+01:00", "Pause",
                "no such/room").validate()).isInstanceOf(ValidationException.class);
    }

    @Test
    void anUpdateNeedsSomethingAndStartWithEnd() {
        assertThatThrownBy(() -> new BlockUpdateRequest(null, null, null, null).validate())
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new BlockUpdateRequest("2026-12-20T10:00:00+01:00", null, null, null).validate())
                .isInstanceOf(ValidationException.class).hasMessageContaining("together");
        new BlockUpdateRequest(null, null, "Mittag", null).validate();
    }

    @Test
    void theStoredItemRoundTrips() {
        assertThat(BlockItem.fromItem(BlockItem.toItem(block))).isEqualTo(block);
        Block inRoom = new Block("k2", "acc-1", "r1", block.interval(), "Team", "s1", "u1", block.createdAt(), "u2",
                block.updatedAt(), 4);
        assertThat(BlockItem.fromItem(BlockItem.toItem(inRoom))).isEqualTo(inRoom);
    }

    @Test
    void blocksAreReadFromTheAgendasOncePerBlockAndBookingsAreNotBlocks() {
        Map<String, Map<String, AttributeValue>> found = new HashMap<>();
        for (LocalDate day : block.interval().utcDays()) {
            Map<String, AttributeValue> item = new HashMap<>(AccountDayItem.key("acc-1", day));
            item.put(AccountDayItem.BLOCK_PREFIX + block.id(), BlockEntry.of(block));
            item.put(AccountDayItem.ENTRY_PREFIX + "b1", Attr.s("{\"id\":\"b1\"}"));
            found.put(DynamoTable.keyString(item), item);
        }
        assertThat(block.interval().utcDays()).hasSize(2);
        var blocks = BlockEntry.on(found, "acc-1", block.interval().utcDays());
        assertThat(blocks).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo("k1");
            assertThat(e.interval()).isEqualTo(block.interval());
            assertThat(e.title()).isEqualTo("Supervision");
        });
    }

    @Test
    void eventsNameTimesAndRoomButNeverTheTitle() {
        assertThat(BlockService.changesOf(null, block)).containsOnlyKeys("start", "end");
        assertThat(BlockService.changesOf(null, block).toString()).doesNotContain("Supervision");
        Block moved = block.changed("r9", block.interval(), "Arzttermin", "u1", Instant.now());
        assertThat(BlockService.changesOf(block, moved)).containsOnlyKeys("roomId");
    }

    @Test
    void aWeeklyBlockTakesTheSeriesRecurrenceAndLastsAtMostAWeek() {
        var weekly = new com.practicecal.shared.series.Recurrence("WEEKLY", 1, 10, null);
        new BlockRequest("2026-12-20T12:00:00+01:00", "2026-12-20T13:00:00+01:00", "Mittag", null, weekly).validate();
        assertThatThrownBy(() -> new BlockRequest("2026-12-20T12:00:00+01:00", "2026-12-28T13:00:00+01:00", "Lang", null,
                weekly).validate()).isInstanceOf(ValidationException.class).hasMessageContaining("7 days");
        assertThatThrownBy(() -> new BlockRequest("2026-12-20T12:00:00+01:00", "2026-12-20T13:00:00+01:00", "Mittag", null,
                new com.practicecal.shared.series.Recurrence("WEEKLY", 1, 99, null)).validate())
                .isInstanceOf(ValidationException.class);
    }
}
