package com.practicecal.shared.client;

import com.practicecal.shared.booking.Booking;
import com.practicecal.shared.booking.BookingItem;
import com.practicecal.shared.store.Attr;
import com.practicecal.shared.store.Expression;
import com.practicecal.shared.store.TxTag;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The retention purge's items: its checkpoint ({@code RETENTION} / {@code CHECKPOINT}, the earliest month that may
 * still hold something to purge) and the retention index keys the backfill gives older bookings.
 */
public final class RetentionItem {
    public static final Map<String, AttributeValue> CHECKPOINT = Attr.key("RETENTION", "CHECKPOINT");
    public static final TxTag CHECKPOINT_TAG = TxTag.of("checkpoint");
    public static final String FROM_MONTH = "fromMonth";

    private RetentionItem() {
    }

    /** The checkpoint's month ({@code 2024-05}), or null if it has none. */
    public static String fromMonth(Map<String, AttributeValue> checkpoint) {
        return Attr.str(checkpoint, FROM_MONTH);
    }

    /** The backfill moves the checkpoint back only: to an earlier month, or sets a first one. */
    public static final String EARLIER_OR_NONE = "attribute_not_exists(#from) OR #from > :month";

    /** A purge run moves the checkpoint to {@code month}. */
    public static Expression moveTo(java.time.YearMonth month) {
        return Expression.update("SET #from = :month").name("#from", FROM_MONTH).value(":month", Attr.s(month.toString()));
    }

    /** The backfill found bookings from {@code month}: the checkpoint goes back to it unless it is earlier already. */
    public static Expression moveBackTo(java.time.YearMonth month) {
        return moveTo(month).when(EARLIER_OR_NONE);
    }

    /** {@code SET} of the booking's retention index keys, as the booking's own put writes them. */
    public static Expression setIndexKeys(Booking booking) {
        Map<String, AttributeValue> keys = new HashMap<>();
        BookingItem.putRetentionKeys(keys, booking.id(), booking.interval().end());
        return Expression.update("SET #rpk = :rpk, #rsk = :rsk")
                .name("#rpk", BookingItem.RETENTION_PK).name("#rsk", BookingItem.RETENTION_SK)
                .value(":rpk", keys.get(BookingItem.RETENTION_PK)).value(":rsk", keys.get(BookingItem.RETENTION_SK));
    }
}
