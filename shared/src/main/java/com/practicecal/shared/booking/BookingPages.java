package com.practicecal.shared.booking;

import com.practicecal.shared.store.Cursors;
import com.practicecal.shared.store.MainTable;
import java.util.List;

/**
 * Pages through an account's bookings by start time (GSI1). A booking that started before {@code from} but is
 * still running is included: the key range starts one maximum booking length earlier and is filtered by end.
 */
final class BookingPages {
    record Result(List<Booking> bookings, String nextCursor) {
    }

    private BookingPages() {
    }

    static Result query(MainTable table, String accountId, BookingQuery query) {
        var request = BookingItem.overlapping(accountId, query.from(), query.to(), query.limit(), query.cursor());
        var response = table.query(request);
        List<Booking> bookings = response.items().stream().map(BookingItem::fromItem).toList();
        return new Result(bookings, Cursors.next(response));
    }
}
