package com.practicecal.shared.account;

import com.practicecal.shared.plan.Plan;
import java.time.Instant;
import java.time.ZoneId;

/** A practice account: one therapist's calendar, plan and settings. */
public record Account(String id, String name, Plan plan, ZoneId timeZone, String ownerUserId, int roomCount,
                      Instant createdAt) {
}
