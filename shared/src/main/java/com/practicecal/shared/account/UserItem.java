package com.practicecal.shared.account;

import com.practicecal.shared.plan.Plan;
import com.practicecal.shared.store.Attr;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Storage form of {@link Membership}: PK {@code USER#<cognito sub>}, SK {@code USER}. */
public final class UserItem {
    public static final String PREFIX = "USER#";
    public static final String SORT = "USER";
    public static final String TYPE = "User";
    public static final String PLAN = "plan";
    public static final String COMMUNITY = "communityId";

    private UserItem() {
    }

    public static Map<String, AttributeValue> key(String userId) {
        return Attr.key(PREFIX + userId, SORT);
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
        if (membership.communityId() != null) {
            item.put(COMMUNITY, Attr.s(membership.communityId()));
        }
        return item;
    }

    public static Membership fromItem(Map<String, AttributeValue> item) {
        return new Membership(Attr.str(item, "userId"), Attr.str(item, "accountId"), Role.valueOf(Attr.str(item, "role")),
                Plan.valueOf(Attr.str(item, PLAN)), ZoneId.of(Attr.str(item, "timeZone")), Attr.str(item, COMMUNITY));
    }
}
