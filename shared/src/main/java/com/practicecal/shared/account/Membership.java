package com.practicecal.shared.account;

import com.practicecal.shared.plan.Plan;
import java.time.ZoneId;

/**
 * A user's home account with the account facts every request needs (plan, time zone), denormalized onto the
 * user item so that resolving a caller costs no extra read. Plan and time-zone changes update both items in one
 * transaction, and so do joining and leaving a calendar community ({@code communityId}) for the owner; a staff
 * member's community is always the account's as read in the request ({@code AccessPolicy#membership}).
 */
public record Membership(String userId, String accountId, Role role, Plan plan, ZoneId timeZone, String communityId,
                         java.util.Set<String> scopes) {
    public Membership(String userId, String accountId, Role role, Plan plan, ZoneId timeZone) {
        this(userId, accountId, role, plan, timeZone, null);
    }

    public Membership(String userId, String accountId, Role role, Plan plan, ZoneId timeZone, String communityId) {
        this(userId, accountId, role, plan, timeZone, communityId, java.util.Set.of());
    }

    public Membership withPlan(Plan newPlan) {
        return new Membership(userId, accountId, role, newPlan, timeZone, communityId, scopes);
    }

    /** The same membership in {@code community} (null: none). */
    public Membership withCommunity(String community) {
        return new Membership(userId, accountId, role, plan, timeZone, community, scopes);
    }

    public boolean inCommunity(String id) {
        return communityId != null && communityId.equals(id);
    }
}
