package com.practicecal.shared.booking;

import com.practicecal.shared.store.TxTag;
import com.practicecal.shared.account.AccountItem;
import com.practicecal.shared.store.Attr;
import com.practicecal.shared.store.Expression;
import com.practicecal.shared.store.Transaction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One account's UTC day: PK {@code ACCOUNT#<id>}, SK {@code DAY#<yyyy-mm-dd>}. It holds
 * <ul>
 *   <li>a change counter ({@code version}) that every booking change of the account bumps for the days it
 *   touches. An online booking, which must not overlap the therapist's other appointments in any room,
 *   conditions on the counters it read — so two concurrent online bookings into different rooms cannot both pass
 *   the therapist-free check;</li>
 *   <li>the day's agenda: one attribute {@code booking:<id>} per confirmed booking touching the day, written in
 *   the booking's own transaction, so a week of the calendar is read with its room data in two calls instead of
 *   an index query per view.</li>
 * </ul>
 * The item belongs to the account's partition and is never read for anyone outside the account.
 */
public final class AccountDayItem {
    public static final String DAY_PREFIX = "DAY#";
    public static final String VERSION = "version";
    /** Attribute-name prefix of agenda entries. */
    public static final String ENTRY_PREFIX = "booking:";
    /** Attribute-name prefix of the day's blocked times (see {@code block.BlockEntry}). */
    public static final String BLOCK_PREFIX = "block:";
    static final String TAG = "account-day:";

    static TxTag tag(LocalDate day) {
        return TxTag.of(TAG + day);
    }

    /** Whether {@code failure} is an account day's counter that moved (an online booking's therapist check). */
    static boolean failedOn(com.practicecal.shared.store.TransactionFailedException failure) {
        return failure.failedTag() != null && failure.failedTag().startsWith(TAG);
    }
    static final String UNCHANGED = "attribute_not_exists(#version) OR #version = :expected";

    private AccountDayItem() {
    }

    public static Map<String, AttributeValue> key(String accountId, LocalDate day) {
        return Attr.key(AccountItem.PREFIX + accountId, DAY_PREFIX + day);
    }

    public static long version(Map<String, AttributeValue> item) {
        return item == null ? 0 : Attr.num(item, VERSION, 0);
    }

    /** The bookings recorded on the day (confirmed ones; a cancelled booking leaves the agenda). */
    public static List<Booking> agenda(Map<String, AttributeValue> item) {
        List<Booking> bookings = new ArrayList<>();
        if (item != null) {
            item.forEach((name, value) -> {
                if (name.startsWith(ENTRY_PREFIX)) {
                    bookings.add(AgendaEntry.read(value));
                }
            });
        }
        return bookings;
    }

    /** The bookings on the account's {@code days} as read in {@code found}, each once (across midnight: two days). */
    public static List<Booking> agenda(Map<String, Map<String, AttributeValue>> found, String accountId,
                                       Collection<LocalDate> days) {
        Map<String, Booking> unique = new java.util.LinkedHashMap<>();
        for (LocalDate day : days) {
            agenda(found.get(com.practicecal.shared.store.DynamoTable.keyString(key(accountId, day))))
                    .forEach(b -> unique.putIfAbsent(b.id(), b));
        }
        return new ArrayList<>(unique.values());
    }

    /** {@link #agenda(Map, String, Collection)} from a typed snapshot. */
    public static List<Booking> agenda(com.practicecal.shared.store.Snapshot read, String accountId,
                                       Collection<LocalDate> days) {
        return agenda(read.items(), accountId, days);
    }

    /** The day's counter as {@code read} found it (0 if never written). */
    public static long version(com.practicecal.shared.store.Snapshot read, String accountId, LocalDate day) {
        return read.get(key(accountId, day), AccountDayItem::version).orElse(0L);
    }

    /**
     * Bumps the account's counters for {@code days} and keeps their agendas in step with one booking change:
     * {@code after} (null when nothing remains, e.g. cancelled) is recorded on its days, {@code before} removed
     * from the days it no longer touches. Where {@code expected} holds a counter the caller read, the bump is
     * conditional on it being unchanged.
     */
    static void record(Transaction tx, String accountId, Collection<LocalDate> days, Map<LocalDate, Long> expected,
                       Booking before, Booking after) {
        TreeSet<LocalDate> touched = new TreeSet<>(days);
        List<LocalDate> afterDays = after == null ? List.of() : after.interval().utcDays();
        List<LocalDate> beforeDays = before == null ? List.of() : before.interval().utcDays();
        touched.addAll(afterDays);
        touched.addAll(beforeDays);
        String bookingId = after != null ? after.id() : before == null ? null : before.id();
        for (LocalDate day : touched) {
            Expression update;
            if (afterDays.contains(day)) {
                update = Expression.update("SET #entry = :entry ADD #version :one")
                        .value(":entry", AgendaEntry.of(after));
            } else if (beforeDays.contains(day)) {
                update = Expression.update("REMOVE #entry ADD #version :one");
            } else {
                update = Expression.update("ADD #version :one");
            }
            if (update.updateExpression().contains("#entry")) {
                update.name("#entry", ENTRY_PREFIX + bookingId);
            }
            update.name("#version", VERSION).value(":one", Attr.n(1));
            Long read = expected == null ? null : expected.get(day);
            if (read != null) {
                update.when(UNCHANGED).value(":expected", Attr.n(read));
            }
            tx.update(tag(day), key(accountId, day), update);
        }
    }

    /** Removes a purged booking's agenda entries (retention): nothing of it stays on its days. */
    public static void forget(Transaction tx, Booking booking) {
        for (LocalDate day : booking.interval().utcDays()) {
            tx.update(tag(day), key(booking.accountId(), day), Expression.update("REMOVE #entry")
                    .name("#entry", ENTRY_PREFIX + booking.id()));
        }
    }

    /** The raw entries named {@code prefix<id>} on the account's {@code days}, each id once. */
    public static Map<String, AttributeValue> entries(Map<String, Map<String, AttributeValue>> found, String accountId,
                                                      Collection<LocalDate> days, String prefix) {
        Map<String, AttributeValue> unique = new java.util.LinkedHashMap<>();
        for (LocalDate day : days) {
            Map<String, AttributeValue> item = found.get(com.practicecal.shared.store.DynamoTable.keyString(key(accountId, day)));
            if (item != null) {
                item.forEach((name, value) -> {
                    if (name.startsWith(prefix)) {
                        unique.putIfAbsent(name.substring(prefix.length()), value);
                    }
                });
            }
        }
        return unique;
    }

    /**
     * Keeps one non-booking entry ({@code name}, e.g. a blocked time) in step with a change, bumping the counters of
     * every day touched: set on {@code afterDays} (when {@code entry} is not null), removed from the
     * {@code beforeDays} it no longer covers. Unconditional: the change's own item is the one its writers contend on;
     * online bookings, which condition on these counters, re-check.
     */
    public static void recordEntry(Transaction tx, String accountId, String name, Collection<LocalDate> beforeDays,
                                   Collection<LocalDate> afterDays, AttributeValue entry) {
        TreeSet<LocalDate> touched = new TreeSet<>(beforeDays);
        touched.addAll(afterDays);
        for (LocalDate day : touched) {
            Expression update = entry != null && afterDays.contains(day)
                    ? Expression.update("SET #entry = :entry ADD #version :one").value(":entry", entry)
                    : Expression.update("REMOVE #entry ADD #version :one");
            update.name("#entry", name).name("#version", VERSION).value(":one", Attr.n(1));
            tx.update(tag(day), key(accountId, day), update);
        }
    }
}
