package com.practicecal.shared.booking;

import com.practicecal.shared.plan.Plan;
import java.time.ZoneId;
import java.util.Set;

/**
 * An account as the calendar and the booking paths read it: plan, time zone, community and the rooms its calendar
 * looks at ({@link CalendarAccountItem} reads it from the account's item).
 */
public record CalendarAccount(String accountId, String name, Plan plan, ZoneId timeZone, String communityId,
                              Set<String> calendarRooms) {
}
