package com.practicecal.shared.booking;

import java.util.OptionalInt;
import com.practicecal.shared.account.Membership;
import com.practicecal.shared.account.UserItem;
import com.practicecal.shared.auth.AccessPolicy;
import com.practicecal.shared.event.Actor;
import com.practicecal.shared.auth.Principal;
import com.practicecal.shared.clientrecord.ClientItem;
import com.practicecal.shared.clientrecord.ClientRecord;
import com.practicecal.shared.error.ConflictException;
import com.practicecal.shared.error.ErrorCodes;
import com.practicecal.shared.error.NotFoundException;
import com.practicecal.shared.error.ValidationException;
import com.practicecal.shared.event.Change;
import com.practicecal.shared.event.Events;
import com.practicecal.shared.logging.Metrics;
import com.practicecal.shared.room.Room;
import com.practicecal.shared.room.RoomItem;
import com.practicecal.shared.staff.StaffScopes;
import com.practicecal.shared.store.Condition;
import com.practicecal.shared.store.Keys;
import com.practicecal.shared.store.MainTable;
import com.practicecal.shared.store.Snapshot;
import com.practicecal.shared.store.Transaction;
import com.practicecal.shared.store.TransactionFailedException;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Bookings that can never double-book a room. Every change is one TransactWriteItems: the booking, the
 * occupancy days of the room (version-conditioned), the monthly quota (cap-conditioned), a room check, the
 * outbox event and the idempotency record. Reads happen in one batch before it; a version that moved in between
 * cancels the transaction and the operation re-reads and retries, a bounded number of times.
 */
@Singleton
public class BookingService {

    private final MainTable table;
    private final AccessPolicy access;
    private final Clock clock;

    public BookingService(MainTable table, AccessPolicy access, Clock clock) {
        this.table = table;
        this.access = access;
        this.clock = clock;
    }

    public BookingView create(Principal principal, CreateBookingRequest request, Optional<String> idempotencyKey,
                              String requestId) {
        BookingCaller caller = BookingCaller.user(principal, access);
        return create(caller, new NewBooking(null, request.roomId(), request.interval(), request.toClient(), null,
                        null),
                Idempotency.of(idempotencyKey, caller.idempotencyScope(), "POST /v1/bookings", request), requestId);
    }

    /**
     * What a new booking consists of. Online bookings set the id beforehand (their manage token derives from it),
     * the service and the token's hash.
     */
    public record NewBooking(String bookingId, String roomId, Interval interval, Client client, String serviceId,
                             String manageTokenHash, Map<LocalDate, Long> therapistDayVersions, OnlineLimits online) {
        public NewBooking(String bookingId, String roomId, Interval interval, Client client, String serviceId,
                          String manageTokenHash) {
            this(bookingId, roomId, interval, client, serviceId, manageTokenHash, null, null);
        }

        public NewBooking(String bookingId, String roomId, Interval interval, Client client, String serviceId,
                          String manageTokenHash, Map<LocalDate, Long> therapistDayVersions) {
            this(bookingId, roomId, interval, client, serviceId, manageTokenHash, therapistDayVersions, null);
        }

        /** Online bookings (those with limits) create a client record, source online. */
        boolean createClientRecord() {
            return online != null;
        }
    }

    /**
     * The therapist's calendar changed after an online booking checked it was free (the account-day counters
     * moved); the caller re-checks availability and tries again.
     */
    public static final class TherapistCalendarChanged extends RuntimeException {
        TherapistCalendarChanged() {
            super("therapist calendar changed", null, false, false);
        }
    }

    public BookingView create(BookingCaller caller, NewBooking request, Optional<Idempotency> idempotency, String requestId) {
        Interval interval = request.interval();
        String bookingId = request.bookingId() != null ? request.bookingId() : UUID.randomUUID().toString();
        for (int attempt = 1; ; attempt++) {
            Keys keys = new Keys().addAll(caller.identityKeys());
            keys.add(RoomItem.key(request.roomId()));
            interval.utcDays().forEach(day -> keys.add(OccupancyDayItem.key(request.roomId(), day)));
            idempotency.ifPresent(i -> keys.addAll(i.keys()));
            keys.addAll(ClientBookings.keys(request.client()));
            OnlineLimits online = request.online();
            if (online != null) {
                keys.addAll(online.clientKeys());
            }
            Snapshot batch = table.read(keys);
            Membership me = caller.resolve(batch);
            Instant now = clock.instant();
            Optional<BookingView> replay = replay(idempotency, batch, now);
            if (replay.isPresent()) {
                return replay.get();
            }
            requireFuture(interval, now);
            Room room = RoomClaims.bookableRoom(me, batch, request.roomId(), "roomId");
            List<OccupancyDay> days = RoomClaims.readDays(request.roomId(), interval, batch);
            RoomClaims.requireFree(days, interval, bookingId, me.timeZone());
            OnlineLimits.ClientBookings clientBookings = online == null ? null
                    : online.requireClientBelowCap(batch, now);

            Client client = ClientBookings.resolve(request.client(), batch, me);
            boolean createRecord = request.createClientRecord();
            if (!createRecord && InlineClients.typedIn(client)) { // typed in: its record, else a new one (as online)
                Optional<Client> linked = InlineClients.match(table, me.accountId(), client);
                createRecord = linked.isEmpty();
                client = linked.orElse(client);
            }

            Actor actor = caller.actor(me);
            Events events = new Events(actor, requestId, now);
            Transaction tx = table.transaction();
            client = ClientBookings.add(tx, client, createRecord, online != null ? ClientRecord.SOURCE_ONLINE
                    : ClientRecord.SOURCE_MANUAL, me, bookingId, actor, events, now);
            Booking booking = new Booking(bookingId, me.accountId(), request.roomId(), interval, BookingStatus.CONFIRMED,
                    client, actor.userId(), now, actor.userId(), now, 1, request.serviceId(),
                    request.manageTokenHash(), 0);
            BookingView view = BookingView.of(booking, me.timeZone());
            addNewBooking(tx, me, room, booking, days, request.therapistDayVersions(), events, online, clientBookings, now);
            Optional<BookingView> committed = commit(tx, view, idempotency, now, caller, me, attempt);
            if (committed.isPresent()) {
                Metrics.count(Metrics.BOOKINGS_CREATED); // here, not in the handlers: a replay (above) creates nothing
                return committed.get();
            }
        }
    }

    /**
     * The transaction that creates {@code booking} (its client already resolved) from the room and occupancy days as
     * read — the same as a single booking's: the client's part ({@link ClientBookings}), the booking (new item), the
     * occupancy days (version-conditioned), the account days' agendas, the monthly quota (cap-conditioned), the room
     * check and the outbox event. Every occurrence of a series goes through it.
     */
    public Transaction newBooking(Membership me, Room room, Booking booking, List<OccupancyDay> days, Events events,
                                  Actor actor, Instant now) {
        Transaction tx = table.transaction();
        ClientBookings.add(tx, booking.client(), false, me, booking.id(), actor, events, now);
        addNewBooking(tx, me, room, booking, days, null, events, null, null, now);
        return tx;
    }

    private void addNewBooking(Transaction tx, Membership me, Room room, Booking booking, List<OccupancyDay> days,
                               Map<LocalDate, Long> therapistDayVersions, Events events, OnlineLimits online,
                               OnlineLimits.ClientBookings clientBookings, Instant now) {
        Interval interval = booking.interval();
        tx.put(BookingItem.TAG, BookingItem.toItem(booking), Condition.NEW_ITEM);
        OccupancyWrites.add(tx, booking.id(), me.accountId(), room.id(), interval, days, room.id(), List.of());
        AccountDayItem.record(tx, me.accountId(), therapistDayVersions != null
                ? therapistDayVersions.keySet() : interval.utcDays(), therapistDayVersions, null, booking);
        claimQuota(tx, me, QuotaItem.monthOf(interval.start(), me.timeZone()), online != null, online != null);
        if (online != null) {
            online.claim(tx, booking, clientBookings, now, me.timeZone());
        }
        RoomClaims.checkRoom(tx, room, me);
        tx.with(events.emit(me.accountId(), "booking.created", "booking", booking.id(),
                changesOf(null, booking)));
    }


    public BookingView get(BookingCaller caller, String bookingId) {
        Snapshot batch = table.read(caller.identityKeys().with(Keys.of(BookingItem.key(bookingId))));
        Membership me = caller.resolve(batch);
        return BookingView.of(ownBooking(me, batch, bookingId), me.timeZone());
    }

    /** Resolves who a caller acts as, with one read. */
    public Membership resolve(BookingCaller caller) {
        return caller.resolve(table.read(caller.identityKeys()));
    }

    public BookingView get(Principal principal, String bookingId, String requestId) {
        Snapshot batch = table.read(List.of(UserItem.key(principal.userId()), BookingItem.key(bookingId)));
        Membership me = access.member(principal, batch, StaffScopes.APPOINTMENTS);
        BookingView view = BookingView.of(ownBooking(me, batch, bookingId), me.timeZone());
        logContactView(me, "booking.contact_viewed", "booking", bookingId, requestId);
        return view;
    }

    /** Non-owners opening client contact data leave an audit entry (the owner's own reads do not). */
    public void logContactView(Membership me, String action, String targetType, String targetId, String requestId) {
        if (me.role() == com.practicecal.shared.account.Role.OWNER) {
            return;
        }
        Events events = access.events(me, requestId, clock.instant());
        table.write(table.transaction().with(events.emit(me.accountId(), action, targetType,
                targetId, Map.of())));
    }

    public BookingView.Page list(Principal principal, BookingQuery query, String requestId) {
        Membership me = access.member(principal, StaffScopes.APPOINTMENTS);
        BookingView.Page page = listFor(me, query);
        logContactView(me, "bookings.contact_viewed", "account", me.accountId(), requestId);
        return page;
    }

    /** The account's bookings overlapping the range, for a caller already resolved. */
    public BookingView.Page listFor(Membership me, BookingQuery query) {
        BookingPages.Result result = BookingPages.query(table, me.accountId(), query);
        return new BookingView.Page(result.bookings().stream().map(b -> BookingView.of(b, me.timeZone())).toList(),
                result.nextCursor());
    }

    /** Moves a booking to a new interval and/or room: frees the old and claims the new in one transaction. */
    public BookingView move(Principal principal, String bookingId, MoveBookingRequest request,
                            Optional<String> idempotencyKey, String requestId) {
        BookingCaller caller = BookingCaller.user(principal, access);
        return move(caller, bookingId, request.room(), request.interval(), false, before -> { },
                Idempotency.of(idempotencyKey, caller.idempotencyScope(), "PATCH /v1/bookings/" + bookingId, request),
                requestId);
    }

    /**
     * @param guard checks the booking as read in this attempt (e.g. a client's token, notice and reschedule cap);
     *              the transaction's version condition makes the check and the write one atomic step
     */
    public BookingView move(BookingCaller caller, String bookingId, Optional<String> newRoom, Optional<Interval> newInterval,
                            boolean countsAsReschedule, java.util.function.Consumer<Booking> guard,
                            Optional<Idempotency> idempotency, String requestId) {
        return move(caller, bookingId, newRoom, newInterval, countsAsReschedule, guard, null, idempotency, requestId);
    }

    /**
     * @param therapistDayVersions the account-day counters an online reschedule read when it checked the therapist
     *                             free; the move is conditional on them (null for moves by users)
     */
    public BookingView move(BookingCaller caller, String bookingId, Optional<String> newRoom, Optional<Interval> newInterval,
                            boolean countsAsReschedule, java.util.function.Consumer<Booking> guard,
                            Map<LocalDate, Long> therapistDayVersions, Optional<Idempotency> idempotency,
                            String requestId) {
        for (int attempt = 1; ; attempt++) {
            Keys keys = new Keys().addAll(caller.identityKeys()).add(BookingItem.key(bookingId));
            idempotency.ifPresent(i -> keys.addAll(i.keys()));
            Snapshot first = table.read(keys);
            Membership me = caller.resolve(first);
            Instant now = clock.instant();
            Optional<BookingView> replay = replay(idempotency, first, now);
            if (replay.isPresent()) {
                return replay.get();
            }
            Booking before = ownBooking(me, first, bookingId);
            if (before.status() == BookingStatus.CANCELLED) {
                throw new ConflictException(ErrorCodes.BOOKING_CANCELLED, "a cancelled booking cannot be moved");
            }
            guard.accept(before);
            String roomId = newRoom.orElse(before.roomId());
            Interval interval = newInterval.orElse(before.interval());
            if (roomId.equals(before.roomId()) && interval.equals(before.interval())) {
                return BookingView.of(before, me.timeZone());
            }
            requireFuture(interval, now);

            Snapshot batch = table.read(RoomClaims.keys(roomId, interval));
            Room room = RoomClaims.bookableRoom(me, batch, roomId, "roomId");
            List<OccupancyDay> days = RoomClaims.readDays(roomId, interval, batch);
            RoomClaims.requireFree(days, interval, bookingId, me.timeZone());

            Actor actor = caller.actor(me);
            Booking after = before.moved(roomId, interval, actor.userId(), now, countsAsReschedule);
            BookingView view = BookingView.of(after, me.timeZone());
            Events events = new Events(actor, requestId, now);
            Transaction tx = moveTransaction(me, room, before, after, days, therapistDayVersions, events);
            Optional<BookingView> committed = commit(tx, view, idempotency, now, caller, me, attempt);
            if (committed.isPresent()) {
                return committed.get();
            }
        }
    }

    /**
     * The transaction that moves {@code before} (as read) to {@code after}'s room and interval, from the room and its
     * occupancy days as read: the booking (version-conditioned), the days claimed (version-conditioned) and freed, the
     * agendas, the quota when the month changes (cap-conditioned), the room check and the outbox event. Every
     * occurrence of a series change goes through it.
     */
    public Transaction moveTransaction(Membership me, Room room, Booking before, Booking after, List<OccupancyDay> days,
                                       Map<LocalDate, Long> therapistDayVersions, Events events) {
        String bookingId = before.id();
        Interval interval = after.interval();
        String roomId = after.roomId();
        Transaction tx = table.transaction()
                .put(BookingItem.TAG, BookingItem.toItem(after), unchanged(before));
        OccupancyWrites.add(tx, bookingId, me.accountId(), after.roomId(), after.interval(), days, before.roomId(),
                before.interval().utcDays());
        java.util.Set<LocalDate> touched = new java.util.TreeSet<>(after.interval().utcDays());
        touched.addAll(before.interval().utcDays());
        if (therapistDayVersions != null) {
            touched.addAll(therapistDayVersions.keySet());
        }
        AccountDayItem.record(tx, me.accountId(), touched, therapistDayVersions, before, after);
        YearMonth oldMonth = QuotaItem.monthOf(before.interval().start(), me.timeZone());
        YearMonth newMonth = QuotaItem.monthOf(interval.start(), me.timeZone());
        if (!oldMonth.equals(newMonth)) {
            releaseQuota(tx, me.accountId(), oldMonth, OnlineLimits.isOnline(before));
            // an online booking keeps counting as online in its new month; a move is not held to the online share
            claimQuota(tx, me, newMonth, OnlineLimits.isOnline(before), false);
        }
        if (!interval.equals(before.interval())) {
            OnlineLimits.moved(tx, after);
        }
        RoomClaims.checkRoom(tx, room, me);
        tx.with(events.emit(me.accountId(), "booking.moved", "booking", bookingId,
                changesOf(before, after)));
        return tx;
    }

    /** Cancels a booking and frees its room and quota; cancelling a cancelled booking changes nothing. */
    public void cancel(Principal principal, String bookingId, String requestId) {
        cancel(BookingCaller.user(principal, access), bookingId, before -> { }, requestId);
    }

    /** @param guard checks the booking as read in this attempt, atomically with the write (version condition) */
    public void cancel(BookingCaller caller, String bookingId, java.util.function.Consumer<Booking> guard,
                       String requestId) {
        for (int attempt = 1; ; attempt++) {
            Snapshot batch = table.read(caller.identityKeys().with(Keys.of(BookingItem.key(bookingId))));
            Membership me = caller.resolve(batch);
            Booking before = ownBooking(me, batch, bookingId);
            if (before.status() == BookingStatus.CANCELLED) {
                return;
            }
            guard.accept(before);
            Instant now = clock.instant();
            Actor actor = caller.actor(me);
            Transaction tx = cancelTransaction(me, before, actor, now, new Events(actor, requestId, now));
            caller.guard(tx, me);
            try {
                table.write(tx);
                return;
            } catch (TransactionFailedException failure) {
                handleFailure(failure, attempt, me);
            }
        }
    }

    /**
     * The transaction that cancels {@code before} as read: the booking (version-conditioned), its occupancy days
     * and agenda entries freed, the quota released, the outbox event. A failure means the booking moved: re-read.
     */
    public Transaction cancelTransaction(Membership me, Booking before, Actor actor, Instant now, Events events) {
        Booking after = before.cancelled(actor.userId(), now);
        Transaction tx = table.transaction().put(BookingItem.TAG, BookingItem.toItem(after), unchanged(before));
        OccupancyWrites.add(tx, before.id(), me.accountId(), before.roomId(), before.interval(), List.of(),
                before.roomId(), before.interval().utcDays());
        AccountDayItem.record(tx, me.accountId(), before.interval().utcDays(), null, before, null);
        releaseQuota(tx, me.accountId(), QuotaItem.monthOf(before.interval().start(), me.timeZone()),
                OnlineLimits.isOnline(before));
        OnlineLimits.release(tx, before);
        tx.with(events.emit(me.accountId(), "booking.cancelled", "booking", before.id(),
                changesOf(before, after)));
        return tx;
    }

    /** The first response to this Idempotency-Key, if the request was already carried out. */
    private static Optional<BookingView> replay(Optional<Idempotency> idempotency, Snapshot batch, Instant now) {
        return idempotency.flatMap(i -> i.replay(batch, BookingView.class, now));
    }

    /** Writes the change with its idempotency record and the caller's guard; empty means "state moved, go again". */
    private Optional<BookingView> commit(Transaction tx, BookingView view, Optional<Idempotency> idempotency, Instant now,
                                         BookingCaller caller, Membership me, int attempt) {
        idempotency.ifPresent(i -> {
            i.store(tx, view, now);
            i.linkUnder(tx, view.id(), now); // names the client: erasure finds it
        });
        caller.guard(tx, me);
        try {
            table.write(tx);
            return Optional.of(view);
        } catch (TransactionFailedException failure) {
            handleFailure(failure, attempt, me);
            return Optional.empty();
        }
    }

    private void handleFailure(TransactionFailedException failure, int attempt, Membership me) {
        if (failure.failed(QuotaItem.TAG) && me.userId().equals(BookingCaller.PUBLIC_USER)) {
            throw new ConflictException(ErrorCodes.ONLINE_MONTHLY_LIMIT, "online booking is full for this month; "
                    + "please contact the practice");
        }
        if (failure.failed(OnlineCounterItem.DAY_TAG)) {
            throw new ConflictException(ErrorCodes.ONLINE_DAILY_LIMIT, "the practice takes no more online bookings "
                    + "today; please try again tomorrow or contact the practice");
        }
        if (failure.failed(QuotaItem.TAG)) {
            throw new ConflictException(ErrorCodes.QUOTA_EXCEEDED, "the monthly appointment limit of plan "
                    + me.plan() + " (" + me.plan().monthlyAppointmentCap().orElse(0) + ") is reached");
        }
        if (AccountDayItem.failedOn(failure)) {
            throw new TherapistCalendarChanged();
        }
        if (failure.failed(com.practicecal.shared.grant.GrantItem.TAG)) {
            throw new NotFoundException(ErrorCodes.NOT_FOUND, "not found");
        }
        if (failure.failed(AccessPolicy.STAFF_TAG)) {
            // the staff member was removed or lost the scope while the write was in flight: nothing committed;
            // the caller's next read answers what they may do now (404 removed, 403 missing scope)
            RoomClaims.retryOrGiveUp(attempt);
            return;
        }
        if (failure.failed(RoomClaims.ROOM_TAG)) {
            throw new ConflictException(ErrorCodes.ROOM_UNAVAILABLE, "the room is no longer available");
        }
        if (failure.failed(ClientItem.TAG)) {
            throw ClientBookings.unknown(); // merged or erased meanwhile
        }
        // Occupancy, booking version, idempotency record or a conflicting transaction: state moved, re-read.
        RoomClaims.retryOrGiveUp(attempt);
    }

    private static void requireFuture(Interval interval, Instant now) {
        if (!interval.start().isAfter(now)) {
            throw new ValidationException("start", "must be in the future");
        }
    }
    private Booking ownBooking(Membership me, Snapshot batch, String bookingId) {
        Booking booking = batch.get(BookingItem.key(bookingId), BookingItem::fromItem)
                .orElseThrow(() -> new NotFoundException(ErrorCodes.NOT_FOUND, "booking not found"));
        access.requireSameAccount(me, booking.accountId());
        return booking;
    }
    /**
     * Counts the booking against the month's plan cap; an online booking also against the online share
     * ({@link com.practicecal.shared.plan.Plan#monthlyOnlineCap()}), so scripted online bookings can never use
     * the share reserved for the practice's own appointments.
     */
    private static void claimQuota(Transaction tx, Membership me, YearMonth month, boolean online,
                                   boolean withinOnlineShare) {
        OptionalInt cap = me.plan().monthlyAppointmentCap();
        OptionalInt onlineCap = withinOnlineShare && cap.isPresent()
                ? OptionalInt.of(me.plan().monthlyOnlineCap().orElse(cap.getAsInt())) : OptionalInt.empty();
        QuotaItem.claim(tx, me.accountId(), month, online, cap, onlineCap);
    }

    private static void releaseQuota(Transaction tx, String accountId, YearMonth month, boolean online) {
        QuotaItem.release(tx, accountId, month, online);
    }

    private static Condition unchanged(Booking before) {
        return BookingItem.unchangedConfirmed(before);
    }

    /** Audit-relevant changes: times, room and status. Never client data. */
    private static Map<String, Change> changesOf(Booking before, Booking after) {
        Map<String, Change> changes = new LinkedHashMap<>();
        put(changes, "start", before == null ? null : before.interval().start().toString(), after.interval().start().toString());
        put(changes, "end", before == null ? null : before.interval().end().toString(), after.interval().end().toString());
        put(changes, "roomId", before == null ? null : before.roomId(), after.roomId());
        put(changes, "status", before == null ? null : before.status().name(), after.status().name());
        if (after.seriesId() != null) {
            // names the series in every event of an occurrence (audit entries, webhooks), unchanged or not
            changes.put("seriesId", new Change(before == null ? null : before.seriesId(), after.seriesId()));
        }
        return changes;
    }

    private static void put(Map<String, Change> changes, String field, String from, String to) {
        if (from == null || !from.equals(to)) {
            changes.put(field, new Change(from, to));
        }
    }
}
