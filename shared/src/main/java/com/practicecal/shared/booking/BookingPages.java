package com.practicecal.shared.booking;

import com.practicecal.shared.store.Attr;
import com.practicecal.shared.store.Cursors;
import com.practicecal.shared.store.MainTable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

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
        Instant lowerStart = query.from().minus(CreateBookingRequest.MAX_LENGTH);
        var request = QueryRequest.builder().indexName(Attr.GSI1)
                .keyConditionExpression("#pk = :pk AND #sk BETWEEN :lo AND :hi")
                .filterExpression("#end > :from")
                .expressionAttributeNames(Map.of("#pk", Attr.GSI1PK, "#sk", Attr.GSI1SK, "#end", "end"))
                .expressionAttributeValues(Map.of(
                        ":pk", Attr.s(BookingItem.listPartition(accountId)),
                        ":lo", Attr.s(lowerStart.toString()),
                        // "~" sorts after "#<id>", so bookings starting exactly before `to` are all included
                        ":hi", Attr.s(query.to().minusSeconds(1) + "~"),
                        ":from", Attr.s(query.from().toString())))
                .limit(query.limit());
        if (query.cursor() != null) {
            request.exclusiveStartKey(Cursors.start(query.cursor(), Attr.GSI1PK, BookingItem.listPartition(accountId)));
        }
        var response = table.query(request);
        List<Booking> bookings = response.items().stream().map(BookingItem::fromItem).toList();
        return new Result(bookings, Cursors.next(response));
    }
}
