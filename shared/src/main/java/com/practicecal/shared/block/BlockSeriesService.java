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
import com.practicecal.shared.booking.OccurrenceChange;
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
import com.practicecal.shared.store.Keys;
import com.practicecal.shared.store.MainTable;
import com.practicecal.shared.store.Snapshot;
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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

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

        Keys keys = new Keys().addAll(caller.identityKeys());
        keys.add(SeriesItem.blockKey(seriesId));
        keys.addAll(idempotency.keys());
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
        Snapshot batch = table.readAll(keys);
        Membership me = caller.resolve(batch);
        Instant now = clock.instant();
        Optional<BlockService.BlockSeriesView> replay = idempotency.replay(batch, BlockService.BlockSeriesView.class,
                now);
        if (replay.isPresent()) {
            return replay.get();
        }
        BlockService.requireNotOver(request.interval(), now);
        Actor actor = caller.actor(me);
        ZoneId zone = me.timeZone();
        Series series = plan(seriesId, me.accountId(), zone, request, idempotency.requestHash(), actor.userId(), now);
        Optional<Series> stored = batch.get(SeriesItem.blockKey(seriesId), SeriesItem::fromItem);
        if (stored.isPresent()) {
            Series earlier = stored.get();
            if (!Objects.equals(earlier.requestHash(), series.requestHash()) || !earlier.accountId().equals(me.accountId())) {
                throw reused();
            }
            series = earlier; // resume the series as first planned
        }
        Keys needed = new Keys();
        for (int i = 0; i < series.occurrences(); i++) {
            needed.add(BlockItem.key(blockId(seriesId, i)));
            if (roomId != null) {
                series.planned(i).utcDays().forEach(day -> needed.add(OccupancyDayItem.key(roomId, day)));
            }
        }
        Keys missing = needed.notIn(keys);
        if (!missing.isEmpty()) {
            batch = batch.with(table.readAll(missing));
        }
        Room room = roomId == null ? null : RoomClaims.bookableRoom(me, batch, roomId, "roomId");
        Events events = new Events(actor, requestId, now);

        List<BlockView> done = new ArrayList<>();
        Map<Integer, String> skipped = new TreeMap<>();
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < series.occurrences(); i++) {
            Optional<Block> existing = batch.get(BlockItem.key(blockId(seriesId, i)), BlockItem::fromItem);
            if (existing.isPresent()) {
                done.add(BlockView.of(existing.get(), zone));
            } else if (room != null && !RoomClaims.isFree(RoomClaims.readDays(roomId, series.planned(i), batch),
                    series.planned(i), blockId(seriesId, i))) {
                skipped.put(i, ErrorCodes.ROOM_TAKEN);
            } else {
                pending.add(i);
            }
        }
        boolean seriesWritten = stored.isPresent();
        boolean responseStored = false;
        for (int p = 0; p < pending.size(); p++) {
            int i = pending.get(p);
            boolean last = p == pending.size() - 1;
            Interval interval = series.planned(i);
            String blockId = blockId(seriesId, i);
            Snapshot current = batch;
            for (int attempt = 1; ; attempt++) {
                Block block = new Block(blockId, me.accountId(), roomId, interval, title, seriesId, actor.userId(), now,
                        actor.userId(), now, 1);
                List<OccupancyDay> days = room == null ? List.of() : RoomClaims.readDays(roomId, interval, current);
                Transaction tx = blocks.createTransaction(me, room, block, days, events);
                if (!seriesWritten) {
                    tx.update(SeriesItem.TAG, SeriesItem.blockKey(seriesId), SeriesItem.upsert(series));
                }
                BlockService.BlockSeriesView ifCommitted = null;
                if (last) {
                    List<BlockView> all = new ArrayList<>(done);
                    all.add(BlockView.of(block, zone));
                    ifCommitted = response(series, all, skipped);
                    idempotency.store(tx, ifCommitted, now);
                }
                caller.guard(tx, me);
                try {
                    table.write(tx);
                    done.add(BlockView.of(block, zone));
                    seriesWritten = true;
                    responseStored = ifCommitted != null;
                    break;
                } catch (TransactionFailedException failure) {
                    if (failure.failed(RoomClaims.ROOM_TAG)) {
                        throw new ConflictException(ErrorCodes.ROOM_UNAVAILABLE, "the room is no longer available");
                    }
                    if (failure.failed(SeriesItem.TAG)) {
                        throw reused();
                    }
                    if (failure.failed(AccessPolicy.STAFF_TAG)) {
                        caller.resolve(table.read(caller.identityKeys())); // removed or downscoped in flight
                    }
                    // the room's days moved, or a concurrent retry created this occurrence: read this one again
                    current = table.read(again(blockId, roomId, interval));
                    Optional<Block> mine = current.get(BlockItem.key(blockId), BlockItem::fromItem);
                    if (mine.isPresent()) {
                        done.add(BlockView.of(mine.get(), zone));
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
                tx.update(SeriesItem.TAG, SeriesItem.blockKey(seriesId), SeriesItem.upsert(series));
            }
            idempotency.store(tx, response, now);
            try {
                table.write(tx);
            } catch (TransactionFailedException failure) {
                if (failure.failed(SeriesItem.TAG)) {
                    throw reused();
                }
                // a concurrent retry stored its response first: that one stands
                return idempotency.replayStored(table, BlockService.BlockSeriesView.class, now).orElse(response);
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
        Keys wanted = new Keys();
        for (int i = first; i < after.occurrences(); i++) {
            if (loaded.blocks().get(i) != null) {
                toChange.add(i);
                if (roomId != null) {
                    wanted.addAll(RoomClaims.keys(roomId, after.planned(i)));
                }
            }
        }
        Keys missing = wanted.notFoundIn(loaded.batch());
        Snapshot read = missing.isEmpty() ? loaded.batch() : loaded.batch().with(table.readAll(missing));
        Room room = roomId == null || toChange.isEmpty() ? null : RoomClaims.bookableRoom(me, read, roomId, "roomId");

        OccurrenceChange.Tally<Block, BlockService.BlockSeriesChanged.NotChanged> tally =
                new OccurrenceChange.Tally<>(Block::id, (b, code) -> notChanged(b, code, zone));
        for (int i : toChange) {
            Interval interval = after.planned(i);
            tally.add(OccurrenceChange.run(table, caller, me, loaded.blocks().get(i),
                    read, new OccurrenceChange.Steps<>() {
                        public OccurrenceChange.Plan plan(Block b, Snapshot state) {
                            String title = newTitle != null ? newTitle : b.title();
                            boolean placeChanged = !Objects.equals(roomId, b.roomId()) || !interval.equals(b.interval());
                            if (!placeChanged && title.equals(b.title())) {
                                return OccurrenceChange.already();
                            }
                            if (placeChanged && !interval.end().isAfter(now)) {
                                return OccurrenceChange.refused(ErrorCodes.VALIDATION_FAILED);
                            }
                            List<OccupancyDay> days = roomId == null ? List.of()
                                    : RoomClaims.readDays(roomId, interval, state);
                            if (placeChanged && roomId != null && !RoomClaims.isFree(days, interval, b.id())) {
                                return OccurrenceChange.refused(ErrorCodes.ROOM_TAKEN);
                            }
                            Transaction tx = blocks.updateTransaction(me, room, b, b.changed(roomId, interval, title,
                                    actor.userId(), now), days, events);
                            if (!tally.written()) {
                                tx.update(SeriesItem.TAG, SeriesItem.blockKey(seriesId), SeriesItem.segments(before, after));
                            }
                            return OccurrenceChange.write(tx);
                        }

                        public String refusedBy(TransactionFailedException failure) {
                            if (failure.failed(SeriesItem.TAG)) {
                                throw concurrentChange();
                            }
                            return failure.failed(RoomClaims.ROOM_TAG) ? ErrorCodes.ROOM_UNAVAILABLE : null;
                        }

                        public Keys reread(Block b) {
                            return again(b.id(), roomId, interval);
                        }

                        public Optional<Block> fresh(Block b, Snapshot state) {
                            return state.get(BlockItem.key(b.id()), BlockItem::fromItem); // empty: deleted meanwhile
                        }
                    }));
        }
        tally.writeUnlessWritten(table, caller, me, table.transaction().update(SeriesItem.TAG, SeriesItem.blockKey(seriesId),
                SeriesItem.segments(before, after)), BlockSeriesService::concurrentChange);
        return new BlockService.BlockSeriesChanged(seriesId, tally.changed(), tally.failed());
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

    private record Loaded(Membership me, Series series, Map<Integer, Block> blocks, Snapshot batch) {
    }

    /** What a failed attempt on block {@code blockId} reads again: the block and, with a room, the room's days. */
    private static Keys again(String blockId, String roomId, Interval interval) {
        Keys again = new Keys().add(BlockItem.key(blockId));
        if (roomId != null) {
            again.addAll(RoomClaims.keys(roomId, interval));
        }
        return again;
    }

    /** Caller, series and every candidate occurrence (at most 52, ids derived) in one batched read. */
    private Loaded load(BookingCaller caller, String seriesId, String roomId) {
        Keys keys = new Keys().addAll(caller.identityKeys()).add(SeriesItem.blockKey(seriesId));
        for (int i = 0; i < Recurrence.MAX_OCCURRENCES; i++) {
            keys.add(BlockItem.key(blockId(seriesId, i)));
        }
        if (roomId != null) {
            keys.add(RoomItem.key(roomId));
        }
        Snapshot batch = table.readAll(keys);
        Membership me = caller.resolve(batch);
        Series series = batch.get(SeriesItem.blockKey(seriesId), SeriesItem::fromItem)
                .orElseThrow(() -> new NotFoundException(ErrorCodes.NOT_FOUND, "series not found"));
        access.requireSameAccount(me, series.accountId());
        if (roomId != null) {
            RoomClaims.bookableRoom(me, batch, roomId, "roomId"); // before anything is written
        }
        Map<Integer, Block> byIndex = new HashMap<>();
        for (int i = 0; i < series.occurrences(); i++) {
            int index = i;
            batch.get(BlockItem.key(blockId(seriesId, i)), BlockItem::fromItem).ifPresent(b -> byIndex.put(index, b));
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
