package com.practicecal.shared.booking;

import com.practicecal.shared.account.AccountItem;
import com.practicecal.shared.store.Attr;
import com.practicecal.shared.store.Expression;
import com.practicecal.shared.store.Transaction;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A change counter per account and UTC day: PK {@code ACCOUNT#<id>}, SK {@code DAY#<yyyy-mm-dd>}. Every booking
 * change of the account bumps the days it touches. An online booking, which must not overlap the therapist's
 * other appointments in any room, conditions on the counters it read — so two concurrent online bookings into
 * different rooms cannot both pass the therapist-free check.
 */
public final class AccountDayItem {
    public static final String DAY_PREFIX = "DAY#";
    public static final String VERSION = "version";
    static final String TAG = "account-day:";
    static final String UNCHANGED = "attribute_not_exists(#version) OR #version = :expected";

    private AccountDayItem() {
    }

    public static Map<String, AttributeValue> key(String accountId, LocalDate day) {
        return Attr.key(AccountItem.PREFIX + accountId, DAY_PREFIX + day);
    }

    public static long version(Map<String, AttributeValue> item) {
        return item == null ? 0 : Attr.num(item, VERSION, 0);
    }

    /**
     * Bumps the account's counters for {@code days}; where {@code expected} holds a counter the caller read,
     * the bump is conditional on it being unchanged.
     */
    static void bump(Transaction tx, String accountId, Collection<LocalDate> days, Map<LocalDate, Long> expected) {
        for (LocalDate day : new TreeSet<>(days)) {
            Expression update = Expression.update("ADD #version :one").name("#version", VERSION).value(":one", Attr.n(1));
            Long read = expected == null ? null : expected.get(day);
            if (read != null) {
                update.when(UNCHANGED).value(":expected", Attr.n(read));
            }
            tx.update(TAG + day, key(accountId, day), update);
        }
    }
}
