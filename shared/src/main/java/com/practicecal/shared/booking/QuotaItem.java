package com.practicecal.shared.booking;

import java.util.OptionalInt;
import com.practicecal.shared.store.Transaction;
import com.practicecal.shared.store.Expression;
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

    static final String LEFT = "attribute_not_exists(#booked) OR #booked < :cap";
    /** Online bookings may use the plan's cap minus the share reserved for the practice's own bookings. */
    static final String ONLINE_LEFT = "(attribute_not_exists(#booked) OR #booked < :cap)"
            + " AND (attribute_not_exists(#online) OR #online < :onlineCap)";

    /**
     * Adds to {@code tx}: one more appointment in the month, also counted as online if {@code online}; below
     * {@code cap} when given, and then, when {@code onlineCap} is given, the online ones below it too.
     */
    static void claim(Transaction tx, String accountId, YearMonth month, boolean online, OptionalInt cap,
                      OptionalInt onlineCap) {
        Expression update = Expression.update(online ? "ADD #booked :one, #online :one" : "ADD #booked :one")
                .name("#booked", BOOKED).value(":one", Attr.n(1));
        if (online) {
            update.name("#online", ONLINE);
        }
        cap.ifPresent(max -> {
            if (onlineCap.isPresent()) {
                update.when(ONLINE_LEFT).value(":cap", Attr.n(max)).value(":onlineCap", Attr.n(onlineCap.getAsInt()));
            } else {
                update.when(LEFT).value(":cap", Attr.n(max));
            }
        });
        tx.update(TAG, key(accountId, month), update);
    }

    /** Adds to {@code tx}: one appointment fewer in the month (also online if {@code online}), unconditionally. */
    static void release(Transaction tx, String accountId, YearMonth month, boolean online) {
        Expression update = Expression.update(online ? "ADD #booked :minusOne, #online :minusOne" : "ADD #booked :minusOne")
                .name("#booked", BOOKED).value(":minusOne", Attr.n(-1));
        if (online) {
            update.name("#online", ONLINE);
        }
        tx.update(RELEASE_TAG, key(accountId, month), update);
    }

    /** The appointments counted in the month as {@code read} found them (none if never written). */
    public static long booked(com.practicecal.shared.store.Snapshot read, String accountId, YearMonth month) {
        return read.get(key(accountId, month), item -> Attr.num(item, BOOKED, 0)).orElse(0L);
    }
}
