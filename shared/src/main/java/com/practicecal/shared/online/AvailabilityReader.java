package com.practicecal.shared.online;

import com.practicecal.shared.account.AccountItem;
import com.practicecal.shared.block.BlockEntry;
import com.practicecal.shared.booking.AccountDayItem;
import com.practicecal.shared.booking.Booking;
import com.practicecal.shared.booking.BookingStatus;
import com.practicecal.shared.booking.CalendarAccount;
import com.practicecal.shared.booking.CalendarAccountItem;
import com.practicecal.shared.booking.Interval;
import com.practicecal.shared.calendar.CalendarRooms;
import com.practicecal.shared.error.ErrorCodes;
import com.practicecal.shared.error.NotFoundException;
import com.practicecal.shared.room.Room;
import com.practicecal.shared.store.Keys;
import com.practicecal.shared.store.MainTable;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads what slot computation needs for one therapist: account and rules (one batch), then the rooms of the
 * account's calendar index with their occupancy days and the account's days (batches of 100 keys, i.e. at most
 * one round trip per room-week). The therapist's own appointments come from the account days' agendas, so an
 * appointment in a room the therapist can no longer book (a community left, a room no longer shared) still
 * keeps the therapist busy; so does blocked time, from the same agendas.
 */
@Singleton
public class AvailabilityReader {
    /**
     * The rooms one availability read considers: what a full community can offer a therapist (20 practices with
     * plan M's 2 rooms each). Own rooms come first, then shared rooms by id.
     */
    public static final int MAX_ROOMS = 40;
    private final MainTable table;

    public AvailabilityReader(MainTable table) {
        this.table = table;
    }

    public record Therapist(String accountId, ZoneId zone, String communityId, BookingSettings settings,
                            Set<String> calendarRooms) {
    }

    public Therapist therapist(String accountId) {
        return therapist(accountId, new Keys()).therapist();
    }

    /**
     * The therapist and whatever else the caller needs first ({@code alsoRead}), in one read.
     *
     * @param name the practice's name, for its public profile
     */
    public record TherapistRead(Therapist therapist, String name, com.practicecal.shared.store.Snapshot items) {
    }

    public TherapistRead therapist(String accountId, Keys alsoRead) {
        return therapist(accountId, alsoRead, true);
    }

    /** @param consistent false where the result is advisory (slots): eventually consistent, half the cost */
    public TherapistRead therapist(String accountId, Keys alsoRead, boolean consistent) {
        Keys keys = new Keys().addAll(alsoRead).add(AccountItem.key(accountId)).add(BookingSettingsItem.key(accountId));
        com.practicecal.shared.store.Snapshot batch = table.read(keys, consistent);
        CalendarAccount account = CalendarAccountItem.in(batch, accountId)
                .orElseThrow(() -> new NotFoundException(ErrorCodes.NOT_FOUND, "therapist not found"));
        return new TherapistRead(new Therapist(accountId, account.timeZone(), account.communityId(),
                BookingSettingsItem.in(batch, accountId), account.calendarRooms()), account.name(), batch);
    }

    /**
     * What the public slots show: advisory (the booking transaction decides), so read eventually consistent —
     * a slot taken a moment ago may still show and is refused by the booking with SLOT_TAKEN.
     */
    public SlotFinder.Availability availability(Therapist therapist, Interval range) {
        return snapshot(therapist, range, null, false).availability();
    }

    /**
     * Availability plus the therapist's account-day counters for the same days, read in the same batches: an
     * online booking conditions on those counters, so the therapist-free check still holds at commit.
     */
    public record Snapshot(SlotFinder.Availability availability, Map<LocalDate, Long> therapistDayVersions) {
    }

    /** @param ignoredBookingId a booking being rescheduled: its own time does not block its new time */
    public Snapshot snapshot(Therapist therapist, Interval range, String ignoredBookingId) {
        return snapshot(therapist, range, ignoredBookingId, true);
    }

    /**
     * At most {@link #MAX_ROOMS} rooms are considered, the therapist's own first: a calendar index larger than that
     * (a full community sharing many rooms) is first narrowed by reading the room items alone.
     */
    public Snapshot snapshot(Therapist therapist, Interval range, String ignoredBookingId, boolean consistent) {
        List<LocalDate> days = range.utcDays();
        Set<String> candidates = therapist.calendarRooms();
        com.practicecal.shared.store.Snapshot found = com.practicecal.shared.store.Snapshot.empty();
        Keys keys = new Keys();
        if (candidates.size() > MAX_ROOMS) {
            found = table.readAll(CalendarRooms.keys(candidates, List.of()), consistent);
            candidates = new java.util.LinkedHashSet<>(CalendarRooms.bookable(found, candidates,
                    therapist.accountId(), therapist.communityId()).stream().limit(MAX_ROOMS).map(Room::id).toList());
            keys.addAll(CalendarRooms.dayKeys(candidates, days));
        } else {
            keys.addAll(CalendarRooms.keys(candidates, days));
        }
        days.forEach(day -> keys.add(AccountDayItem.key(therapist.accountId(), day)));
        found = found.with(table.readAll(keys, consistent));
        com.practicecal.shared.store.Snapshot read = found;
        List<Room> rooms = CalendarRooms.bookable(read, candidates, therapist.accountId(),
                therapist.communityId()).stream().limit(MAX_ROOMS).toList();
        List<Interval> own = new ArrayList<>(AccountDayItem.agenda(read, therapist.accountId(), days).stream()
                .filter(b -> b.status() == BookingStatus.CONFIRMED && !b.id().equals(ignoredBookingId))
                .map(Booking::interval).toList());
        // blocked time, with or without a room, makes the therapist unavailable
        BlockEntry.on(read, therapist.accountId(), days).forEach(b -> own.add(b.interval()));
        Map<LocalDate, Long> versions = new TreeMap<>();
        days.forEach(day -> versions.put(day, AccountDayItem.version(read, therapist.accountId(), day)));
        return new Snapshot(SlotFinder.Availability.of(therapist.accountId(), therapist.zone(), therapist.settings(),
                rooms.stream().map(Room::id).toList(), CalendarRooms.occupancy(read, rooms, days), own,
                ignoredBookingId), versions);
    }
}
