package com.practicecal.shared.account;

import com.practicecal.shared.validation.Check;
import com.practicecal.shared.store.Attr;
import com.practicecal.shared.store.TxTag;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Which account a confirmed email belongs to, for grants and invitations: PK {@code EMAIL#<normalised email>}
 * ({@link Check#email}), SK {@code EMAIL}. Written when a sign-up is confirmed (or a staff member is added). Never
 * returned to other accounts.
 */
public final class EmailItem {
    /** Transaction tag of an email item. */
    public static final TxTag TAG = TxTag.of("email");
    public static final String PREFIX = "EMAIL#";
    public static final String SORT = "EMAIL";

    private EmailItem() {
    }

    public static Map<String, AttributeValue> key(String email) {
        return Attr.key(PREFIX + Check.emailKey(email), SORT);
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
