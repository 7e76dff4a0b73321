package com.practicecal.shared.online;

import com.practicecal.shared.account.AccountItem;
import com.practicecal.shared.json.Json;
import com.practicecal.shared.store.Attr;
import com.practicecal.shared.store.TxTag;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Storage of {@link BookingSettings}: PK {@code ACCOUNT#<id>}, SK {@code BOOKING_SETTINGS}, the rules as JSON. */
public final class BookingSettingsItem {
    /** The settings item's tag in a transaction. */
    public static final TxTag TAG = TxTag.of("settings");
    public static final String SORT = "BOOKING_SETTINGS";

    private BookingSettingsItem() {
    }

    public static Map<String, AttributeValue> key(String accountId) {
        return Attr.key(AccountItem.PREFIX + accountId, SORT);
    }

    public static Map<String, AttributeValue> toItem(String accountId, BookingSettings settings) {
        Map<String, AttributeValue> item = new HashMap<>(key(accountId));
        item.put(Attr.TYPE, Attr.s("BookingSettings"));
        item.put("settings", Attr.s(Json.write(settings)));
        return item;
    }

    /** The account's rules as {@code read} found them; the defaults if never set. */
    public static BookingSettings in(com.practicecal.shared.store.Snapshot read, String accountId) {
        return read.get(key(accountId), BookingSettingsItem::fromItem).orElseGet(BookingSettings::defaults);
    }

    public static BookingSettings fromItem(Map<String, AttributeValue> item) {
        if (item == null) {
            return BookingSettings.defaults();
        }
        try {
            return Json.MAPPER.readValue(Attr.str(item, "settings"), BookingSettings.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable booking settings", e);
        }
    }
}
