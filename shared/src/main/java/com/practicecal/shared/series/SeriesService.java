package com.practicecal.shared.series;

import com.practicecal.shared.account.Membership;
import com.practicecal.shared.auth.AccessPolicy;
import com.practicecal.shared.event.Actor;
import com.practicecal.shared.auth.Principal;
import com.practicecal.shared.booking.Booking;
import com.practicecal.shared.booking.BookingCaller;
import com.practicecal.shared.booking.BookingItem;
import com.practicecal.shared.booking.BookingService;
import com.practicecal.shared.booking.BookingStatus;
import com.practicecal.shared.booking.BookingView;
import com.practicecal.shared.booking.Client;
import com.practicecal.shared.booking.ClientBookings;
import com.practicecal.shared.booking.Idempotency;
import com.practicecal.shared.booking.Interval;
import com.practicecal.shared.booking.OccupancyDay;
import com.practicecal.shared.booking.OccupancyDayItem;
import com.practicecal.shared.booking.OccurrenceChange;
import com.practicecal.shared.booking.QuotaItem;
import com.practicecal.shared.booking.RoomClaims;
import com.practicecal.shared.clientrecord.ClientItem;
import com.practicecal.shared.error.ConflictException;
import com.practicecal.shared.error.DomainException;
import com.practicecal.shared.error.ErrorCodes;
import com.practicecal.shared.error.NotFoundException;
import com.practicecal.shared.error.ValidationException;
import com.practicecal.shared.event.Events;
import com.practicecal.shared.room.Room;
import com.practicecal.shared.room.RoomItem;
import com.practicecal.shared.logging.Metrics;
import com.practicecal.shared.store.Keys;
import com.practicecal.shared.store.MainTable;
import com.practicecal.shared.store.Snapshot;
import com.practicecal.shared.store.Transaction;
import com.practicecal.shared.store.TransactionFailedException;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Weekly series. Creating one costs one batched read of everything the whole series needs (caller, room, every
 * occurrence's occupancy days, booking item and quota month, the series item and the Idempotency-Key record) and one
 * transaction per occurrence that is free — the same transaction as a single booking ({@link BookingService#newBooking}):
 * occupancy version-conditioned, quota cap-conditioned, room checked, outbox event. Occurrences that are taken or over
 * the month's quota are skipped with their code.
 *
 * <p>Resumable: the series id derives from the Idempotency-Key and each occurrence's booking id from the series id, so
 * a retry after a crash midway reads which occurrences exist and books only the missing ones; the response is stored
 * with the key in the last occurrence's transaction, and a retry after that replays it.
 */
@Singleton
public class SeriesService {
    /** Offsets a practice's zone may differ from the request's offset by across DST (read widened by this). */
    private static final Duration DST_MARGIN = Duration.ofHours(3);
    private static final String OPERATION = "POST /v1/booking-series";

    private final MainTable table;
    private final AccessPolicy access;
    private final BookingService bookings;
    private final Clock clock;

    public SeriesService(MainTable table, AccessPolicy access, BookingService bookings, Clock clock) {
        this.table = table;
        this.access = access;
        this.bookings = bookings;
        this.clock = clock;
    }

    /** Everything read for a creation or preview. */
    private record Read(Membership me, Series series, Room room, Client client, Snapshot batch,
                        Optional<Idempotency> idempotency) {
    }

    public SeriesViews.Created create(Principal principal, SeriesRequest request, Optional<String> idempotencyKey,
                                      String requestId) {
        if (idempotencyKey.isEmpty()) {
            // a series is written in many transactions: only a key makes a retry after a failure midway safe
            throw Idempotency.keyRequired();
        }
        BookingCaller caller = BookingCaller.user(principal, access);
        Optional<Idempotency> idempotency = Idempotency.of(idempotencyKey, caller.idempotencyScope(), OPERATION, request);
        String seriesId = Series.id(caller.idempotencyScope(), idempotencyKey.orElse(null));
        Read read = read(caller, principal, request, seriesId, idempotency);
        Instant now = clock.instant();
        Optional<SeriesViews.Created> replay = idempotency.flatMap(i -> i.replay(read.batch(),
                SeriesViews.Created.class, now));
        if (replay.isPresent()) {
            return replay.get();
        }
        Series series = read.series();
        Membership me = read.me();
        ZoneId zone = me.timeZone();
        Actor actor = caller.actor(me);
        Events events = new Events(actor, requestId, now);

        // what exists (an earlier attempt), what is taken or over quota, what to book: all from the one read
        Map<YearMonth, Long> booked = new HashMap<>();
        OptionalCap cap = new OptionalCap(me);
        List<BookingView> done = new ArrayList<>();
        List<Integer> pending = new ArrayList<>();
        Map<Integer, String> skipped = new java.util.TreeMap<>();
        for (int i = 0; i < series.occurrences(); i++) {
            Optional<Booking> existing = read.batch().get(BookingItem.key(Series.bookingId(seriesId, i)),
                    BookingItem::fromItem);
            if (existing.isPresent()) {
                done.add(BookingView.of(existing.get(), zone));
                continue;
            }
            Interval interval = series.planned(i);
            if (!RoomClaims.isFree(RoomClaims.readDays(series.roomOf(i), interval, read.batch()), interval,
                    Series.bookingId(seriesId, i))) {
                skipped.put(i, ErrorCodes.ROOM_TAKEN);
            } else if (!cap.admits(read, booked, interval, zone)) {
                skipped.put(i, ErrorCodes.QUOTA_EXCEEDED);
            } else {
                pending.add(i);
            }
        }
        boolean seriesWritten = false;
        boolean responseStored = false;
        int created = 0; // by this call: what an earlier attempt or a concurrent retry booked is not counted again
        try {
            for (int p = 0; p < pending.size(); p++) {
                int i = pending.get(p);
                boolean last = p == pending.size() - 1;
                Interval interval = series.planned(i);
                String bookingId = Series.bookingId(seriesId, i);
                Snapshot current = read.batch();
                for (int attempt = 1; ; attempt++) {
                    Booking booking = new Booking(bookingId, me.accountId(), series.roomOf(i), interval,
                            BookingStatus.CONFIRMED, read.client(), actor.userId(), now, actor.userId(), now, 1, null, null,
                            0, seriesId);
                    Transaction tx = bookings.newBooking(me, read.room(), booking,
                            RoomClaims.readDays(series.roomOf(i), interval, current), events, actor, now);
                    if (!seriesWritten) {
                        tx.update(SeriesItem.TAG, SeriesItem.key(seriesId), SeriesItem.upsert(series));
                    }
                    SeriesViews.Created ifCommitted = null;
                    if (last && idempotency.isPresent()) {
                        List<BookingView> all = new ArrayList<>(done);
                        all.add(BookingView.of(booking, zone));
                        ifCommitted = response(series, all, skipped);
                        idempotency.get().store(tx, ifCommitted, now);
                        idempotency.get().linkUnder(tx, bookingId, now);
                    }
                    caller.guard(tx, me);
                    try {
                        table.write(tx);
                        done.add(BookingView.of(booking, zone));
                        created++;
                        seriesWritten = true;
                        responseStored = ifCommitted != null;
                        booked.merge(QuotaItem.monthOf(interval.start(), zone), 1L, Long::sum);
                        break;
                    } catch (TransactionFailedException failure) {
                        if (failure.failed(QuotaItem.TAG)) {
                            skipped.put(i, ErrorCodes.QUOTA_EXCEEDED);
                            break;
                        }
                        if (failure.failed(ClientItem.TAG)) {
                            throw ClientBookings.unknown(); // erased or merged meanwhile
                        }
                        if (failure.failed(RoomClaims.ROOM_TAG)) {
                            throw new ConflictException(ErrorCodes.ROOM_UNAVAILABLE, "the room is no longer available");
                        }
                        if (failure.failed(SeriesItem.TAG)) {
                            throw reused();
                        }
                        if (failure.failed(AccessPolicy.STAFF_TAG)) {
                            // removed or downscoped in flight: the fresh read says what the caller may do now
                            caller.resolve(table.read(caller.identityKeys()));
                        }
                        // occupancy moved, a concurrent retry booked this occurrence, or a conflict: read this one again
                        Keys keys = RoomClaims.keys(series.roomOf(i), interval).add(BookingItem.key(bookingId));
                        idempotency.ifPresent(k -> keys.addAll(k.keys()));
                        current = table.read(keys);
                        Optional<Booking> mine = current.get(BookingItem.key(bookingId), BookingItem::fromItem);
                        if (mine.isPresent()) {
                            done.add(BookingView.of(mine.get(), zone));
                            seriesWritten = true;
                            break;
                        }
                        if (!RoomClaims.isFree(RoomClaims.readDays(series.roomOf(i), interval, current), interval, bookingId)) {
                            skipped.put(i, ErrorCodes.ROOM_TAKEN);
                            break;
                        }
                        if (attempt >= RoomClaims.MAX_ATTEMPTS) {
                            skipped.put(i, ErrorCodes.CONCURRENT_MODIFICATION);
                            break;
                        }
                        RoomClaims.retryOrGiveUp(attempt);
                    }
                }
            }
        } finally {
            Metrics.count(Metrics.BOOKINGS_CREATED, created); // one metric line for the series
        }
        SeriesViews.Created response = response(series, done, skipped);
        if (!seriesWritten || (idempotency.isPresent() && !responseStored)) {
            // nothing was booked in this attempt, or the last occurrence was skipped: record series and response
            Transaction tx = table.transaction();
            if (!seriesWritten) {
                tx.update(SeriesItem.TAG, SeriesItem.key(seriesId), SeriesItem.upsert(series));
            }
            idempotency.ifPresent(k -> {
                k.store(tx, response, now);
                if (!response.bookings().isEmpty()) { // the names it holds: an erasure of the client finds them
                    k.linkUnder(tx, response.bookings().get(0).id(), now);
                }
            });
            try {
                table.write(tx);
            } catch (TransactionFailedException failure) {
                if (failure.failed(SeriesItem.TAG)) {
                    throw reused();
                }
                // a concurrent retry stored its response first: that one stands
                return idempotency.flatMap(k -> k.replayStored(table, SeriesViews.Created.class, now)).orElse(response);
            }
        }
        return response;
    }

    /** Each occurrence of the series as it would be booked now; writes nothing. */
    public SeriesViews.Preview preview(Principal principal, SeriesRequest request) {
        BookingCaller caller = BookingCaller.user(principal, access);
        Read read = read(caller, principal, request, Series.id(null, null), Optional.empty());
        Series series = read.series();
        ZoneId zone = read.me().timeZone();
        Map<YearMonth, Long> booked = new HashMap<>();
        OptionalCap cap = new OptionalCap(read.me());
        List<SeriesViews.PreviewOccurrence> occurrences = new ArrayList<>();
        for (int i = 0; i < series.occurrences(); i++) {
            Interval interval = series.planned(i);
            String code = null;
            if (!RoomClaims.isFree(RoomClaims.readDays(series.roomOf(i), interval, read.batch()), interval, "")) {
                code = ErrorCodes.ROOM_TAKEN;
            } else if (!cap.admits(read, booked, interval, zone)) {
                code = ErrorCodes.QUOTA_EXCEEDED;
            } else {
                booked.merge(QuotaItem.monthOf(interval.start(), zone), 1L, Long::sum);
            }
            occurrences.add(new SeriesViews.PreviewOccurrence(at(interval.start(), zone), at(interval.end(), zone),
                    code == null, code));
        }
        return new SeriesViews.Preview(occurrences);
    }

    public SeriesViews.View get(Principal principal, String seriesId) {
        Loaded loaded = load(BookingCaller.user(principal, access), seriesId, null);
        ZoneId zone = loaded.me().timeZone();
        Series series = loaded.series();
        List<SeriesViews.Occurrence> occurrences = new ArrayList<>();
        for (int i = 0; i < series.occurrences(); i++) {
            Booking b = loaded.bookings().get(i);
            Interval interval = b != null ? b.interval() : series.planned(i);
            occurrences.add(new SeriesViews.Occurrence(i, b == null ? null : b.id(),
                    b != null ? b.roomId() : series.roomOf(i), at(interval.start(), zone), at(interval.end(), zone),
                    b == null ? "SKIPPED" : b.status().name()));
        }
        return new SeriesViews.View(series.id(), new Recurrence("WEEKLY", series.weeks(), series.occurrences(), null),
                occurrences);
    }

    /**
     * Cancels the occurrence starting at {@code from} and every later one: one batched read of the whole series
     * ({@link #load}), then one transaction per confirmed occurrence (a re-read only for one that changed since).
     */
    public SeriesViews.Changed cancelFrom(Principal principal, String seriesId, String from, String requestId) {
        BookingCaller caller = BookingCaller.user(principal, access);
        Loaded loaded = load(caller, seriesId, null);
        int first = occurrenceAt(loaded, from);
        Membership me = loaded.me();
        Actor actor = caller.actor(me);
        Instant now = clock.instant();
        Events events = new Events(actor, requestId, now);
        List<String> cancelled = new ArrayList<>();
        List<SeriesViews.NotChanged> failed = new ArrayList<>();
        for (int i = first; i < loaded.series().occurrences(); i++) {
            Booking b = loaded.bookings().get(i);
            if (b == null || b.status() != BookingStatus.CONFIRMED) {
                continue;
            }
            try {
                Transaction tx = bookings.cancelTransaction(me, b, actor, now, events);
                caller.guard(tx, me);
                table.write(tx);
                cancelled.add(b.id());
            } catch (TransactionFailedException moved) {
                try {
                    bookings.cancel(caller, b.id(), x -> { }, requestId); // changed since the read: the usual path
                    cancelled.add(b.id());
                } catch (DomainException e) {
                    failed.add(notChanged(b, e.code(), me.timeZone()));
                }
            }
        }
        return new SeriesViews.Changed(seriesId, cancelled, failed);
    }

    /**
     * Moves the occurrence starting at {@code from} and every later one: the series gains a segment (new local time
     * and/or room from there) and each occurrence moves atomically through the single-booking move transaction
     * ({@link BookingService#moveTransaction}); those that cannot (room taken, quota, in the past) are reported with
     * their code and keep their time. Two batched reads — the series with every occurrence (and the new room), then
     * the target room's occupancy days of all occurrences to move (paginated at 100 keys) — and one transaction per
     * occurrence that moves; the new segment is written in the first of them (conditioned on the series' version, so
     * two concurrent changes cannot interleave), or alone if none moves.
     */
    public SeriesViews.Changed changeFrom(Principal principal, String seriesId, SeriesChangeRequest request,
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
        Instant now = clock.instant();
        Actor actor = caller.actor(me);
        Events events = new Events(actor, requestId, now);

        List<Integer> toMove = new ArrayList<>();
        Keys dayKeys = new Keys();
        for (int i = first; i < after.occurrences(); i++) {
            Booking b = loaded.bookings().get(i);
            if (b != null && b.status() == BookingStatus.CONFIRMED) {
                toMove.add(i);
                dayKeys.addAll(RoomClaims.keys(after.roomOf(i), after.planned(i)));
            }
        }
        Keys missing = dayKeys.notFoundIn(loaded.batch());
        Snapshot read = missing.isEmpty() ? loaded.batch() : loaded.batch().with(table.readAll(missing));
        Room room = toMove.isEmpty() ? null : RoomClaims.bookableRoom(me, read, roomId, "roomId");

        OccurrenceChange.Tally<Booking, SeriesViews.NotChanged> tally =
                new OccurrenceChange.Tally<>(Booking::id, (b, code) -> notChanged(b, code, zone));
        for (int i : toMove) {
            Interval interval = after.planned(i);
            tally.add(OccurrenceChange.run(table, caller, me, loaded.bookings().get(i),
                    read, new OccurrenceChange.Steps<>() {
                        public OccurrenceChange.Plan plan(Booking b, Snapshot state) {
                            if (b.roomId().equals(roomId) && b.interval().equals(interval)) {
                                return OccurrenceChange.already();
                            }
                            if (!interval.start().isAfter(now)) {
                                return OccurrenceChange.refused(ErrorCodes.VALIDATION_FAILED);
                            }
                            List<OccupancyDay> days = RoomClaims.readDays(roomId, interval, state);
                            if (!RoomClaims.isFree(days, interval, b.id())) {
                                return OccurrenceChange.refused(ErrorCodes.ROOM_TAKEN);
                            }
                            Booking moved = b.moved(roomId, interval, actor.userId(), now, false);
                            Transaction tx = bookings.moveTransaction(me, room, b, moved, days, null, events);
                            if (!tally.written()) {
                                tx.update(SeriesItem.TAG, SeriesItem.key(seriesId), SeriesItem.segments(before, after));
                            }
                            return OccurrenceChange.write(tx);
                        }

                        public String refusedBy(TransactionFailedException failure) {
                            if (failure.failed(SeriesItem.TAG)) {
                                throw concurrentChange();
                            }
                            if (failure.failed(QuotaItem.TAG)) {
                                return ErrorCodes.QUOTA_EXCEEDED;
                            }
                            return failure.failed(RoomClaims.ROOM_TAG) ? ErrorCodes.ROOM_UNAVAILABLE : null;
                        }

                        public Keys reread(Booking b) {
                            return RoomClaims.keys(roomId, interval).add(BookingItem.key(b.id()));
                        }

                        public Optional<Booking> fresh(Booking b, Snapshot state) {
                            // cancelled meanwhile: nothing to move
                            return state.get(BookingItem.key(b.id()), BookingItem::fromItem)
                                    .filter(fresh -> fresh.status() == BookingStatus.CONFIRMED);
                        }
                    }));
        }
        tally.writeUnlessWritten(table, caller, me, table.transaction().update(SeriesItem.TAG, SeriesItem.key(seriesId),
                SeriesItem.segments(before, after)), SeriesService::concurrentChange);
        return new SeriesViews.Changed(seriesId, tally.changed(), tally.failed());
    }

    private static ConflictException concurrentChange() {
        return new ConflictException(ErrorCodes.CONCURRENT_MODIFICATION, "the series changed concurrently; please retry");
    }

    private record Loaded(Membership me, Series series, Map<Integer, Booking> bookings, Snapshot batch) {
    }

    /**
     * Caller, series and every occurrence's booking in one batched read: occurrence ids derive from the series id and
     * a series has at most {@link Recurrence#MAX_OCCURRENCES}, so all candidates are read without knowing the series
     * first (plus {@code roomId}'s item when given).
     */
    private Loaded load(BookingCaller caller, String seriesId, String roomId) {
        Keys keys = new Keys().addAll(caller.identityKeys()).add(SeriesItem.key(seriesId));
        for (int i = 0; i < Recurrence.MAX_OCCURRENCES; i++) {
            keys.add(BookingItem.key(Series.bookingId(seriesId, i)));
        }
        if (roomId != null) {
            keys.add(RoomItem.key(roomId));
        }
        Snapshot batch = table.readAll(keys);
        Membership me = caller.resolve(batch);
        Series series = batch.get(SeriesItem.key(seriesId), SeriesItem::fromItem)
                .orElseThrow(() -> new NotFoundException(ErrorCodes.NOT_FOUND, "series not found"));
        access.requireSameAccount(me, series.accountId());
        if (roomId != null) {
            RoomClaims.bookableRoom(me, batch, roomId, "roomId"); // before anything is written
        }
        Map<Integer, Booking> byIndex = new HashMap<>();
        for (int i = 0; i < series.occurrences(); i++) {
            int index = i;
            batch.get(BookingItem.key(Series.bookingId(seriesId, i)), BookingItem::fromItem)
                    .ifPresent(b -> byIndex.put(index, b));
        }
        return new Loaded(me, series, byIndex, batch);
    }

    /** The index of the occurrence that starts (as planned, or as booked now) at {@code from}; else 422. */
    private static int occurrenceAt(Loaded loaded, String from) {
        Instant at = com.practicecal.shared.validation.Check.instant("from", from).toInstant();
        for (int i = 0; i < loaded.series().occurrences(); i++) {
            Booking b = loaded.bookings().get(i);
            if (loaded.series().planned(i).start().equals(at) || (b != null && b.interval().start().equals(at))) {
                return i;
            }
        }
        throw new ValidationException("from", "is not the start of an occurrence of this series");
    }

    /**
     * One batched read for the whole series. Keys depend on the practice's time zone, known only from the caller's
     * item in the same read: occurrences are guessed with the request's offset and read widened by a DST margin; a
     * zone far from that offset costs one more read of the keys missing.
     */
    private Read read(BookingCaller caller, Principal principal, SeriesRequest request, String seriesId,
                      Optional<Idempotency> idempotency) {
        OffsetDateTime start = com.practicecal.shared.validation.Check.instant("start", request.start());
        Instant firstStart = request.firstStart();
        Instant firstEnd = request.firstEnd();
        ZoneOffset guessZone = start.getOffset();
        String roomId = request.roomId();
        String guessAccount = principal.userId(); // accounts are keyed by their owner's sub
        Series guess = series(seriesId, guessAccount, guessZone, request, firstStart, firstEnd, null, "", Instant.EPOCH);
        Keys keys = new Keys().addAll(caller.identityKeys());
        keys.add(RoomItem.key(roomId));
        keys.add(SeriesItem.key(seriesId));
        idempotency.ifPresent(i -> keys.addAll(i.keys()));
        keys.addAll(ClientBookings.keys(request.bookingClient()));
        for (int i = 0; i < guess.occurrences(); i++) {
            Interval planned = guess.planned(i);
            keys.add(BookingItem.key(Series.bookingId(seriesId, i)));
            new Interval(planned.start().minus(DST_MARGIN), planned.end().plus(DST_MARGIN)).utcDays()
                    .forEach(day -> keys.add(OccupancyDayItem.key(roomId, day)));
            for (Instant t : List.of(planned.start().minus(Duration.ofHours(14)), planned.start().plus(Duration.ofHours(14)))) {
                keys.add(QuotaItem.key(guessAccount, YearMonth.from(t.atZone(ZoneOffset.UTC))));
            }
        }
        Snapshot batch = table.readAll(keys);
        Membership me = caller.resolve(batch);
        Instant now = clock.instant();
        if (!firstStart.isAfter(now)) {
            throw new ValidationException("start", "must be in the future");
        }
        Actor actor = caller.actor(me);
        Series series = series(seriesId, me.accountId(), me.timeZone(), request, firstStart, firstEnd,
                idempotency.map(Idempotency::requestHash).orElse(null), actor.userId(), now);
        Optional<Series> stored = batch.get(SeriesItem.key(seriesId), SeriesItem::fromItem);
        if (stored.isPresent()) {
            Series earlier = stored.get();
            if (!java.util.Objects.equals(earlier.requestHash(), series.requestHash())
                    || !earlier.accountId().equals(me.accountId())) {
                throw reused();
            }
            series = earlier; // resume the series as first planned
        }
        Keys needed = new Keys();
        for (int i = 0; i < series.occurrences(); i++) {
            Interval planned = series.planned(i);
            needed.add(BookingItem.key(Series.bookingId(seriesId, i)));
            planned.utcDays().forEach(day -> needed.add(OccupancyDayItem.key(roomId, day)));
            needed.add(QuotaItem.key(me.accountId(), QuotaItem.monthOf(planned.start(), me.timeZone())));
        }
        Keys missing = needed.notIn(keys);
        if (!missing.isEmpty()) {
            batch = batch.with(table.readAll(missing));
        }
        Room room = RoomClaims.bookableRoom(me, batch, roomId, "roomId");
        Client client = ClientBookings.resolve(request.bookingClient(), batch, me);
        return new Read(me, series, room, client, batch, idempotency);
    }

    private static Series series(String id, String accountId, ZoneId zone, SeriesRequest request, Instant firstStart,
                                 Instant firstEnd, String requestHash, String createdBy, Instant now) {
        LocalDateTime localStart = firstStart.atZone(zone).toLocalDateTime();
        LocalDateTime localEnd = firstEnd.atZone(zone).toLocalDateTime();
        int count = request.recurrence().occurrences(localStart);
        return new Series(id, accountId, zone, request.recurrence().weeks(), count,
                List.of(new Series.Segment(0, localStart, localEnd, request.roomId())), requestHash, createdBy, now, 1);
    }

    /** The plan's monthly cap, counted against the quota items read plus what this series books. */
    private static final class OptionalCap {
        private final Membership me;

        OptionalCap(Membership me) {
            this.me = me;
        }

        boolean admits(Read read, Map<YearMonth, Long> booked, Interval interval, ZoneId zone) {
            if (me.plan().monthlyAppointmentCap().isEmpty()) {
                return true;
            }
            YearMonth month = QuotaItem.monthOf(interval.start(), zone);
            long used = QuotaItem.booked(read.batch(), me.accountId(), month) + booked.getOrDefault(month, 0L);
            if (used >= me.plan().monthlyAppointmentCap().getAsInt()) {
                return false;
            }
            booked.merge(month, 1L, Long::sum);
            return true;
        }
    }

    private static SeriesViews.Created response(Series series, List<BookingView> done, Map<Integer, String> skipped) {
        List<BookingView> sorted = new ArrayList<>(done);
        sorted.sort(java.util.Comparator.comparing(BookingView::start));
        List<SeriesViews.Skipped> skips = new ArrayList<>();
        skipped.forEach((i, code) -> {
            Interval planned = series.planned(i);
            skips.add(new SeriesViews.Skipped(at(planned.start(), series.zone()), at(planned.end(), series.zone()), code));
        });
        return new SeriesViews.Created(series.id(), sorted, skips);
    }

    private static SeriesViews.NotChanged notChanged(Booking b, String code, ZoneId zone) {
        return new SeriesViews.NotChanged(b.id(), at(b.interval().start(), zone), at(b.interval().end(), zone), code);
    }

    private static ValidationException reused() {
        return new ValidationException(ErrorCodes.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key",
                "was already used with a different request");
    }

    private static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toOffsetDateTime();
    }

    static List<LocalDate> daysOf(Interval interval) {
        return interval.utcDays();
    }
}
