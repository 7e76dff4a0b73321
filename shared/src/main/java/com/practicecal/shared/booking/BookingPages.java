package com.practicecal.shared.booking;

import com.fasterxml.jackson.core.type.TypeReference;
import com.practicecal.shared.error.ValidationException;
import com.practicecal.shared.json.Json;
import com.practicecal.shared.store.Attr;
import com.practicecal.shared.store.MainTable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
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
            request.exclusiveStartKey(decode(query.cursor(), accountId));
        }
        var response = table.query(request);
        List<Booking> bookings = response.items().stream().map(BookingItem::fromItem).toList();
        String next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? encode(response.lastEvaluatedKey()) : null;
        return new Result(bookings, next);
    }

    private static String encode(Map<String, AttributeValue> key) {
        Map<String, String> plain = new HashMap<>();
        key.forEach((name, value) -> plain.put(name, value.s()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(plain).getBytes(StandardCharsets.UTF_8));
    }

    /** Cursors are opaque to clients; one that does not decode, or belongs to another account, is a 422. */
    private static Map<String, AttributeValue> decode(String cursor, String accountId) {
        try {
            Map<String, String> plain = Json.MAPPER.readValue(Base64.getUrlDecoder().decode(cursor),
                    new TypeReference<Map<String, String>>() { });
            if (!BookingItem.listPartition(accountId).equals(plain.get(Attr.GSI1PK))) {
                throw new IllegalArgumentException("foreign cursor");
            }
            Map<String, AttributeValue> key = new HashMap<>();
            plain.forEach((name, value) -> key.put(name, Attr.s(value)));
            return key;
        } catch (RuntimeException | java.io.IOException e) {
            throw new ValidationException("cursor", "is not a valid cursor");
        }
    }
}
