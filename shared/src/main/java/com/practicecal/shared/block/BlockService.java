package com.practicecal.shared.block;

import com.practicecal.shared.account.Membership;
import com.practicecal.shared.auth.AccessPolicy;
import com.practicecal.shared.event.Actor;
import com.practicecal.shared.auth.Principal;
import com.practicecal.shared.booking.AccountDayItem;
import com.practicecal.shared.booking.BookingCaller;
import com.practicecal.shared.booking.BookingQuery;
import com.practicecal.shared.booking.Idempotency;
import com.practicecal.shared.booking.Interval;
import com.practicecal.shared.booking.OccupancyDay;
import com.practicecal.shared.booking.OccupancyWrites;
import com.practicecal.shared.booking.RoomClaims;
import com.practicecal.shared.error.ConflictException;
import com.practicecal.shared.error.ErrorCodes;
import com.practicecal.shared.error.NotFoundException;
import com.practicecal.shared.error.ValidationException;
import com.practicecal.shared.event.Change;
import com.practicecal.shared.event.Events;
import com.practicecal.shared.room.Room;
import com.practicecal.shared.store.Condition;
import com.practicecal.shared.store.Cursors;
import com.practicecal.shared.store.DynamoTable;
import com.practicecal.shared.store.Keys;
import com.practicecal.shared.store.MainTable;
import com.practicecal.shared.store.Snapshot;
import com.practicecal.shared.store.Transaction;
import com.practicecal.shared.store.TransactionFailedException;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Blocked time. A block with a room goes through the same conditional transaction as a booking — the room's
 * occupancy days (version-conditioned), the room check, the outbox event, the idempotency record — but claims no
 * quota; every block is written to the account's day agendas, which the calendar and slot computation read, and
 * bumps their counters, so a concurrent online booking re-checks the therapist's time.
 */
@Singleton
public class BlockService {
    /** DynamoDB's limit of items in one TransactWriteItems. */
    static final int MAX_TRANSACTION_ITEMS = 100;

    private final MainTable table;
    private final AccessPolicy access;
    private final Clock clock;

    public BlockService(MainTable table, AccessPolicy access, Clock clock) {
        this.table = table;
        this.access = access;
        this.clock = clock;
    }

    public BlockView create(Principal principal, BlockRequest request, Optional<String> idempotencyKey, String requestId) {
        BookingCaller caller = BookingCaller.user(principal, access);
        return create(caller, null, request.roomId(), request.interval(), request.cleanTitle(),
                Idempotency.of(idempotencyKey, caller.idempotencyScope(), "POST /v1/blocks", request), requestId);
    }

    /** PATCH and DELETE of a weekly block's series: the blocks changed, and those that could not be, with the code. */
    public record BlockSeriesChanged(String id, List<String> changed, List<NotChanged> notChanged) {
        public record NotChanged(String blockId, java.time.OffsetDateTime start, java.time.OffsetDateTime end,
                                 String code) {
        }
    }

    /** The 201 of a recurring block. */
    public record BlockSeriesView(String seriesId, List<BlockView> blocks, List<Skipped> skipped) {
        public record Skipped(java.time.OffsetDateTime start, java.time.OffsetDateTime end, String code) {
        }
    }

    /** @param seriesId the series this block is an occurrence of, or null */
    public BlockView create(BookingCaller caller, String seriesId, String roomId, Interval interval, String title,
                            Optional<Idempotency> idempotency, String requestId) {
        String blockId = UUID.randomUUID().toString();
        for (int attempt = 1; ; attempt++) {
            Keys keys = new Keys().addAll(caller.identityKeys());
            if (roomId != null) {
                keys.addAll(RoomClaims.keys(roomId, interval));
            }
            idempotency.ifPresent(i -> keys.addAll(i.keys()));
            Snapshot batch = table.read(keys);
            Membership me = caller.resolve(batch);
            Instant now = clock.instant();
            Optional<BlockView> replay = idempotency.flatMap(i -> i.replay(batch, BlockView.class, now));
            if (replay.isPresent()) {
                return replay.get();
            }
            requireNotOver(interval, now);
            Room room = null;
            List<OccupancyDay> days = List.of();
            if (roomId != null) {
                room = RoomClaims.bookableRoom(me, batch, roomId, "roomId");
                days = RoomClaims.readDays(roomId, interval, batch);
                RoomClaims.requireFree(days, interval, blockId, me.timeZone());
            }
            Actor actor = caller.actor(me);
            Block block = new Block(blockId, me.accountId(), roomId, interval, title, seriesId, actor.userId(), now,
                    actor.userId(), now, 1);
            BlockView view = BlockView.of(block, me.timeZone());
            Transaction tx = createTransaction(me, room, block, days, new Events(actor, requestId, now));
            idempotency.ifPresent(i -> i.store(tx, view, now));
            if (commit(tx, caller, me, attempt)) {
                return view;
            }
        }
    }

    public BlockView get(Principal principal, String blockId) {
        BookingCaller caller = BookingCaller.user(principal, access);
        Snapshot batch = table.read(caller.identityKeys().with(Keys.of(BlockItem.key(blockId))));
        Membership me = caller.resolve(batch);
        return BlockView.of(ownBlock(me, batch, blockId), me.timeZone());
    }

    /** The account's blocks overlapping the range, by start (a block may have begun up to 31 days before it). */
    public BlockView.Page list(Principal principal, BookingQuery query) {
        Membership me = access.member(principal, com.practicecal.shared.staff.StaffScopes.APPOINTMENTS);
        var response = page(table, me.accountId(), query.from(), query.to(), query.limit(), query.cursor());
        return new BlockView.Page(response.items().stream().map(BlockItem::fromItem)
                .map(b -> BlockView.of(b, me.timeZone())).toList(), Cursors.next(response));
    }

    /** Every block of the account overlapping {@code range}, by start (all pages; the calendar feed's read). */
    public static List<Block> overlapping(DynamoTable table, String accountId, Interval range) {
        List<Block> found = new ArrayList<>();
        String cursor = null;
        do {
            var response = page(table, accountId, range.start(), range.end(), BookingQuery.MAX_LIMIT, cursor);
            response.items().stream().map(BlockItem::fromItem).forEach(found::add);
            cursor = Cursors.next(response);
        } while (cursor != null);
        return found;
    }

    private static software.amazon.awssdk.services.dynamodb.model.QueryResponse page(DynamoTable table, String accountId,
            Instant from, Instant to, int limit, String cursor) {
        return table.query(BlockItem.overlapping(accountId, from, to, limit, cursor));
    }

    /** Moves a block (times and/or room) and/or renames it; the old room days are freed in the same transaction. */
    public BlockView update(Principal principal, String blockId, BlockUpdateRequest request,
                            Optional<String> idempotencyKey, String requestId) {
        BookingCaller caller = BookingCaller.user(principal, access);
        return update(caller, blockId, request.newRoomId(), request.removesRoom(), request.interval().orElse(null),
                request.cleanTitle().orElse(null),
                Idempotency.of(idempotencyKey, caller.idempotencyScope(), "PATCH /v1/blocks/" + blockId, request),
                requestId);
    }

    /** @param removeRoom the block keeps no room (PATCH {"roomId": null}); its room days are freed */
    public BlockView update(BookingCaller caller, String blockId, String newRoomId, boolean removeRoom,
                            Interval newInterval, String newTitle, Optional<Idempotency> idempotency, String requestId) {
        for (int attempt = 1; ; attempt++) {
            Keys keys = new Keys().addAll(caller.identityKeys()).add(BlockItem.key(blockId));
            idempotency.ifPresent(i -> keys.addAll(i.keys()));
            Snapshot first = table.read(keys);
            Membership me = caller.resolve(first);
            Instant now = clock.instant();
            Optional<BlockView> replay = idempotency.flatMap(i -> i.replay(first, BlockView.class, now));
            if (replay.isPresent()) {
                return replay.get();
            }
            Block before = ownBlock(me, first, blockId);
            if (rollForward(me, first.get(BlockItem.key(blockId), BlockItem::read))) {
                continue; // an interrupted long move was completed: read again
            }
            String roomId = removeRoom ? null : newRoomId != null ? newRoomId : before.roomId();
            Interval interval = newInterval != null ? newInterval : before.interval();
            String title = newTitle != null ? newTitle : before.title();
            boolean placeChanged = !Objects.equals(roomId, before.roomId()) || !interval.equals(before.interval());
            if (!placeChanged && title.equals(before.title())) {
                return BlockView.of(before, me.timeZone());
            }
            if (placeChanged) {
                requireNotOver(interval, now);
            }
            Actor actor = caller.actor(me);
            Block after = before.changed(roomId, interval, title, actor.userId(), now);
            BlockView view = BlockView.of(after, me.timeZone());
            Room room = null;
            List<OccupancyDay> days = List.of();
            if (placeChanged && roomId != null) {
                Snapshot batch = table.read(RoomClaims.keys(roomId, interval));
                room = RoomClaims.bookableRoom(me, batch, roomId, "roomId");
                days = RoomClaims.readDays(roomId, interval, batch);
                RoomClaims.requireFree(days, interval, blockId, me.timeZone());
            }
            Transaction tx = updateTransaction(me, room, before, after, days, new Events(actor, requestId, now));
            idempotency.ifPresent(i -> i.store(tx, view, now));
            if (tx.size() + 1 > MAX_TRANSACTION_ITEMS) { // + the caller's guard
                // a long block moved far: claim the new place first, free the old one in a second step
                Transaction claim = claimTransaction(me, room, before, after, days, new Events(actor, requestId, now));
                if (commit(claim, caller, me, attempt)) {
                    Transaction release = releaseTransaction(me, after, new BlockItem.Pending(before.roomId(),
                            before.interval()));
                    idempotency.ifPresent(i -> i.store(release, view, now));
                    caller.guard(release, me);
                    try {
                        table.write(release);
                    } catch (TransactionFailedException moved) {
                        finishPendingMove(me, blockId); // changed meanwhile: whoever changed it freed the old place
                    }
                    return view;
                }
                continue;
            }
            if (commit(tx, caller, me, attempt)) {
                return view;
            }
        }
    }

    /** Deletes a block and frees its room days; deleting a deleted block is a 404. */
    public void delete(Principal principal, String blockId, String requestId) {
        delete(BookingCaller.user(principal, access), blockId, requestId);
    }

    public void delete(BookingCaller caller, String blockId, String requestId) {
        for (int attempt = 1; ; attempt++) {
            Snapshot batch = table.read(caller.identityKeys().with(Keys.of(BlockItem.key(blockId))));
            Membership me = caller.resolve(batch);
            Block before = ownBlock(me, batch, blockId);
            if (rollForward(me, batch.get(BlockItem.key(blockId), BlockItem::read))) {
                continue; // an interrupted long move was completed: read again
            }
            Instant now = clock.instant();
            Actor actor = caller.actor(me);
            Transaction tx = deleteTransaction(me, before, new Events(actor, requestId, now));
            if (commit(tx, caller, me, attempt)) {
                return;
            }
        }
    }

    /** The transaction that creates {@code block} from its room and the room's days as read (no room: none). */
    Transaction createTransaction(Membership me, Room room, Block block, List<OccupancyDay> days, Events events) {
        Transaction tx = table.transaction().put(BlockItem.TAG, BlockItem.toItem(block), Condition.NEW_ITEM);
        if (room != null) {
            OccupancyWrites.add(tx, block.id(), me.accountId(), room.id(), block.interval(), days, room.id(), List.of());
            RoomClaims.checkRoom(tx, room, me);
        }
        AccountDayItem.recordEntry(tx, me.accountId(), AccountDayItem.BLOCK_PREFIX + block.id(), List.of(),
                block.interval().utcDays(), BlockEntry.of(block));
        tx.with(events.emit(me.accountId(), "block.created", "block", block.id(),
                changesOf(null, block)));
        return tx;
    }

    /**
     * The transaction that changes {@code before} (as read) into {@code after}: the block (version-conditioned), and
     * when its place changed the new room's days as read (version-conditioned; {@code room} is after's room, null
     * for none) and the old room's days freed, the agendas, the room check and the outbox event.
     */
    Transaction updateTransaction(Membership me, Room room, Block before, Block after, List<OccupancyDay> days,
                                  Events events) {
        boolean placeChanged = !Objects.equals(after.roomId(), before.roomId())
                || !after.interval().equals(before.interval());
        Transaction tx = table.transaction().put(BlockItem.TAG, BlockItem.toItem(after), unchanged(before));
        if (placeChanged && after.roomId() != null) {
            OccupancyWrites.add(tx, before.id(), me.accountId(), after.roomId(), after.interval(), days,
                    before.roomId() != null ? before.roomId() : after.roomId(),
                    before.roomId() != null ? before.interval().utcDays() : List.of());
            RoomClaims.checkRoom(tx, room, me);
        } else if (placeChanged && before.roomId() != null) {
            // the block gives up its room: its days there are freed, nothing is claimed
            OccupancyWrites.add(tx, before.id(), me.accountId(), before.roomId(), before.interval(), List.of(),
                    before.roomId(), before.interval().utcDays());
        }
        AccountDayItem.recordEntry(tx, me.accountId(), AccountDayItem.BLOCK_PREFIX + before.id(),
                before.interval().utcDays(), after.interval().utcDays(), BlockEntry.of(after));
        tx.with(events.emit(me.accountId(), "block.moved", "block", before.id(),
                changesOf(before, after)));
        return tx;
    }

    /**
     * First step of a move too large for one transaction (a 31-day room block moved by more than about two weeks
     * touches up to 32 claimed and 32 freed room days and 64 agenda days): the block gets its new place and records
     * the old one as pending release (version-conditioned), the new room days are claimed (version-conditioned, so
     * the move is refused or retried exactly like a one-step move) and the new days' agendas get the entry. The old
     * place stays occupied until the second step: between the steps the block holds both, never less, so nothing can
     * be booked into either. At most 1 + 32 + 32 + 4 items.
     */
    Transaction claimTransaction(Membership me, Room room, Block before, Block after, List<OccupancyDay> days,
                                 Events events) {
        Transaction tx = table.transaction().put(BlockItem.TAG, BlockItem.withPendingRelease(after, before),
                unchanged(before));
        if (after.roomId() != null) {
            OccupancyWrites.add(tx, before.id(), me.accountId(), after.roomId(), after.interval(), days,
                    after.roomId(), List.of());
            RoomClaims.checkRoom(tx, room, me);
        }
        AccountDayItem.recordEntry(tx, me.accountId(), AccountDayItem.BLOCK_PREFIX + before.id(), List.of(),
                after.interval().utcDays(), BlockEntry.of(after));
        return tx.with(events.emit(me.accountId(), "block.moved", "block", before.id(), changesOf(before, after)));
    }

    /**
     * Second step: frees the pending old place — its room days the block no longer claims and its agenda days it no
     * longer covers — and clears the mark, conditioned on the block's version (whoever changes the block next
     * completes this step first, see {@link #rollForward}). At most 1 + 32 + 32 items.
     */
    Transaction releaseTransaction(Membership me, Block current, BlockItem.Pending pending) {
        Transaction tx = table.transaction().update(BlockItem.TAG, BlockItem.key(current.id()),
                BlockItem.released(current));
        if (pending.roomId() != null) {
            List<java.time.LocalDate> freed = new ArrayList<>(pending.interval().utcDays());
            if (pending.roomId().equals(current.roomId())) {
                freed.removeAll(current.interval().utcDays()); // those days' maps already hold the new interval
            }
            OccupancyWrites.add(tx, current.id(), me.accountId(), pending.roomId(), pending.interval(), List.of(),
                    pending.roomId(), freed);
        }
        List<java.time.LocalDate> agenda = new ArrayList<>(pending.interval().utcDays());
        agenda.removeAll(current.interval().utcDays());
        AccountDayItem.recordEntry(tx, me.accountId(), AccountDayItem.BLOCK_PREFIX + current.id(), agenda, List.of(),
                null);
        return tx;
    }

    /** Completes an interrupted long move of the block as read; true if it did (the caller reads again). */
    private boolean rollForward(Membership me, Optional<BlockItem.Read> read) {
        Optional<BlockItem.Pending> pending = read.flatMap(BlockItem.Read::pending);
        if (pending.isEmpty()) {
            return false;
        }
        try {
            table.write(releaseTransaction(me, read.get().block(), pending.get()));
        } catch (TransactionFailedException moved) {
            // completed by someone else meanwhile
        }
        return true;
    }

    private void finishPendingMove(Membership me, String blockId) {
        rollForward(me, table.find(BlockItem.key(blockId), BlockItem::read));
    }

    /** The transaction that deletes {@code before} (as read, version-conditioned) and frees its room days. */
    Transaction deleteTransaction(Membership me, Block before, Events events) {
        Transaction tx = table.transaction().delete(BlockItem.TAG, BlockItem.key(before.id()), unchanged(before));
        if (before.roomId() != null) {
            OccupancyWrites.add(tx, before.id(), me.accountId(), before.roomId(), before.interval(), List.of(),
                    before.roomId(), before.interval().utcDays());
        }
        AccountDayItem.recordEntry(tx, me.accountId(), AccountDayItem.BLOCK_PREFIX + before.id(),
                before.interval().utcDays(), List.of(), null);
        Map<String, Change> changes = new LinkedHashMap<>();
        changes.put("status", new Change("ACTIVE", "DELETED"));
        if (before.seriesId() != null) {
            changes.put("seriesId", new Change(before.seriesId(), before.seriesId()));
        }
        return tx.with(events.emit(me.accountId(), "block.deleted", "block", before.id(),
                changes));
    }

    /** True when written; false when the state moved and the caller should re-read (or it gives up). */
    private boolean commit(Transaction tx, BookingCaller caller, Membership me, int attempt) {
        caller.guard(tx, me);
        try {
            table.write(tx);
            return true;
        } catch (TransactionFailedException failure) {
            if (failure.failed(RoomClaims.ROOM_TAG)) {
                throw new ConflictException(ErrorCodes.ROOM_UNAVAILABLE, "the room is no longer available");
            }
            RoomClaims.retryOrGiveUp(attempt);
            return false;
        }
    }

    private Block ownBlock(Membership me, Snapshot batch, String blockId) {
        Block block = batch.get(BlockItem.key(blockId), BlockItem::fromItem)
                .orElseThrow(() -> new NotFoundException(ErrorCodes.NOT_FOUND, "block not found"));
        access.requireSameAccount(me, block.accountId());
        return block;
    }

    static void requireNotOver(Interval interval, Instant now) {
        if (!interval.end().isAfter(now)) {
            throw new ValidationException("end", "must be in the future");
        }
    }

    private static Condition unchanged(Block before) {
        return BlockItem.unchanged(before);
    }

    /** Audit-relevant changes: times and room. Never the title (the therapist's own words). */
    static Map<String, Change> changesOf(Block before, Block after) {
        Map<String, Change> changes = new LinkedHashMap<>();
        put(changes, "start", before == null ? null : before.interval().start().toString(), after.interval().start().toString());
        put(changes, "end", before == null ? null : before.interval().end().toString(), after.interval().end().toString());
        put(changes, "roomId", before == null ? null : before.roomId(), after.roomId());
        if (after.seriesId() != null) {
            // names the series in every event of an occurrence (audit entries, webhooks), unchanged or not
            changes.put("seriesId", new Change(before == null ? null : before.seriesId(), after.seriesId()));
        }
        return changes;
    }

    private static void put(Map<String, Change> changes, String field, String from, String to) {
        if (to == null && from == null) {
            return;
        }
        if (from == null || !from.equals(to)) {
            changes.put(field, new Change(from, to));
        }
    }
}
