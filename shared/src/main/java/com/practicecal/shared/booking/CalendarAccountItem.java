package com.practicecal.shared.booking;

import com.practicecal.shared.account.AccountItem;
import com.practicecal.shared.store.Attr;
import com.practicecal.shared.store.Snapshot;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The calendar's reading of an account's item ({@link AccountItem}'s storage form): see {@link CalendarAccount}. */
public final class CalendarAccountItem {
    private CalendarAccountItem() {
    }

    public static CalendarAccount fromItem(Map<String, AttributeValue> item) {
        String zone = Attr.str(item, "timeZone");
        return new CalendarAccount(Attr.str(item, "accountId"), Attr.str(item, "name"),
                zone == null ? null : ZoneId.of(zone), Attr.str(item, AccountItem.COMMUNITY),
                AccountItem.calendarRooms(item));
    }

    /** The account {@code accountId} as {@code read} found it. */
    public static Optional<CalendarAccount> in(Snapshot read, String accountId) {
        return read.get(AccountItem.key(accountId), CalendarAccountItem::fromItem);
    }
}
