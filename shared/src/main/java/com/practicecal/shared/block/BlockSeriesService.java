package com.practicecal.shared.block;

import com.practicecal.shared.account.Membership;
import com.practicecal.shared.validation.Check;
import com.practicecal.shared.auth.AccessPolicy;
import com.practicecal.shared.event.Actor;
import com.practicecal.shared.auth.Principal;
import com.practicecal.shared.booking.BookingCaller;
import com.practicecal.shared.booking.Idempotency;
import com.practicecal.shared.booking.Interval;
import com.practicecal.shared.booking.OccupancyDay;
import com.practicecal.shared.booking.OccupancyDayItem;
import com.practicecal.shared.booking.RoomClaims;
import com.practicecal.shared.error.ConflictException;
import com.practicecal.shared.error.DomainException;
import com.practicecal.shared.error.ErrorCodes;
import com.practicecal.shared.error.NotFoundException;
import com.practicecal.shared.error.ValidationException;
import com.practicecal.shared.event.Events;
import com.practicecal.shared.room.Room;
import com.practicecal.shared.room.RoomItem;
import com.practicecal.shared.series.Recurrence;
import com.practicecal.shared.series.Series;
import com.practicecal.shared.series.SeriesItem;
import com.practicecal.shared.store.DynamoTable;
import com.practicecal.shared.store.MainTable;
import com.practicecal.shared.store.Transaction;
import com.practicecal.shared.store.TransactionFailedException;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Weekly blocks (a lunch break every Tuesday), built like booking series: the series id derives from the
 * Idempotency-Key (required) and each occurrence's block id from the series id, so a retry — also after a crash midway —
 * creates only the missing occurrences. One batched read for the whole series (caller, room, series item, key record,
 * every occurrence's block and room days, guessed with the request's offset widened for DST, topped up if the practice's
 * zone differs) and one transaction per occurrence created (the single block's, {@link BlockService#createTransaction});
 * taken weeks are skipped with {@code ROOM_TAKEN}. "This and all following" change and delete read the series and every
 * candidate occurrence in one batch and write one transaction per occurrence.
 */
@Singleton
public class BlockSeriesService {
    private static final Duration DST_MARGIN = Duration.ofHours(3);
    static final String TAG_SERIES = "series";
    private static final String TAG_IDEMPOTENCY = "idempotency";
    static final String OPERATION = "POST /v1/blocks";

    private final MainTable table;
    private final AccessPolicy access;
    private final BlockService blocks;
    private final Clock clock;

    public BlockSeriesService(MainTable table, AccessPolicy access, BlockService blocks, Clock clock) {
        this.table = table;
        this.access = access;
        this.blocks = blocks;
        this.clock = clock;
    }

    /** The series id of a weekly block created with this Idempotency-Key. */
    public static String seriesId(String idempotencyScope, String idempotencyKey) {
        return UUID.nameUUIDFromBytes(("blocks|" + idempotencyScope + "|" + idempotencyKey)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Occurrence {@code index}'s block id: derived, so a resumed creation can never create one twice. */
    public static String blockId(String seriesId, int index) {
        return UUID.nameUUIDFromBytes(("block|" + seriesId + "#" + index).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** 422 IDEMPOTENCY_KEY_REQUIRED: a series is created in many transactions; only the key makes a retry safe. */
    public static ValidationException keyRequired() {
        return Idempotency.keyRequired();
    }

    public BlockService.BlockSeriesView create(Principal principal, BlockRequest request,
                                               Optional<String> idempotencyKey, String requestId) {
        String key = idempotencyKey.orElseThrow(BlockSeriesService::keyRequired);
        BookingCaller caller = BookingCaller.user(principal, access);
        Idempotency idempotency = Idempotency.of(idempotencyKey, caller.idempotencyScope(), OPERATION, request)
                .orElseThrow();
        String seriesId = seriesId(caller.idempotencyScope(), key);
        String roomId = request.roomId();
        String title = request.cleanTitle();
        ZoneOffset guessZone = Check.instant("start", request.start()).getOffset();
        Series guess = plan(seriesId, principal.userId(), guessZone, request, null, "", Instant.EPOCH);

        Set<Map<String, AttributeValue>> keys = new LinkedHashSet<>(caller.identityKeys());
        keys.add(SeriesItem.blockKey(seriesId));
        keys.add(idempotency.itemKey());
        if (roomId != null) {
            keys.add(RoomItem.key(roomId));
        }
        for (int i = 0; i < guess.occurrences(); i++) {
            keys.add(BlockItem.key(blockId(seriesId, i)));
            if (roomId != null) {
                Interval planned = guess.planned(i);
                new Interval(planned.start().minus(DST_MARGIN), planned.end().plus(DST_MARGIN)).utcDays()
                        .forEach(day -> keys.add(OccupancyDayItem.key(roomId, day)));
            }
        }
        Map<String, Map<String, AttributeValue>> batch = new HashMap<>(table.batchGetAll(new ArrayList<>(keys)));
        Membership me = caller.resolve(batch);
        Instant now = clock.instant();
        Optional<BlockService.BlockSeriesView> replay = idempotency.replay(
                batch.get(DynamoTable.keyString(idempotency.itemKey())), BlockService.BlockSeriesView.class, now);
        if (replay.isPresent()) {
            return replay.get();
        }
        BlockService.requireNotOver(request.interval(), now);
        Actor actor = caller.actor(me);
        ZoneId zone = me.timeZone();
        Series series = plan(seriesId, me.accountId(), zone, request, idempotency.requestHash(), actor.userId(), now);
        Map<String, AttributeValue> stored = batch.get(DynamoTable.keyString(SeriesItem.blockKey(seriesId)));
        if (stored != null) {
            Series earlier = SeriesItem.fromItem(stored);
            if (!Objects.equals(earlier.requestHash(), series.requestHash()) || !earlier.accountId().equals(me.accountId())) {
                throw reused();
            }
            series = earlier; // resume the series as first planned
        }
        List<Map<String, AttributeValue>> missing = new ArrayList<>();
        for (int i = 0; i < series.occurrences(); i++) {
            Set<Map<String, AttributeValue>> needed = new LinkedHashSet<>();
            needed.add(BlockItem.key(blockId(seriesId, i)));
            if (roomId != null) {
                series.planned(i).utcDays().forEach(day -> needed.add(OccupancyDayItem.key(roomId, day)));
            }
            needed.stream().filter(k -> !keys.contains(k)).forEach(missing::add);
        }
        if (!missing.isEmpty()) {
            batch.putAll(table.batchGetAll(missing));
        }
        Room room = roomId == null ? null : RoomClaims.bookableRoom(me, RoomClaims.roomItem(batch, roomId), "roomId");
        Events events = new Events(actor, requestId, now);

        List<BlockView> done = new ArrayList<>();
        Map<Integer, String> skipped = new TreeMap<>();
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < series.occurrences(); i++) {
            Map<String, AttributeValue> existing = batch.get(DynamoTable.keyString(BlockItem.key(blockId(seriesId, i))));
            if (existing != null) {
                done.add(BlockView.of(BlockItem.fromItem(existing), zone));
            } else if (room != null && !RoomClaims.isFree(RoomClaims.readDays(roomId, series.planned(i), batch),
                    series.planned(i), blockId(seriesId, i))) {
                skipped.put(i, ErrorCodes.ROOM_TAKEN);
            } else {
                pending.add(i);
            }
        }
        boolean seriesWritten = stored != null;
        boolean responseStored = false;
        for (int p = 0; p < pending.size(); p++) {
            int i = pending.get(p);
            boolean last = p == pending.size() - 1;
            Interval interval = series.planned(i);
            String blockId = blockId(seriesId, i);
            Map<String, Map<String, AttributeValue>> current = batch;
            for (int attempt = 1; ; attempt++) {
                Block block = new Block(blockId, me.accountId(), roomId, interval, title, seriesId, actor.userId(), now,
                        actor.userId(), now, 1);
                List<OccupancyDay> days = room == null ? List.of() : RoomClaims.readDays(roomId, interval, current);
                Transaction tx = blocks.createTransaction(me, room, block, days, events);
                if (!seriesWritten) {
                    tx.update(TAG_SERIES, SeriesItem.blockKey(seriesId), SeriesItem.upsert(series));
                }
                BlockService.BlockSeriesView ifCommitted = null;
                if (last) {
                    List<BlockView> all = new ArrayList<>(done);
                    all.add(BlockView.of(block, zone));
                    ifCommitted = response(series, all, skipped);
                    tx.put(TAG_IDEMPOTENCY, idempotency.record(ifCommitted, now), idempotency.unused(now));
                }
                caller.guard(tx, me);
                try {
                    table.write(tx);
                    done.add(BlockView.of(block, zone));
                    seriesWritten = true;
                    responseStored = ifCommitted != null;
                    break;
                } catch (TransactionFailedException failure) {
                    String tag = failure.failedTag();
                    if (RoomClaims.TAG_ROOM.equals(tag)) {
                        throw new ConflictException(ErrorCodes.ROOM_UNAVAILABLE, "the room is no longer available");
                    }
                    if (TAG_SERIES.equals(tag)) {
                        throw reused();
                    }
                    if (AccessPolicy.TAG_STAFF.equals(tag)) {
                        caller.resolve(table.batchGet(caller.identityKeys())); // removed or downscoped in flight
                    }
                    // the room's days moved, or a concurrent retry created this occurrence: read this one again
                    List<Map<String, AttributeValue>> again = new ArrayList<>();
                    again.add(BlockItem.key(blockId));
                    if (roomId != null) {
                        again.addAll(RoomClaims.keys(roomId, interval));
                    }
                    current = table.batchGet(again);
                    Map<String, AttributeValue> mine = current.get(DynamoTable.keyString(BlockItem.key(blockId)));
                    if (mine != null) {
                        done.add(BlockView.of(BlockItem.fromItem(mine), zone));
                        seriesWritten = true;
                        break;
                    }
                    if (room != null && !RoomClaims.isFree(RoomClaims.readDays(roomId, interval, current), interval,
                            blockId)) {
                        skipped.put(i, ErrorCodes.ROOM_TAKEN);
                        break;
                    }
                    if (attempt >= RoomClaims.MAX_ATTEMPTS) {
                        skipped.put(i, ErrorCodes.CONCURRENT_MODIFICATION);
                        break;
                    }
                    RoomClaims.retryOrGiveUp(attempt); // attempt < MAX_ATTEMPTS: waits, never throws
                }
            }
        }
        BlockService.BlockSeriesView response = response(series, done, skipped);
        if (!seriesWritten || !responseStored) {
            // nothing was created in this attempt, or the last occurrence was skipped: record series and response
            Transaction tx = table.transaction();
            if (!seriesWritten) {
                tx.update(TAG_SERIES, SeriesItem.blockKey(seriesId), SeriesItem.upsert(series));
            }
            tx.put(TAG_IDEMPOTENCY, idempotency.record(response, now), idempotency.unused(now));
            try {
                table.write(tx);
            } catch (TransactionFailedException failure) {
                if (TAG_SERIES.equals(failure.failedTag())) {
                    throw reused();
                }
                // a concurrent retry stored its response first: that one stands
                return idempotency.replay(table.get(idempotency.itemKey()).orElse(null),
                        BlockService.BlockSeriesView.class, now).orElse(response);
            }
        }
        return response;
    }

    /**
     * Changes the occurrence starting at {@code from} and every later one: new local time (start/end of that
     * occurrence, later ones weekly from there), title and/or room. The series gains a segment, written in the first
     * occurrence's transaction (conditioned on the series' version); occurrences whose room is taken keep their place
     * and are listed with {@code ROOM_TAKEN}.
     */
    public BlockService.BlockSeriesChanged changeFrom(Principal principal, String seriesId, BlockSeriesChangeRequest request,
                                          String requestId) {
        BookingCaller caller = BookingCaller.user(principal, access);
        Loaded loaded = load(caller, seriesId, request.roomId());
        int first = occurrenceAt(loaded, request.from());
        Series before = loaded.series();
        Membership me = loaded.me();
        ZoneId zone = me.timeZone();
        Series.Segment current = before.segmentOf(first);
        long steps = (long) (first - current.fromIndex()) * before.weeks();
        LocalDateTime start = request.start() != null ? request.newStart().atZone(zone).toLocalDateTime()
                : current.start().plusWeeks(steps);
        LocalDateTime end = request.end() != null ? request.newEnd().atZone(zone).toLocalDateTime()
                : current.end().plusWeeks(steps);
        String roomId = request.roomId() != null ? request.roomId() : current.roomId();
        Series after = before.withSegment(new Series.Segment(first, start, end, roomId));
        String newTitle = request.cleanTitle();
        Instant now = clock.instant();
        Actor actor = caller.actor(me);
        Events events = new Events(actor, requestId, now);

        List<Integer> toChange = new ArrayList<>();
        List<Map<String, AttributeValue>> missing = new ArrayList<>();
        Map<String, Map<String, AttributeValue>> read = new HashMap<>(loaded.batch());
        for (int i = first; i < after.occurrences(); i++) {
            if (loaded.blocks().get(i) != null) {
                toChange.add(i);
                if (roomId != null) {
                    RoomClaims.keys(roomId, after.planned(i)).stream()
                            .filter(k -> !read.containsKey(DynamoTable.keyString(k))).forEach(missing::add);
                }
            }
        }
        if (!missing.isEmpty()) {
            read.putAll(table.batchGetAll(missing));
        }
        Room room = roomId == null || toChange.isEmpty() ? null
                : RoomClaims.bookableRoom(me, RoomClaims.roomItem(read, roomId), "roomId");

        boolean segmentWritten = false;
        List<String> changed = new ArrayList<>();
        List<BlockService.BlockSeriesChanged.NotChanged> failed = new ArrayList<>();
        for (int i : toChange) {
            Block b = loaded.blocks().get(i);
            Interval interval = after.planned(i);
            Map<String, Map<String, AttributeValue>> state = read;
            for (int attempt = 1; ; attempt++) {
                String title = newTitle != null ? newTitle : b.title();
                boolean placeChanged = !Objects.equals(roomId, b.roomId()) || !interval.equals(b.interval());
                if (!placeChanged && title.equals(b.title())) {
                    changed.add(b.id()); // already so
                    break;
                }
                if (placeChanged && !interval.end().isAfter(now)) {
                    failed.add(notChanged(b, ErrorCodes.VALIDATION_FAILED, zone));
                    break;
                }
                List<OccupancyDay> days = roomId == null ? List.of() : RoomClaims.readDays(roomId, interval, state);
                if (placeChanged && roomId != null && !RoomClaims.isFree(days, interval, b.id())) {
                    failed.add(notChanged(b, ErrorCodes.ROOM_TAKEN, zone));
                    break;
                }
                Transaction tx = blocks.updateTransaction(me, room, b, b.changed(roomId, interval, title, actor.userId(),
                        now), days, events);
                if (!segmentWritten) {
                    tx.update(TAG_SERIES, SeriesItem.blockKey(seriesId), SeriesItem.segments(before, after));
                }
                caller.guard(tx, me);
                try {
                    table.write(tx);
                    segmentWritten = true;
                    changed.add(b.id());
                    break;
                } catch (TransactionFailedException failure) {
                    String tag = failure.failedTag();
                    if (TAG_SERIES.equals(tag)) {
                        throw concurrentChange();
                    }
                    if (RoomClaims.TAG_ROOM.equals(tag)) {
                        failed.add(notChanged(b, ErrorCodes.ROOM_UNAVAILABLE, zone));
                        break;
                    }
                    if (AccessPolicy.TAG_STAFF.equals(tag)) {
                        caller.resolve(table.batchGet(caller.identityKeys()));
                    }
                    if (attempt >= RoomClaims.MAX_ATTEMPTS) {
                        failed.add(notChanged(b, ErrorCodes.CONCURRENT_MODIFICATION, zone));
                        break;
                    }
                    RoomClaims.retryOrGiveUp(attempt); // attempt < MAX_ATTEMPTS: waits, never throws
                    List<Map<String, AttributeValue>> again = new ArrayList<>();
                    again.add(BlockItem.key(b.id()));
                    if (roomId != null) {
                        again.addAll(RoomClaims.keys(roomId, interval));
                    }
                    state = table.batchGet(again);
                    Map<String, AttributeValue> fresh = state.get(DynamoTable.keyString(BlockItem.key(b.id())));
                    if (fresh == null) {
                        break; // deleted meanwhile: nothing to change
                    }
                    b = BlockItem.fromItem(fresh);
                }
            }
        }
        if (!segmentWritten) {
            try {
                Transaction tx = table.transaction().update(TAG_SERIES, SeriesItem.blockKey(seriesId),
                        SeriesItem.segments(before, after));
                caller.guard(tx, me);
                table.write(tx);
            } catch (TransactionFailedException moved) {
                throw concurrentChange();
            }
        }
        return new BlockService.BlockSeriesChanged(seriesId, changed, failed);
    }

    /** Deletes the occurrence starting at {@code from} and every later one, one transaction each. */
    public BlockService.BlockSeriesChanged deleteFrom(Principal principal, String seriesId, String from, String requestId) {
        BookingCaller caller = BookingCaller.user(principal, access);
        Loaded loaded = load(caller, seriesId, null);
        int first = occurrenceAt(loaded, from);
        Membership me = loaded.me();
        Instant now = clock.instant();
        Events events = new Events(caller.actor(me), requestId, now);
        List<String> deleted = new ArrayList<>();
        List<BlockService.BlockSeriesChanged.NotChanged> failed = new ArrayList<>();
        for (int i = first; i < loaded.series().occurrences(); i++) {
            Block b = loaded.blocks().get(i);
            if (b == null) {
                continue;
            }
            try {
                Transaction tx = blocks.deleteTransaction(me, b, events);
                caller.guard(tx, me);
                table.write(tx);
                deleted.add(b.id());
            } catch (TransactionFailedException moved) {
                try {
                    blocks.delete(caller, b.id(), requestId); // changed since the read: the usual path
                    deleted.add(b.id());
                } catch (NotFoundException gone) {
                    deleted.add(b.id()); // deleted meanwhile
                } catch (DomainException e) {
                    failed.add(notChanged(b, e.code(), me.timeZone()));
                }
            }
        }
        return new BlockService.BlockSeriesChanged(seriesId, deleted, failed);
    }

    private record Loaded(Membership me, Series series, Map<Integer, Block> blocks,
                          Map<String, Map<String, AttributeValue>> batch) {
    }

    /** Caller, series and every candidate occurrence (at most 52, ids derived) in one batched read. */
    private Loaded load(BookingCaller caller, String seriesId, String roomId) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>(caller.identityKeys());
        keys.add(SeriesItem.blockKey(seriesId));
        for (int i = 0; i < Recurrence.MAX_OCCURRENCES; i++) {
            keys.add(BlockItem.key(blockId(seriesId, i)));
        }
        if (roomId != null) {
            keys.add(RoomItem.key(roomId));
        }
        var batch = table.batchGetAll(keys);
        Membership me = caller.resolve(batch);
        Map<String, AttributeValue> item = batch.get(DynamoTable.keyString(SeriesItem.blockKey(seriesId)));
        if (item == null) {
            throw new NotFoundException(ErrorCodes.NOT_FOUND, "series not found");
        }
        Series series = SeriesItem.fromItem(item);
        access.requireSameAccount(me, series.accountId());
        if (roomId != null) {
            RoomClaims.bookableRoom(me, RoomClaims.roomItem(batch, roomId), "roomId"); // before anything is written
        }
        Map<Integer, Block> byIndex = new HashMap<>();
        for (int i = 0; i < series.occurrences(); i++) {
            Map<String, AttributeValue> b = batch.get(DynamoTable.keyString(BlockItem.key(blockId(seriesId, i))));
            if (b != null) {
                byIndex.put(i, BlockItem.fromItem(b));
            }
        }
        return new Loaded(me, series, byIndex, batch);
    }

    /** The index of the occurrence that starts (as planned, or as it is now) at {@code from}; else 422. */
    private static int occurrenceAt(Loaded loaded, String from) {
        Instant at = Check.instant("from", from).toInstant();
        for (int i = 0; i < loaded.series().occurrences(); i++) {
            Block b = loaded.blocks().get(i);
            if (loaded.series().planned(i).start().equals(at) || (b != null && b.interval().start().equals(at))) {
                return i;
            }
        }
        throw new ValidationException("from", "is not the start of an occurrence of this series");
    }

    private static Series plan(String id, String accountId, ZoneId zone, BlockRequest request, String requestHash,
                               String createdBy, Instant now) {
        LocalDateTime localStart = request.interval().start().atZone(zone).toLocalDateTime();
        LocalDateTime localEnd = request.interval().end().atZone(zone).toLocalDateTime();
        int count = request.recurrence().occurrences(localStart);
        return new Series(id, accountId, zone, request.recurrence().weeks(), count,
                List.of(new Series.Segment(0, localStart, localEnd, request.roomId())), requestHash, createdBy, now, 1);
    }

    private static BlockService.BlockSeriesView response(Series series, List<BlockView> done,
                                                         Map<Integer, String> skipped) {
        List<BlockView> sorted = new ArrayList<>(done);
        sorted.sort(java.util.Comparator.comparing(BlockView::start));
        List<BlockService.BlockSeriesView.Skipped> skips = new ArrayList<>();
        skipped.forEach((i, code) -> {
            Interval planned = series.planned(i);
            skips.add(new BlockService.BlockSeriesView.Skipped(planned.start().atZone(series.zone()).toOffsetDateTime(),
                    planned.end().atZone(series.zone()).toOffsetDateTime(), code));
        });
        return new BlockService.BlockSeriesView(series.id(), sorted, skips);
    }

    private static BlockService.BlockSeriesChanged.NotChanged notChanged(Block b, String code, ZoneId zone) {
        return new BlockService.BlockSeriesChanged.NotChanged(b.id(), b.interval().start().atZone(zone).toOffsetDateTime(),
                b.interval().end().atZone(zone).toOffsetDateTime(), code);
    }

    private static ConflictException concurrentChange() {
        return new ConflictException(ErrorCodes.CONCURRENT_MODIFICATION, "the series changed concurrently; please retry");
    }

    private static ValidationException reused() {
        return new ValidationException(ErrorCodes.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key",
                "was already used with a different request");
    }
}
