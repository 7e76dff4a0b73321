package com.practicecal.shared.feed;

import com.practicecal.shared.account.AccountItem;
import com.practicecal.shared.store.Attr;
import com.practicecal.shared.store.TxTag;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Storage form of {@link Feed}: PK {@code ACCOUNT#<accountId>}, SK {@code FEED#<id>}, so an account's feeds are one query. */
public final class FeedItem {
    /** Transaction tag of a feed. */
    public static final TxTag TAG = TxTag.of("feed");
    public static final String PREFIX = "FEED#";
    public static final String TYPE = "CalendarFeed";
    public static final String FEED_ID = "feedId";
    public static final String ACCOUNT_ID = "accountId";
    public static final String USER_ID = "userId";
    public static final String TOKEN_HASH = "tokenHash";
    public static final String INCLUDE_BUSY = "includeBusy";
    public static final String CREATED_AT = "createdAt";

    private FeedItem() {
    }

    public static Map<String, AttributeValue> key(String accountId, String feedId) {
        return Attr.key(partition(accountId), PREFIX + feedId);
    }

    public static String partition(String accountId) {
        return AccountItem.PREFIX + accountId;
    }

    public static Map<String, AttributeValue> toItem(Feed feed) {
        Map<String, AttributeValue> item = new HashMap<>(key(feed.accountId(), feed.id()));
        item.put(Attr.TYPE, Attr.s(TYPE));
        item.put(FEED_ID, Attr.s(feed.id()));
        item.put(ACCOUNT_ID, Attr.s(feed.accountId()));
        item.put(USER_ID, Attr.s(feed.userId()));
        item.put(TOKEN_HASH, Attr.s(feed.tokenHash()));
        item.put(INCLUDE_BUSY, AttributeValue.fromBool(feed.includeBusy()));
        item.put(CREATED_AT, Attr.s(feed.createdAt().toString()));
        return item;
    }

    public static Feed fromItem(Map<String, AttributeValue> item) {
        AttributeValue busy = item.get(INCLUDE_BUSY);
        return new Feed(Attr.str(item, FEED_ID), Attr.str(item, ACCOUNT_ID), Attr.str(item, USER_ID),
                Attr.str(item, TOKEN_HASH), busy != null && Boolean.TRUE.equals(busy.bool()),
                Instant.parse(Attr.str(item, CREATED_AT)));
    }
}
