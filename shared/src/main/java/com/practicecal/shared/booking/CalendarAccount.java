package com.practicecal.shared.booking;

import java.time.ZoneId;
import java.util.Set;

/**
 * An account as the calendar and the slot search read it: name, time zone, community and the rooms its calendar
 * looks at ({@link CalendarAccountItem} reads it from the account's item).
 */
public record CalendarAccount(String accountId, String name, ZoneId timeZone, String communityId,
                              Set<String> calendarRooms) {
}
