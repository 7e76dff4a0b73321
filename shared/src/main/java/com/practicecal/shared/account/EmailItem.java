package com.practicecal.shared.account;

import com.practicecal.shared.store.Attr;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Which account an email belongs to, for invitations: PK {@code EMAIL#<lower-case email>}, SK {@code EMAIL}.
 * Written with the account at sign-up. Never returned to other accounts.
 */
public final class EmailItem {
    public static final String PREFIX = "EMAIL#";
    public static final String SORT = "EMAIL";

    private EmailItem() {
    }

    public static Map<String, AttributeValue> key(String email) {
        return Attr.key(PREFIX + email.toLowerCase(java.util.Locale.ROOT), SORT);
    }

    public static Map<String, AttributeValue> toItem(String email, String userId, String accountId) {
        Map<String, AttributeValue> item = new HashMap<>(key(email));
        item.put(Attr.TYPE, Attr.s("Email"));
        item.put("userId", Attr.s(userId));
        item.put("accountId", Attr.s(accountId));
        return item;
    }

    public static String accountId(Map<String, AttributeValue> item) {
        return Attr.str(item, "accountId");
    }
}
