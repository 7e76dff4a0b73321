package com.practicecal.shared.booking;

import com.practicecal.shared.store.TxTag;
import com.practicecal.shared.account.AccountItem;
import com.practicecal.shared.store.Attr;
import com.practicecal.shared.store.Snapshot;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Storage form of the online-booking counters ({@link OnlineLimits}): per practice-local day
 * {@code ACCOUNT#<id>} / {@code ONLINE_DAY#<date>}, and per client {@code ACCOUNT#<id>} / {@code CLIENT#<sha256(email)>}
 * with one attribute {@code b:<bookingId>} = the appointment's end (epoch seconds) per online booking.
 */
public final class OnlineCounterItem {
    /** Transaction tags: the day counter (a failure: the day's cap is reached), the client's entries. */
    public static final TxTag DAY_TAG = TxTag.of("online-day");
    public static final TxTag CLIENT_TAG = TxTag.of("online-client");
    static final TxTag CLIENT_RELEASE_TAG = TxTag.of("online-client-release");
    static final TxTag CLIENT_MOVE_TAG = TxTag.of("online-client-move");

    private OnlineCounterItem() {
    }

    public static Map<String, AttributeValue> clientKey(String accountId, String email) {
        return Attr.key(AccountItem.PREFIX + accountId, OnlineLimits.CLIENT_PREFIX + OnlineLimits.emailHash(email));
    }

    public static Map<String, AttributeValue> dayKey(String accountId, LocalDate day) {
        return Attr.key(AccountItem.PREFIX + accountId, OnlineLimits.DAY_PREFIX + day);
    }

    /** The client's online bookings as {@code read} found them: those still counting at {@code now}, and the rest. */
    static OnlineLimits.ClientBookings clientBookings(Snapshot read, String accountId, String email, Instant now) {
        return read.get(clientKey(accountId, email), item -> fromItem(item, now))
                .orElseGet(() -> new OnlineLimits.ClientBookings(0, Map.of(), List.of()));
    }

    static OnlineLimits.ClientBookings fromItem(Map<String, AttributeValue> item, Instant now) {
        Map<String, Long> live = new TreeMap<>();
        List<String> expired = new ArrayList<>();
        item.forEach((name, value) -> {
            if (name.startsWith(OnlineLimits.ENTRY_PREFIX) && value.n() != null) {
                long end = Long.parseLong(value.n());
                if (end > now.getEpochSecond()) {
                    live.put(name, end);
                } else {
                    expired.add(name);
                }
            }
        });
        return new OnlineLimits.ClientBookings(Attr.num(item, OnlineLimits.VERSION, 0), live, expired);
    }
}
