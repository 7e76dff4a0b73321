package com.practicecal.shared.feed;

import com.practicecal.shared.store.Attr;
import com.practicecal.shared.store.TxTag;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The lookup item of a feed token: PK {@code FEEDTOKEN#<sha256(token)>}, SK {@code FEEDTOKEN}, holding a copy of the
 * feed so that a public request costs one read. Written and deleted together with the {@link FeedItem}.
 */
public final class FeedTokenItem {
    /** Transaction tag of a feed's token item. */
    public static final TxTag TAG = TxTag.of("feedToken");
    public static final String PREFIX = "FEEDTOKEN#";
    public static final String SORT = "FEEDTOKEN";
    public static final String TYPE = "CalendarFeedToken";

    private FeedTokenItem() {
    }

    public static Map<String, AttributeValue> key(String tokenHash) {
        return Attr.key(PREFIX + tokenHash, SORT);
    }

    public static Map<String, AttributeValue> toItem(Feed feed) {
        Map<String, AttributeValue> item = new HashMap<>(FeedItem.toItem(feed));
        item.putAll(key(feed.tokenHash()));
        item.put(Attr.TYPE, Attr.s(TYPE));
        return item;
    }

    public static Feed fromItem(Map<String, AttributeValue> item) {
        return FeedItem.fromItem(item);
    }
}
