package com.practicecal.shared.booking;

import com.practicecal.shared.store.TxTag;
import com.practicecal.shared.store.Attr;
import com.practicecal.shared.store.Condition;
import com.practicecal.shared.store.Transaction;
import java.time.Instant;
import java.util.Map;

/**
 * Changing who a booking is for without touching its time, room or quota: a client merge points bookings at the
 * surviving record, an erasure removes the client from them. The booking is conditioned on its version (a move
 * or cancel in between makes the caller re-read), and a confirmed booking's agenda entries are rewritten in the
 * same transaction, so the calendar never shows a name the booking no longer has.
 */
public final class BookingClientWrites {
    static final String UNCHANGED = "#version = :version";

    private BookingClientWrites() {
    }

    public static Booking withClient(Booking b, Client client, String by, Instant at) {
        return new Booking(b.id(), b.accountId(), b.roomId(), b.interval(), b.status(), client, b.createdBy(),
                b.createdAt(), by, at, b.version() + 1, b.serviceId(), b.manageTokenHash(), b.rescheduleCount(), b.seriesId());
    }

    /** Adds the booking with its new client (and its agenda entries) to {@code tx}; returns the booking written. */
    public static Booking replaceClient(Transaction tx, Booking before, Client client, String by, Instant at) {
        Booking after = withClient(before, client, by, at);
        tx.put(TxTag.of("booking:" + before.id()), BookingItem.toItem(after), new Condition(UNCHANGED,
                Map.of("#version", BookingItem.VERSION), Map.of(":version", Attr.n(before.version()))));
        if (before.status() == BookingStatus.CONFIRMED) {
            AccountDayItem.record(tx, before.accountId(), before.interval().utcDays(), null, before, after);
        }
        return after;
    }
}
