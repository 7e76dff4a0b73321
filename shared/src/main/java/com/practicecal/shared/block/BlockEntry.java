package com.practicecal.shared.block;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.practicecal.shared.booking.AccountDayItem;
import com.practicecal.shared.booking.Interval;
import com.practicecal.shared.json.Json;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A blocked time as the account's day agenda stores it ({@code block:<id>}, compact JSON): the calendar shows it and
 * slot computation treats the therapist as unavailable, from the same read as the bookings.
 */
public record BlockEntry(String id, String roomId, Instant start, Instant end, String title, String seriesId,
                         long version) {
    private static final ObjectReader READER = Json.MAPPER.readerFor(BlockEntry.class)
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public static AttributeValue of(Block b) {
        return AttributeValue.fromS(Json.write(new BlockEntry(b.id(), b.roomId(), b.interval().start(),
                b.interval().end(), b.title(), b.seriesId(), b.version())));
    }

    public Interval interval() {
        return new Interval(start, end);
    }

    /** {@link #on(Map, String, Collection)} from a typed snapshot. */
    public static List<BlockEntry> on(com.practicecal.shared.store.Snapshot read, String accountId,
                                      Collection<LocalDate> days) {
        return on(read.items(), accountId, days);
    }

    /** The blocks on the account's {@code days} as read in {@code found}, each once. */
    public static List<BlockEntry> on(Map<String, Map<String, AttributeValue>> found, String accountId,
                                      Collection<LocalDate> days) {
        // the newest version of each block: a long move's first step leaves the old days' entries for its second
        Map<String, BlockEntry> newest = new java.util.LinkedHashMap<>();
        for (LocalDate day : days) {
            AccountDayItem.entries(found, accountId, List.of(day), AccountDayItem.BLOCK_PREFIX).values().forEach(v -> {
                try {
                    BlockEntry entry = READER.readValue(v.s());
                    newest.merge(entry.id(), entry, (a, b) -> b.version() > a.version() ? b : a);
                } catch (JsonProcessingException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return new ArrayList<>(newest.values());
    }

    @Override
    public String toString() {
        return "BlockEntry[" + id + "]";
    }
}
