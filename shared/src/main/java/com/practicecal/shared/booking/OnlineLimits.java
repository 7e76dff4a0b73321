package com.practicecal.shared.booking;

import com.practicecal.shared.error.ConflictException;
import com.practicecal.shared.error.ErrorCodes;
import com.practicecal.shared.store.Attr;
import com.practicecal.shared.store.Expression;
import com.practicecal.shared.store.Keys;
import com.practicecal.shared.store.Snapshot;
import com.practicecal.shared.store.Transaction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.Map;

/**
 * The practice's caps on online bookings, enforced by conditions inside the booking's own transaction:
 * <ul>
 *   <li>online bookings made per practice-local day: counter item {@code ACCOUNT#<id>} / {@code ONLINE_DAY#<date>}
 *   (the creation day; a cancellation does not give the slot back, it is a rate), condition {@code count < cap};</li>
 *   <li>future online bookings per client email: item {@code ACCOUNT#<id>} / {@code CLIENT#<sha256(email)>}
 *   with one attribute {@code b:<bookingId>} = the appointment's end (epoch seconds) per online booking, read in
 *   the booking's first batch and written conditioned on its {@code version}; entries whose end has passed no
 *   longer count and are pruned by the next booking. Cancel removes the entry, a move updates it; both bump the
 *   version, so a concurrent booking that counted the old state re-reads.</li>
 * </ul>
 * The email appears in no key, only its hash.
 */
public record OnlineLimits(String accountId, String clientEmail, int perDay, int perClient) {
    public static final String DAY_PREFIX = "ONLINE_DAY#";
    public static final String CLIENT_PREFIX = "CLIENT#";
    public static final String ENTRY_PREFIX = "b:";
    static final String COUNT = "count";
    static final String VERSION = "version";
    static final String DAY_LEFT = "attribute_not_exists(#count) OR #count < :cap";
    static final String CLIENT_UNCHANGED = "attribute_not_exists(#version) OR #version = :version";
    /** Client items expire a while after the last booking through them (longer than any horizon). */
    static final Duration CLIENT_ITEM_LIFETIME = Duration.ofDays(400);

    /** The key of this client's counter item, for the booking's first batch read. */
    public Keys clientKeys() {
        return Keys.of(OnlineCounterItem.clientKey(accountId, clientEmail));
    }
    static String emailHash(String email) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(com.practicecal.shared.validation.Check.email("client.email", email).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The client's online bookings that still count at {@code now}, as read. */
    record ClientBookings(long version, Map<String, Long> live, java.util.List<String> expired) {
    }

    /** 409 CLIENT_BOOKING_LIMIT when the client already holds {@code perClient} future online bookings. */
    ClientBookings requireClientBelowCap(Snapshot read, Instant now) {
        ClientBookings current = OnlineCounterItem.clientBookings(read, accountId, clientEmail, now);
        if (current.live().size() >= perClient) {
            throw new ConflictException(ErrorCodes.CLIENT_BOOKING_LIMIT, "at most " + perClient
                    + " upcoming online appointments per client; please contact the practice");
        }
        return current;
    }

    /** Adds the day counter and the client entry to the booking's transaction. */
    void claim(Transaction tx, Booking booking, ClientBookings read, Instant now, ZoneId zone) {
        tx.update(OnlineCounterItem.DAY_TAG, OnlineCounterItem.dayKey(accountId, LocalDate.ofInstant(now, zone)),
                Expression.update("ADD #count :one SET #expires = :expires").when(DAY_LEFT)
                        .name("#count", COUNT).name("#expires", Attr.EXPIRES_AT)
                        .value(":one", Attr.n(1)).value(":cap", Attr.n(perDay))
                        .value(":expires", Attr.n(now.plus(Duration.ofDays(3)).getEpochSecond())));
        StringBuilder update = new StringBuilder("SET #entry = :end, #expires = :expires ADD #version :one");
        java.util.Map<String, String> names = new java.util.HashMap<>();
        for (int i = 0; i < read.expired().size(); i++) {
            names.put("#old" + i, read.expired().get(i));
        }
        if (!names.isEmpty()) {
            update.append(" REMOVE ").append(String.join(", ", new java.util.TreeSet<>(names.keySet())));
        }
        Expression expression = Expression.update(update.toString()).when(CLIENT_UNCHANGED);
        names.forEach(expression::name);
        expression.name("#entry", ENTRY_PREFIX + booking.id()).name("#expires", Attr.EXPIRES_AT).name("#version", VERSION)
                .value(":end", Attr.n(booking.interval().end().getEpochSecond()))
                .value(":expires", Attr.n(now.plus(CLIENT_ITEM_LIFETIME).getEpochSecond()))
                .value(":one", Attr.n(1)).value(":version", Attr.n(read.version()));
        tx.update(OnlineCounterItem.CLIENT_TAG, OnlineCounterItem.clientKey(accountId, clientEmail), expression);
    }

    /** True for bookings made through the public API (they carry a manage token and a client email). */
    static boolean isOnline(Booking booking) {
        return booking.manageTokenHash() != null && booking.client() != null && booking.client().email() != null;
    }

    /** A cancelled online booking stops counting for its client. */
    static void release(Transaction tx, Booking booking) {
        if (!isOnline(booking)) {
            return;
        }
        tx.update(OnlineCounterItem.CLIENT_RELEASE_TAG, OnlineCounterItem.clientKey(booking.accountId(), booking.client().email()),
                Expression.update("REMOVE #entry ADD #version :one").name("#entry", ENTRY_PREFIX + booking.id())
                        .name("#version", VERSION).value(":one", Attr.n(1)));
    }

    /** A moved online booking counts until its new end. */
    static void moved(Transaction tx, Booking after) {
        if (!isOnline(after)) {
            return;
        }
        tx.update(OnlineCounterItem.CLIENT_MOVE_TAG, OnlineCounterItem.clientKey(after.accountId(), after.client().email()),
                Expression.update("SET #entry = :end ADD #version :one").name("#entry", ENTRY_PREFIX + after.id())
                        .name("#version", VERSION).value(":end", Attr.n(after.interval().end().getEpochSecond()))
                        .value(":one", Attr.n(1)));
    }
}
