package com.practicecal.shared.account;

import com.practicecal.shared.plan.Plan;
import com.practicecal.shared.store.Attr;
import com.practicecal.shared.store.Condition;
import com.practicecal.shared.store.Expression;
import com.practicecal.shared.store.TxTag;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Storage form of {@link Membership}: PK {@code USER#<cognito sub>}, SK {@code USER}. */
public final class UserItem {
    /** Transaction tag of a user item. */
    public static final TxTag TAG = TxTag.of("user");
    /** Transaction tag of a staff member's user item (the access policy's check, the plan carried to staff). */
    public static final TxTag STAFF_TAG = TxTag.of("staff");
    public static final String PREFIX = "USER#";
    public static final String SORT = "USER";
    public static final String TYPE = "User";
    public static final String PLAN = "plan";
    public static final String COMMUNITY = "communityId";
    public static final String SCOPES = "scopes";
    public static final String ROLE = "role";
    public static final String ACCOUNT = "accountId";

    /** Staff of an account are listed through GSI1. */
    public static String staffPartition(String accountId) {
        return "ACCOUNT#" + accountId + "#STAFF";
    }

    private UserItem() {
    }

    public static Map<String, AttributeValue> key(String userId) {
        return Attr.key(PREFIX + userId, SORT);
    }

    /** The role name the owner gave a staff member (SECRETARY, ..., CUSTOM), beside the scopes it stands for. */
    public static final String STAFF_ROLE = "staffRole";
    public static final String ADDED_AT = "addedAt";

    /** A staff member as stored: the membership, the address, the role name given and when they were added. */
    public record Staff(Membership membership, String email, String staffRole, Instant addedAt) {
    }

    /** A staff member's user item, with the role name given and when they were added. */
    public static Map<String, AttributeValue> staffItem(Membership staff, String email, String staffRole, Instant addedAt) {
        Map<String, AttributeValue> item = new HashMap<>(toItem(staff, email));
        item.put(ADDED_AT, Attr.s(addedAt.toString()));
        item.put(STAFF_ROLE, Attr.s(staffRole));
        return item;
    }

    public static Staff staff(Map<String, AttributeValue> item) {
        String added = Attr.str(item, ADDED_AT);
        return new Staff(fromItem(item), Attr.str(item, "email"), Attr.str(item, STAFF_ROLE),
                added == null ? null : Instant.parse(added));
    }

    /** A staff member of this account (checked when a change of the member commits). */
    public static final String STAFF_OF_ACCOUNT = "#account = :account AND #role = :staff";

    /** The owner changes a staff member's role name and scopes; only while they are staff of {@code accountId}. */
    public static Expression changeStaff(String accountId, String staffRole, java.util.Collection<String> scopes) {
        return Expression.update("SET #scopes = :scopes, #staffRole = :staffRole").when(STAFF_OF_ACCOUNT)
                .name("#scopes", SCOPES).name("#staffRole", STAFF_ROLE).name("#account", ACCOUNT).name("#role", ROLE)
                .value(":staffRole", Attr.s(staffRole)).value(":scopes", scopesValue(scopes))
                .value(":account", Attr.s(accountId)).value(":staff", Attr.s(Role.STAFF.name()));
    }

    /** Removing a staff member: only while they are staff of {@code accountId}. */
    public static Condition staffOf(String accountId) {
        return Condition.of(STAFF_OF_ACCOUNT).name("#account", ACCOUNT).name("#role", ROLE)
                .value(":account", accountId).value(":staff", Role.STAFF.name());
    }

    /** The owner's item names the community the account joined. */
    public static Expression joinCommunity(String communityId) {
        return Expression.update("SET #community = :community").name("#community", COMMUNITY)
                .value(":community", Attr.s(communityId));
    }

    /** The owner's item forgets the community the account left. */
    public static Expression leaveCommunity() {
        return Expression.update("REMOVE #community").name("#community", COMMUNITY);
    }

    /** The plan the membership carries (owner and staff items follow the account's plan). */
    public static Expression setPlan(Plan plan) {
        return Expression.update("SET #plan = :plan").name("#plan", PLAN).value(":plan", Attr.s(plan.name()));
    }

    /** The user id of a user item (as listed through {@link #staffPartition}). */
    public static String userId(Map<String, AttributeValue> item) {
        return Attr.str(item, "userId");
    }

    /** A list value of scopes, sorted, as {@link #SCOPES} stores them. */
    public static AttributeValue scopesValue(java.util.Collection<String> scopes) {
        return AttributeValue.fromL(scopes.stream().sorted().map(Attr::s).toList());
    }

    /** The user's (verified) email address as stored. */
    public static String email(Map<String, AttributeValue> item) {
        return Attr.str(item, "email");
    }

    public static Map<String, AttributeValue> toItem(Membership membership, String email) {
        Map<String, AttributeValue> item = new HashMap<>(key(membership.userId()));
        item.put(Attr.TYPE, Attr.s(TYPE));
        item.put("userId", Attr.s(membership.userId()));
        item.put("accountId", Attr.s(membership.accountId()));
        item.put("role", Attr.s(membership.role().name()));
        item.put(PLAN, Attr.s(membership.plan().name()));
        item.put("timeZone", Attr.s(membership.timeZone().getId()));
        item.put("email", Attr.s(email));
        if (membership.communityId() != null && membership.role() == Role.OWNER) {
            // the owner's copy changes in the same transactions as the account's; staff get none (AccessPolicy
            // derives theirs from the account on every request)
            item.put(COMMUNITY, Attr.s(membership.communityId()));
        }
        if (membership.role() == Role.STAFF) {
            item.put(SCOPES, AttributeValue.fromL(membership.scopes().stream().sorted().map(Attr::s).toList()));
            item.put(Attr.GSI1PK, Attr.s(staffPartition(membership.accountId())));
            item.put(Attr.GSI1SK, Attr.s(email));
        }
        return item;
    }

    /**
     * The membership as stored. A staff member's community is never taken from their item (older items carry a
     * stale copy): it is the account's, which {@code AccessPolicy} reads.
     */
    public static Membership fromItem(Map<String, AttributeValue> item) {
        Role role = Role.valueOf(Attr.str(item, "role"));
        return new Membership(Attr.str(item, "userId"), Attr.str(item, "accountId"), role,
                Plan.valueOf(Attr.str(item, PLAN)), ZoneId.of(Attr.str(item, "timeZone")),
                role == Role.STAFF ? null : Attr.str(item, COMMUNITY),
                item.containsKey(SCOPES) ? new java.util.TreeSet<>(item.get(SCOPES).l().stream().map(AttributeValue::s).toList())
                        : java.util.Set.of());
    }
}
