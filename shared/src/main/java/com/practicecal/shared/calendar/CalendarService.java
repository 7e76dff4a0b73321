package com.practicecal.shared.calendar;

import com.practicecal.shared.account.Membership;
import com.practicecal.shared.account.UserItem;
import com.practicecal.shared.auth.AccessPolicy;
import com.practicecal.shared.auth.Principal;
import com.practicecal.shared.booking.BookingQuery;
import com.practicecal.shared.booking.BookingService;
import com.practicecal.shared.booking.BookingStatus;
import com.practicecal.shared.booking.BookingView;
import com.practicecal.shared.booking.Interval;
import com.practicecal.shared.booking.OccupancyDay;
import com.practicecal.shared.booking.OccupancyDayItem;
import com.practicecal.shared.community.Community;
import com.practicecal.shared.community.CommunityItem;
import com.practicecal.shared.room.Room;
import com.practicecal.shared.room.RoomItem;
import com.practicecal.shared.room.RoomStatus;
import com.practicecal.shared.store.Attr;
import com.practicecal.shared.store.MainTable;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The calendar a therapist works from: own bookings in full plus busy blocks for every bookable room (own rooms
 * and rooms shared with the community). Other accounts' occupancy is read from the rooms' occupancy days, which
 * hold only intervals — so the view cannot leak what it never reads.
 */
@Singleton
public class CalendarService {
    private static final int BATCH = 100;
    private final MainTable table;
    private final AccessPolicy access;
    private final BookingService bookings;

    public CalendarService(MainTable table, AccessPolicy access, BookingService bookings) {
        this.table = table;
        this.access = access;
        this.bookings = bookings;
    }

    public CalendarView calendar(Principal principal, CalendarQuery query) {
        return calendarFor(access.member(principal, table.batchGet(List.of(UserItem.key(principal.userId()))),
                com.practicecal.shared.staff.StaffScopes.APPOINTMENTS), query);
    }

    /** The calendar of the account {@code me} acts on; bookings are shaped for {@code me} by the access policy. */
    public CalendarView calendarFor(Membership me, CalendarQuery query) {
        ZoneId zone = me.timeZone();
        Map<String, CalendarView.RoomRef> rooms = bookableRooms(me);
        Interval range = new Interval(query.from(), query.to());
        return new CalendarView(query.from().atZone(zone).toOffsetDateTime(), query.to().atZone(zone).toOffsetDateTime(),
                new ArrayList<>(rooms.values()), confirmedBookings(me, range), busyBlocks(me, rooms.keySet(), range));
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

    /**
     * Other accounts' use of the given rooms overlapping {@code range}, as intervals only (from the occupancy days),
     * by start; a block spanning midnight is stored on two days and returned once.
     */
    public List<CalendarView.BusyBlock> busyBlocks(Membership me, Collection<String> roomIds, Interval range) {
        ZoneId zone = me.timeZone();
        List<Map<String, AttributeValue>> dayKeys = new ArrayList<>();
        List<LocalDate> days = range.utcDays();
        roomIds.forEach(room -> days.forEach(day -> dayKeys.add(OccupancyDayItem.key(room, day))));
        Map<String, Map<String, AttributeValue>> found = new LinkedHashMap<>();
        for (int i = 0; i < dayKeys.size(); i += BATCH) {
            found.putAll(table.batchGet(dayKeys.subList(i, Math.min(dayKeys.size(), i + BATCH))));
        }
        Map<String, CalendarView.BusyBlock> busy = new LinkedHashMap<>();
        for (Map<String, AttributeValue> item : found.values()) {
            String roomId = Attr.str(item, Attr.PK).substring(RoomItem.PREFIX.length());
            OccupancyDay day = OccupancyDayItem.fromItem(roomId, OccupancyDayItem.dayOf(item), item);
            day.occupants().forEach((bookingId, occupant) -> {
                if (!occupant.accountId().equals(me.accountId()) && occupant.interval().overlaps(range)) {
                    // keyed by room+interval: a block spanning midnight is stored on two days, shown once
                    busy.putIfAbsent(roomId + occupant.interval(), new CalendarView.BusyBlock(roomId,
                            occupant.interval().start().atZone(zone).toOffsetDateTime(),
                            occupant.interval().end().atZone(zone).toOffsetDateTime(), false));
                }
            });
        }
        List<CalendarView.BusyBlock> blocks = new ArrayList<>(busy.values());
        blocks.sort(Comparator.comparing(CalendarView.BusyBlock::start));
        return blocks;
    }

    /** Rooms the account can book: its own active rooms and, as a community member, the community's shared rooms. */
    public Map<String, CalendarView.RoomRef> bookableRooms(Membership me) {
        Map<String, CalendarView.RoomRef> rooms = new LinkedHashMap<>();
        table.query(QueryRequest.builder().indexName(Attr.GSI1).keyConditionExpression("#pk = :pk")
                        .expressionAttributeNames(Map.of("#pk", Attr.GSI1PK))
                        .expressionAttributeValues(Map.of(":pk", Attr.s(RoomItem.listPartition(me.accountId())))))
                .items().stream().map(RoomItem::fromItem).filter(r -> r.status() == RoomStatus.ACTIVE)
                .forEach((Room r) -> rooms.put(r.id(), new CalendarView.RoomRef(r.id(), r.name(), true, r.shared())));
        if (me.communityId() != null) {
            table.get(CommunityItem.key(me.communityId())).map(CommunityItem::fromItem).ifPresent((Community c) -> {
                if (c.hasMember(me.accountId())) {
                    c.sharedRooms().forEach((id, shared) -> rooms.putIfAbsent(id,
                            new CalendarView.RoomRef(id, shared.name(), false, true)));
                }
            });
        }
        return rooms;
    }

}
