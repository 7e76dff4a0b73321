package com.practicecal.shared.client;

import com.practicecal.shared.booking.AccountDayItem;
import com.practicecal.shared.booking.Booking;
import com.practicecal.shared.booking.BookingItem;
import com.practicecal.shared.practice.NoteItem;
import com.practicecal.shared.store.Attr;
import com.practicecal.shared.store.MainTable;
import com.practicecal.shared.store.Transaction;
import com.practicecal.shared.store.TransactionFailedException;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * Retention: bookings and their session notes are kept for a period (default 10 years, {@code RETENTION_PERIOD},
 * ISO-8601 such as {@code P10Y}) after the client's last appointment, then purged — with the client record once
 * its last appointment is that old. A booking without a client record counts on its own end. Purging removes the
 * booking, its notes, its calendar entry and its client link; the room's occupancy keeps only the interval.
 * In dry-run mode it logs what it would purge (ids and dates only) and changes nothing.
 */
@Singleton
public class RetentionPurge {
    private static final Logger LOG = LoggerFactory.getLogger(RetentionPurge.class);
    static final String OLD_BOOKINGS = "#type = :booking AND #end < :cutoff";
    static final String OF_ACCOUNT = " AND #account = :account";

    private final MainTable table;
    private final Clock clock;
    private final String period;

    public RetentionPurge(MainTable table, Clock clock, @Value("${retention.period:P10Y}") String period) {
        this.table = table;
        this.clock = clock;
        this.period = period;
        cutoff(clock.instant(), period); // validated at start
    }

    /** What one run purged (or, dry, would purge). */
    public record Report(boolean dryRun, String cutoff, int bookings, int notes, int clients, List<String> bookingIds,
                         List<String> clientIds) {
    }

    /** The instant before which a last appointment must have ended: now minus the period. */
    static Instant cutoff(Instant now, String period) {
        try {
            if (period.startsWith("PT")) {
                return now.minus(Duration.parse(period));
            }
            return now.atOffset(ZoneOffset.UTC).minus(Period.parse(period)).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("retention.period (RETENTION_PERIOD) must be an ISO-8601 period such as P10Y");
        }
    }

    /** @param accountId only this account's data (operations, tests); null for all */
    public Report run(boolean dryRun, String accountId) {
        Instant now = clock.instant();
        Instant cutoff = cutoff(now, period).truncatedTo(java.time.temporal.ChronoUnit.SECONDS); // as bookings store times
        List<String> bookingIds = new ArrayList<>();
        List<String> clientIds = new ArrayList<>();
        int notes = 0;
        Map<String, Boolean> clientExpired = new HashMap<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, String> names = new HashMap<>(Map.of("#type", Attr.TYPE, "#end", "end"));
            Map<String, AttributeValue> values = new HashMap<>(Map.of(":booking", Attr.s(BookingItem.TYPE),
                    ":cutoff", Attr.s(cutoff.toString())));
            String filter = OLD_BOOKINGS;
            if (accountId != null) {
                filter += OF_ACCOUNT;
                names.put("#account", "accountId");
                values.put(":account", Attr.s(accountId));
            }
            var request = ScanRequest.builder().filterExpression(filter)
                    .expressionAttributeNames(names).expressionAttributeValues(values);
            if (start != null) {
                request.exclusiveStartKey(start);
            }
            var page = table.scan(request);
            for (var item : page.items()) {
                Booking booking = BookingItem.fromItem(item);
                String clientId = booking.client().clientId();
                if (clientId != null && !clientExpired.computeIfAbsent(clientId, id -> lastAppointmentBefore(id, cutoff))) {
                    continue; // the client came again later: keep the whole history
                }
                List<Map<String, AttributeValue>> noteKeys = noteKeys(booking.id());
                bookingIds.add(booking.id());
                notes += noteKeys.size();
                LOG.info("{} booking {} of account {} (ended {}, {} notes)", dryRun ? "would purge" : "purging",
                        booking.id(), booking.accountId(), booking.interval().end(), noteKeys.size());
                if (!dryRun) {
                    purge(booking, noteKeys);
                }
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        for (var entry : clientExpired.entrySet()) {
            if (!entry.getValue()) {
                continue;
            }
            Optional<ClientRecord> record = table.get(ClientItem.key(entry.getKey())).map(ClientItem::fromItem);
            if (record.isEmpty()) {
                continue;
            }
            clientIds.add(entry.getKey());
            LOG.info("{} client record {}", dryRun ? "would purge" : "purging", entry.getKey());
            if (!dryRun) {
                Transaction tx = table.transaction().delete("client", ClientItem.key(entry.getKey()), null);
                if (record.get().active()) {
                    ClientService.replaceDirectory(tx, record.get(), null);
                }
                table.write(tx);
            }
        }
        Report report = new Report(dryRun, cutoff.toString(), bookingIds.size(), notes, clientIds.size(), bookingIds,
                clientIds);
        LOG.info("retention {}: cutoff {}, {} bookings, {} notes, {} client records", dryRun ? "dry run" : "purge",
                cutoff, report.bookings(), report.notes(), report.clients());
        return report;
    }

    /** True if every booking of the client ended before the cutoff. */
    private boolean lastAppointmentBefore(String clientId, Instant cutoff) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (var link : table.query(QueryRequest.builder().consistentRead(true)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :booking)")
                .expressionAttributeNames(Map.of("#pk", Attr.PK, "#sk", Attr.SK))
                .expressionAttributeValues(Map.of(":pk", Attr.s(ClientItem.PREFIX + clientId),
                        ":booking", Attr.s(ClientItem.LINK_PREFIX)))).items()) {
            keys.add(BookingItem.key(Attr.str(link, "bookingId")));
        }
        return table.batchGetAll(keys).values().stream().map(BookingItem::fromItem)
                .allMatch(b -> b.interval().end().isBefore(cutoff));
    }

    private List<Map<String, AttributeValue>> noteKeys(String bookingId) {
        return table.query(QueryRequest.builder().consistentRead(true)
                        .keyConditionExpression("#pk = :pk AND begins_with(#sk, :note)")
                        .expressionAttributeNames(Map.of("#pk", Attr.PK, "#sk", Attr.SK))
                        .expressionAttributeValues(Map.of(":pk", Attr.s(BookingItem.PREFIX + bookingId),
                                ":note", Attr.s(NoteItem.PREFIX))))
                .items().stream().map(i -> Map.of(Attr.PK, i.get(Attr.PK), Attr.SK, i.get(Attr.SK))).toList();
    }

    private void purge(Booking booking, List<Map<String, AttributeValue>> noteKeys) {
        Transaction tx = table.transaction().delete("booking", BookingItem.key(booking.id()), null);
        noteKeys.forEach(key -> tx.delete("note", key, null));
        if (booking.client().clientId() != null) {
            tx.delete("link", ClientItem.linkKey(booking.client().clientId(), booking.id()), null);
        }
        AccountDayItem.forget(tx, booking);
        try {
            table.write(tx);
        } catch (TransactionFailedException e) {
            LOG.warn("booking {} changed during the purge; next run", booking.id());
        }
    }
}
