package com.practicecal.shared.online;

import com.practicecal.shared.account.AccountItem;
import com.practicecal.shared.block.BlockEntry;
import com.practicecal.shared.booking.AccountDayItem;
import com.practicecal.shared.booking.Booking;
import com.practicecal.shared.booking.BookingStatus;
import com.practicecal.shared.booking.Interval;
import com.practicecal.shared.calendar.CalendarRooms;
import com.practicecal.shared.error.ErrorCodes;
import com.practicecal.shared.error.NotFoundException;
import com.practicecal.shared.room.Room;
import com.practicecal.shared.store.Attr;
import com.practicecal.shared.store.DynamoTable;
import com.practicecal.shared.store.MainTable;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads what slot computation needs for one therapist: account and rules (one batch), then the rooms of the
 * account's calendar index with their occupancy days and the account's days (batches of 100 keys, i.e. at most
 * one round trip per room-week). The therapist's own appointments come from the account days' agendas, so an
 * appointment in a room the therapist can no longer book (a community left, a room no longer shared) still
 * keeps the therapist busy; so does blocked time, from the same agendas.
 */
@Singleton
public class AvailabilityReader {
    private final MainTable table;

    public AvailabilityReader(MainTable table) {
        this.table = table;
    }

    public record Therapist(String accountId, ZoneId zone, String communityId, BookingSettings settings,
                            Set<String> calendarRooms) {
    }

    public Therapist therapist(String accountId) {
        return therapist(accountId, List.of()).therapist();
    }

    /** The therapist and whatever else the caller needs first ({@code alsoRead}), in one read. */
    public record TherapistRead(Therapist therapist, Map<String, Map<String, AttributeValue>> items) {
    }

    public TherapistRead therapist(String accountId, List<Map<String, AttributeValue>> alsoRead) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>(alsoRead);
        keys.add(AccountItem.key(accountId));
        keys.add(BookingSettingsItem.key(accountId));
        var batch = table.batchGet(keys);
        Map<String, AttributeValue> account = batch.get(DynamoTable.keyString(AccountItem.key(accountId)));
        if (account == null) {
            throw new NotFoundException(ErrorCodes.NOT_FOUND, "therapist not found");
        }
        return new TherapistRead(new Therapist(accountId, ZoneId.of(Attr.str(account, "timeZone")),
                Attr.str(account, AccountItem.COMMUNITY),
                BookingSettingsItem.fromItem(batch.get(DynamoTable.keyString(BookingSettingsItem.key(accountId)))),
                AccountItem.calendarRooms(account)), batch);
    }

    public SlotFinder.Availability availability(Therapist therapist, Interval range) {
        return snapshot(therapist, range, null).availability();
    }

    /**
     * Availability plus the therapist's account-day counters for the same days, read in the same batches: an
     * online booking conditions on those counters, so the therapist-free check still holds at commit.
     */
    public record Snapshot(SlotFinder.Availability availability, Map<LocalDate, Long> therapistDayVersions) {
    }

    /** @param ignoredBookingId a booking being rescheduled: its own time does not block its new time */
    public Snapshot snapshot(Therapist therapist, Interval range, String ignoredBookingId) {
        List<LocalDate> days = range.utcDays();
        List<Map<String, AttributeValue>> keys = new ArrayList<>(CalendarRooms.keys(therapist.calendarRooms(), days));
        days.forEach(day -> keys.add(AccountDayItem.key(therapist.accountId(), day)));
        Map<String, Map<String, AttributeValue>> found = table.batchGetAll(keys);
        List<Room> rooms = CalendarRooms.bookable(found, therapist.calendarRooms(), therapist.accountId(),
                therapist.communityId());
        List<Interval> own = new ArrayList<>(AccountDayItem.agenda(found, therapist.accountId(), days).stream()
                .filter(b -> b.status() == BookingStatus.CONFIRMED && !b.id().equals(ignoredBookingId))
                .map(Booking::interval).toList());
        // blocked time, with or without a room, makes the therapist unavailable
        BlockEntry.on(found, therapist.accountId(), days).forEach(b -> own.add(b.interval()));
        Map<LocalDate, Long> versions = new TreeMap<>();
        days.forEach(day -> versions.put(day,
                AccountDayItem.version(found.get(DynamoTable.keyString(AccountDayItem.key(therapist.accountId(), day))))));
        return new Snapshot(SlotFinder.Availability.of(therapist.accountId(), therapist.zone(), therapist.settings(),
                rooms.stream().map(Room::id).toList(), CalendarRooms.occupancy(found, rooms, days), own,
                ignoredBookingId), versions);
    }
}
