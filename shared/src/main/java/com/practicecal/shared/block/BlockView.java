package com.practicecal.shared.block;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * A blocked time as the account sees it; times in the practice's time zone. {@code title} is left out for grantees
 * (the therapist's own text).
 */
public record BlockView(String id, String roomId, OffsetDateTime start, OffsetDateTime end, String title,
                        String seriesId, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    public static BlockView of(Block b, ZoneId zone) {
        return new BlockView(b.id(), b.roomId(), b.interval().start().atZone(zone).toOffsetDateTime(),
                b.interval().end().atZone(zone).toOffsetDateTime(), b.title(), b.seriesId(),
                b.createdAt().atZone(zone).toOffsetDateTime(), b.updatedAt().atZone(zone).toOffsetDateTime());
    }

    public static BlockView of(BlockEntry e, ZoneId zone) {
        return new BlockView(e.id(), e.roomId(), e.start().atZone(zone).toOffsetDateTime(),
                e.end().atZone(zone).toOffsetDateTime(), e.title(), e.seriesId(), null, null);
    }

    public BlockView withoutTitle() {
        return new BlockView(id, roomId, start, end, null, seriesId, createdAt, updatedAt);
    }

    /** GET /v1/blocks */
    public record Page(List<BlockView> items, String nextCursor) {
    }
}
