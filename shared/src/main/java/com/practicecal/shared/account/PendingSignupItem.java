package com.practicecal.shared.account;

import com.practicecal.shared.plan.Plan;
import com.practicecal.shared.store.Attr;
import com.practicecal.shared.store.TxTag;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A sign-up waiting for its email to be confirmed: PK {@code SIGNUP#<normalised email>}, SK {@code SIGNUP}. It
 * holds what the account will be made of and the Cognito user it was made for; nothing is bound to the email until
 * the code is confirmed (then the account, user and email items replace it in one transaction). A later sign-up for
 * the same address overwrites it; DynamoDB's TTL ({@code expiresAt}) removes abandoned ones.
 */
public final class PendingSignupItem {
    /** Transaction tag of a pending sign-up. */
    public static final TxTag TAG = TxTag.of("pending");
    public static final String PREFIX = "SIGNUP#";
    public static final String SORT = "SIGNUP";
    public static final String USER_ID = "userId";
    /** Longer than a code lives (24 h) so a late confirmation within a month still finds its sign-up. */
    public static final long TTL_SECONDS = 30L * 24 * 3600;

    public record Pending(String email, String userId, String practiceName, Plan plan, ZoneId timeZone,
                          Instant createdAt) {
    }

    private PendingSignupItem() {
    }

    public static Map<String, AttributeValue> key(String normalizedEmail) {
        return Attr.key(PREFIX + normalizedEmail, SORT);
    }

    public static Map<String, AttributeValue> toItem(Pending pending) {
        Map<String, AttributeValue> item = new HashMap<>(key(pending.email()));
        item.put(Attr.TYPE, Attr.s("PendingSignup"));
        item.put(USER_ID, Attr.s(pending.userId()));
        item.put("practiceName", Attr.s(pending.practiceName()));
        item.put("plan", Attr.s(pending.plan().name()));
        item.put("timeZone", Attr.s(pending.timeZone().getId()));
        item.put("createdAt", Attr.s(pending.createdAt().toString()));
        item.put("expiresAt", Attr.n(pending.createdAt().getEpochSecond() + TTL_SECONDS));
        return item;
    }

    public static Pending fromItem(String email, Map<String, AttributeValue> item) {
        return new Pending(email, Attr.str(item, USER_ID), Attr.str(item, "practiceName"),
                Plan.valueOf(Attr.str(item, "plan")), ZoneId.of(Attr.str(item, "timeZone")),
                Instant.parse(Attr.str(item, "createdAt")));
    }
}
