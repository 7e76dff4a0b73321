package com.practicecal.shared.calendar;

import com.practicecal.shared.account.AccountItem;
import com.practicecal.shared.account.Membership;
import com.practicecal.shared.auth.AccessPolicy;
import com.practicecal.shared.auth.Principal;
import com.practicecal.shared.block.BlockEntry;
import com.practicecal.shared.block.BlockView;
import com.practicecal.shared.booking.AccountDayItem;
import com.practicecal.shared.booking.Booking;
import com.practicecal.shared.booking.BookingCaller;
import com.practicecal.shared.booking.BookingQuery;
import com.practicecal.shared.booking.BookingService;
import com.practicecal.shared.booking.BookingStatus;
import com.practicecal.shared.booking.BookingView;
import com.practicecal.shared.booking.CalendarAccount;
import com.practicecal.shared.booking.CalendarAccountItem;
import com.practicecal.shared.booking.Interval;
import com.practicecal.shared.booking.OccupancyDay;
import com.practicecal.shared.room.Room;
import com.practicecal.shared.store.Keys;
import com.practicecal.shared.store.MainTable;
import com.practicecal.shared.store.Snapshot;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The calendar a therapist works from: own bookings in full plus busy blocks for every bookable room (own rooms
 * and rooms shared with the community). Other accounts' occupancy is read from the rooms' occupancy days, which
 * hold only intervals — so the view cannot leak what it never reads.
 *
 * <p>A week costs two reads for an account's owner: (1) user, account and the account's days (whose agendas
 * hold the own bookings), (2) the rooms of the account's calendar index with their occupancy days. Staff and
 * accounts created before ids were owner subs need one more read to find the account.
 */
@Singleton
public class CalendarService {
    private final MainTable table;
    private final AccessPolicy access;
    private final BookingService bookings;

    public CalendarService(MainTable table, AccessPolicy access, BookingService bookings) {
        this.table = table;
        this.access = access;
        this.bookings = bookings;
    }

    /** The caller's own practice calendar; staff opening client contact data this way leave an audit entry. */
    public CalendarView calendar(Principal principal, CalendarQuery query, String requestId) {
        // New accounts are keyed by their owner's sub, so for an owner the guess is right and saves a read.
        Read read = read(BookingCaller.user(principal, access), principal.userId(), query);
        if (!read.view().bookings().isEmpty()) {
            bookings.logContactView(read.me(), "bookings.contact_viewed", "account", read.me().accountId(), requestId);
        }
        return read.view();
    }

    /** The calendar of {@code accountId} as {@code caller} may see it (the caller resolves in the first read). */
    public CalendarView calendar(BookingCaller caller, String accountId, CalendarQuery query) {
        return read(caller, accountId, query).view();
    }

    private record Read(Membership me, CalendarView view) {
    }

    private Read read(BookingCaller caller, String accountId, CalendarQuery query) {
        Interval range = new Interval(query.from(), query.to());
        Snapshot batch = table.read(caller.identityKeys().with(accountKeys(accountId, range)));
        Membership me = caller.resolve(batch);
        if (!me.accountId().equals(accountId)) {
            batch = table.read(accountKeys(me.accountId(), range));
        }
        Optional<CalendarAccount> account = CalendarAccountItem.in(batch, me.accountId());
        Map<String, Room> rooms = new LinkedHashMap<>();
        List<CalendarView.BusyBlock> busy = busyBlocks(me, account, range, rooms);
        ZoneId zone = me.timeZone();
        return new Read(me, new CalendarView(query.from().atZone(zone).toOffsetDateTime(),
                query.to().atZone(zone).toOffsetDateTime(),
                rooms.values().stream().map(r -> new CalendarView.RoomRef(r.id(), r.name(),
                        r.accountId().equals(me.accountId()), r.shared())).toList(),
                agenda(me, batch, range), busy, blocks(me, batch, range)));
    }

    /** The account's confirmed bookings overlapping {@code range} (cancelled ones are left out), by start. */
    public List<BookingView> confirmedBookings(Membership me, Interval range) {
        List<BookingView> own = new ArrayList<>();
        String cursor = null;
        do {
            BookingView.Page page = bookings.listFor(me, new BookingQuery(range.start(), range.end(), BookingQuery.MAX_LIMIT, cursor));
            page.items().stream().filter(b -> BookingStatus.CONFIRMED.name().equals(b.status()))
                    .map(b -> access.project(b, me)).forEach(own::add);
            cursor = page.nextCursor();
        } while (cursor != null);
        return own;
    }

    /** Other accounts' use of the rooms {@code me} can book, overlapping {@code range}, as intervals only. */
    public List<CalendarView.BusyBlock> busyBlocks(Membership me, Interval range) {
        return busyBlocks(me, table.find(AccountItem.key(me.accountId()), CalendarAccountItem::fromItem), range,
                new LinkedHashMap<>());
    }

    private static Keys accountKeys(String accountId, Interval range) {
        Keys keys = new Keys().add(AccountItem.key(accountId));
        range.utcDays().forEach(day -> keys.add(AccountDayItem.key(accountId, day)));
        return keys;
    }

    /** Own confirmed bookings from the agendas of the account's days, by start. */
    private List<BookingView> agenda(Membership me, Snapshot batch, Interval range) {
        return AccountDayItem.agenda(batch, me.accountId(), range.utcDays()).stream()
                .filter(b -> b.status() == BookingStatus.CONFIRMED && b.interval().overlaps(range))
                .sorted(Comparator.comparing((Booking b) -> b.interval().start()).thenComparing(Booking::id))
                .map(b -> access.project(BookingView.of(b, me.timeZone()), me)).toList();
    }

    /** Own blocked time from the same agendas, by start; grantees see when, not what. */
    private static List<BlockView> blocks(Membership me, Snapshot batch, Interval range) {
        return BlockEntry.on(batch, me.accountId(), range.utcDays()).stream()
                .filter(b -> b.interval().overlaps(range))
                .sorted(Comparator.comparing(BlockEntry::start).thenComparing(BlockEntry::id))
                .map(b -> BlockView.of(b, me.timeZone()))
                .map(b -> me.role() == com.practicecal.shared.account.Role.GRANTEE ? b.withoutTitle() : b)
                .toList();
    }

    /**
     * Reads the rooms of the account's calendar index with their occupancy days (one call for a week of up to
     * 11 rooms), keeps the rooms still bookable — active, and the account's own or shared with its community —
     * into {@code bookable}, and returns the other accounts' intervals in them by start; a block spanning
     * midnight is stored on two days and returned once.
     */
    private List<CalendarView.BusyBlock> busyBlocks(Membership me, Optional<CalendarAccount> account, Interval range,
                                                    Map<String, Room> bookable) {
        Set<String> roomIds = account.map(CalendarAccount::calendarRooms).orElse(Set.of());
        String community = account.map(CalendarAccount::communityId).orElse(null);
        List<LocalDate> days = range.utcDays();
        Snapshot found = table.readAll(CalendarRooms.keys(roomIds, days));
        List<Room> rooms = CalendarRooms.bookable(found, roomIds, me.accountId(), community);
        rooms.forEach(r -> bookable.put(r.id(), r));
        ZoneId zone = me.timeZone();
        Map<String, CalendarView.BusyBlock> busy = new LinkedHashMap<>();
        for (OccupancyDay occupancy : CalendarRooms.occupancy(found, rooms, days)) {
            occupancy.occupants().forEach((bookingId, occupant) -> {
                if (!occupant.accountId().equals(me.accountId()) && occupant.interval().overlaps(range)) {
                    busy.putIfAbsent(occupancy.roomId() + occupant.interval(), new CalendarView.BusyBlock(occupancy.roomId(),
                            occupant.interval().start().atZone(zone).toOffsetDateTime(),
                            occupant.interval().end().atZone(zone).toOffsetDateTime(), false));
                }
            });
        }
        List<CalendarView.BusyBlock> blocks = new ArrayList<>(busy.values());
        blocks.sort(Comparator.comparing(CalendarView.BusyBlock::start));
        return blocks;
    }
}
