package com.practicecal.shared.account;

import com.practicecal.shared.plan.Plan;
import com.practicecal.shared.store.Attr;
import com.practicecal.shared.store.TxTag;
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
