package com.practicecal.shared.booking;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.practicecal.shared.json.Json;
import java.io.UncheckedIOException;
import java.time.Instant;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A booking as its account's day agenda stores it: what the calendar shows, no keys, no token hash. One string
 * attribute (compact JSON) per booking rather than a map of attributes: the day item is rewritten with every
 * booking change of that day, and stream consumers and emulators pay per attribute.
 */
record AgendaEntry(String id, String accountId, String roomId, Instant start, Instant end, BookingStatus status,
                   String clientName, String clientEmail, String clientPhone, String createdBy, Instant createdAt,
                   String updatedBy, Instant updatedAt, long version, String serviceId, int rescheduleCount,
                   String clientId, String clientFirstName, String clientLastName, String seriesId) {
    // Entries outlive code versions: a field added later must not make older readers fail.
    private static final ObjectReader READER = Json.MAPPER.readerFor(AgendaEntry.class)
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static AttributeValue of(Booking b) {
        return AttributeValue.fromS(Json.write(new AgendaEntry(b.id(), b.accountId(), b.roomId(), b.interval().start(),
                b.interval().end(), b.status(), b.client().name(), b.client().email(), b.client().phone(), b.createdBy(),
                b.createdAt(), b.updatedBy(), b.updatedAt(), b.version(), b.serviceId(), b.rescheduleCount(),
                b.client().clientId(), b.client().firstName(), b.client().lastName(), b.seriesId())));
    }

    static Booking read(AttributeValue value) {
        AgendaEntry e;
        try {
            e = READER.readValue(value.s());
        } catch (JsonProcessingException ex) {
            throw new UncheckedIOException(ex);
        }
        return new Booking(e.id, e.accountId, e.roomId, new Interval(e.start, e.end), e.status,
                new Client(e.clientName, e.clientEmail, e.clientPhone, e.clientId, e.clientFirstName, e.clientLastName), e.createdBy, e.createdAt, e.updatedBy,
                e.updatedAt, e.version, e.serviceId, null, e.rescheduleCount, e.seriesId);
    }
}
