package com.practicecal.shared.booking;

import com.practicecal.shared.store.TxTag;
import com.practicecal.shared.account.AccountItem;
import com.practicecal.shared.store.Attr;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Appointments counted per account and calendar month (practice time zone): PK {@code ACCOUNT#<id>},
 * SK {@code QUOTA#<yyyy-mm>}, attribute {@code booked}. Incremented on booking, decremented on cancel, in the
 * same transaction as the booking.
 */
public final class QuotaItem {
    public static final String PREFIX = "QUOTA#";
    /** Transaction tag of a claim (a failure: the month's cap is reached) and of a release. */
    public static final TxTag TAG = TxTag.of("quota");
    public static final TxTag RELEASE_TAG = TxTag.of("quota-release");
    public static final String BOOKED = "booked";
    /** Of {@link #BOOKED}, the online bookings (held to the plan's online share). */
    public static final String ONLINE = "online";

    private QuotaItem() {
    }

    public static YearMonth monthOf(Instant start, ZoneId zone) {
        return YearMonth.from(start.atZone(zone));
    }

    public static Map<String, AttributeValue> key(String accountId, YearMonth month) {
        return Attr.key(AccountItem.PREFIX + accountId, PREFIX + month);
    }

    /** The appointments counted in the month as {@code read} found them (none if never written). */
    public static long booked(com.practicecal.shared.store.Snapshot read, String accountId, YearMonth month) {
        return read.get(key(accountId, month), item -> Attr.num(item, BOOKED, 0)).orElse(0L);
    }
}
