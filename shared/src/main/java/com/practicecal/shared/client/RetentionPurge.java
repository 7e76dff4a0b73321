package com.practicecal.shared.client;

import com.practicecal.shared.booking.AccountDayItem;
import com.practicecal.shared.booking.Booking;
import com.practicecal.shared.booking.BookingItem;
import com.practicecal.shared.account.Membership;
import com.practicecal.shared.account.Role;
import com.practicecal.shared.event.Actor;
import com.practicecal.shared.booking.BookingCaller;
import com.practicecal.shared.booking.BookingClientWrites;
import com.practicecal.shared.booking.Client;
import com.practicecal.shared.event.Events;
import com.practicecal.shared.practice.NoteItem;
import com.practicecal.shared.store.Attr;
import com.practicecal.shared.store.Expression;
import com.practicecal.shared.store.MainTable;
import com.practicecal.shared.store.Transaction;
import com.practicecal.shared.store.TransactionFailedException;
import com.practicecal.shared.store.TxTag;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.YearMonth;
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
 *
 * <p>Candidates come from the sparse {@code RetentionIndex} (bookings by the month their appointment ended, a few
 * shards per month, sort key the end): one query per shard and month from the checkpoint month up to the cutoff's,
 * reading only bookings that ended before the cutoff. The checkpoint ({@code RETENTION} / {@code CHECKPOINT},
 * {@code fromMonth}) moves on after a full run to the earliest month that still holds a kept candidate (a client who
 * came again later); without one, {@code retention.earliest.month}. Bookings written before the index existed get
 * its keys once from {@link #backfill} (the only scan, run by hand after the deployment).
 */
@Singleton
public class RetentionPurge {
    private static final Logger LOG = LoggerFactory.getLogger(RetentionPurge.class);
    static final String OF_ACCOUNT = "#account = :account";
    static final String ENDED_BEFORE = "#pk = :pk AND #sk < :cutoff";
    /** Bookings from before the retention index, or with a typed-in client not yet linked to a record. */
    static final String TO_MIGRATE = "#type = :booking AND (attribute_not_exists(#rpk)"
            + " OR (attribute_exists(#clientName) AND attribute_not_exists(#clientId)))";
    static final String UNCHANGED = "#version = :version";
    static final String EARLIER_OR_NONE = "attribute_not_exists(#from) OR #from > :month";
    static final Map<String, AttributeValue> CHECKPOINT = Attr.key("RETENTION", "CHECKPOINT");
    static final TxTag CHECKPOINT_TAG = TxTag.of("checkpoint");
    static final TxTag BOOKING_TAG = TxTag.of("booking");

    private final MainTable table;
    private final Clock clock;
    private final String period;
    private final YearMonth earliestMonth;

    public RetentionPurge(MainTable table, Clock clock, @Value("${retention.period:P10Y}") String period,
                          @Value("${retention.earliest.month:2020-01}") String earliestMonth) {
        this.table = table;
        this.clock = clock;
        this.period = period;
        this.earliestMonth = YearMonth.parse(earliestMonth);
        cutoff(clock.instant(), period); // validated at start
    }

    /** What one run purged (or, dry, would purge); {@code monthsRead} index months queried. */
    public record Report(boolean dryRun, String cutoff, int bookings, int notes, int clients, List<String> bookingIds,
                         List<String> clientIds, int monthsRead, int backfilled, int clientsLinked) {
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

    /** @param accountId only this account's data (operations, tests; the checkpoint stays); null for all */
    public Report run(boolean dryRun, String accountId) {
        Instant now = clock.instant();
        Instant cutoff = cutoff(now, period).truncatedTo(java.time.temporal.ChronoUnit.SECONDS); // as bookings store times
        YearMonth last = YearMonth.from(cutoff.atOffset(ZoneOffset.UTC));
        YearMonth first = table.get(CHECKPOINT).map(i -> Attr.str(i, "fromMonth")).map(YearMonth::parse)
                .orElse(earliestMonth);
        List<String> bookingIds = new ArrayList<>();
        List<String> clientIds = new ArrayList<>();
        int notes = 0;
        int months = 0;
        YearMonth stillHeld = null; // the earliest month with a candidate that stays
        Map<String, Boolean> clientExpired = new HashMap<>();
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            months++;
            for (Booking booking : candidates(month, cutoff, accountId)) {
                String clientId = booking.client().clientId();
                if (clientId != null && !clientExpired.computeIfAbsent(clientId, id -> lastAppointmentBefore(id, cutoff))) {
                    stillHeld = stillHeld == null ? month : stillHeld; // the client came again later: keep the history
                    continue;
                }
                List<Map<String, AttributeValue>> noteKeys = noteKeys(booking.id());
                bookingIds.add(booking.id());
                notes += noteKeys.size();
                LOG.info("{} booking {} of account {} (ended {}, {} notes)", dryRun ? "would purge" : "purging",
                        booking.id(), booking.accountId(), booking.interval().end(), noteKeys.size());
                if (!dryRun && !purge(booking, noteKeys)) {
                    stillHeld = stillHeld == null ? month : stillHeld;
                }
            }
        }
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
                Transaction tx = table.transaction().delete(ClientItem.TAG, ClientItem.key(entry.getKey()), null);
                if (record.get().active()) {
                    ClientService.replaceDirectory(tx, record.get(), null);
                }
                table.write(tx);
            }
        }
        if (!dryRun && accountId == null) {
            YearMonth next = stillHeld != null ? stillHeld : last;
            table.write(table.transaction().update(CHECKPOINT_TAG, CHECKPOINT, Expression.update("SET #from = :month")
                    .name("#from", "fromMonth").value(":month", Attr.s(next.toString()))));
        }
        Report report = new Report(dryRun, cutoff.toString(), bookingIds.size(), notes, clientIds.size(), bookingIds,
                clientIds, months, 0, 0);
        LOG.info("retention {}: cutoff {}, months {}..{} read, {} bookings, {} notes, {} client records",
                dryRun ? "dry run" : "purge", cutoff, first, last, report.bookings(), report.notes(), report.clients());
        return report;
    }

    /** The bookings of {@code month} (all shards) that ended before the cutoff, read in full. */
    private List<Booking> candidates(YearMonth month, Instant cutoff, String accountId) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (int shard = 0; shard < BookingItem.RETENTION_SHARDS; shard++) {
            Map<String, AttributeValue> start = null;
            do {
                Map<String, String> names = new HashMap<>(Map.of("#pk", BookingItem.RETENTION_PK,
                        "#sk", BookingItem.RETENTION_SK));
                Map<String, AttributeValue> values = new HashMap<>(Map.of(
                        ":pk", Attr.s(BookingItem.retentionPartition(month, shard)), ":cutoff", Attr.s(cutoff.toString())));
                var request = QueryRequest.builder().indexName(BookingItem.RETENTION_INDEX)
                        .keyConditionExpression(ENDED_BEFORE);
                if (accountId != null) {
                    request.filterExpression(OF_ACCOUNT);
                    names.put("#account", "accountId");
                    values.put(":account", Attr.s(accountId));
                }
                request.expressionAttributeNames(names).expressionAttributeValues(values);
                if (start != null) {
                    request.exclusiveStartKey(start);
                }
                var page = table.query(request);
                page.items().forEach(i -> keys.add(Map.of(Attr.PK, i.get(Attr.PK), Attr.SK, i.get(Attr.SK))));
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (start != null);
        }
        if (keys.isEmpty()) {
            return List.of();
        }
        return table.batchGetAll(keys).values().stream().map(BookingItem::fromItem)
                .filter(b -> b.interval().end().isBefore(cutoff)) // the index is eventually consistent: as stored now
                .sorted(java.util.Comparator.comparing((Booking b) -> b.interval().end()).thenComparing(Booking::id))
                .toList();
    }

    /**
     * One-off, after deploying: gives bookings written before the retention index its keys, and links bookings with
     * a typed-in client from before records to their record ({@link InlineClients}: the one record of that name, else
     * a new one, created with the first of its bookings), each booking in one transaction conditioned on its version
     * (a concurrent change wins; the next run picks up what it left). Moves the checkpoint back to the earliest month
     * found. The only full scan; ids and counts are logged, never names.
     */
    public Report backfill() {
        int updated = 0;
        int linked = 0;
        YearMonth earliest = null;
        Instant now = clock.instant();
        Actor actor = Actor.anonymous("migration");
        Events events = new Events(actor, "retention-backfill", now);
        Map<String, AttributeValue> start = null;
        do {
            var request = ScanRequest.builder().filterExpression(TO_MIGRATE)
                    .expressionAttributeNames(Map.of("#type", Attr.TYPE, "#rpk", BookingItem.RETENTION_PK,
                            "#clientName", "clientName", "#clientId", BookingItem.CLIENT_ID))
                    .expressionAttributeValues(Map.of(":booking", Attr.s(BookingItem.TYPE)));
            if (start != null) {
                request.exclusiveStartKey(start);
            }
            var page = table.scan(request);
            for (var item : page.items()) {
                Booking booking = BookingItem.fromItem(item);
                try {
                    if (InlineClients.typedIn(booking.client())) {
                        linkClient(booking, actor, events, now); // rewrites the booking, index keys included
                        linked++;
                    } else {
                        Map<String, AttributeValue> keys = new HashMap<>();
                        BookingItem.putRetentionKeys(keys, booking.id(), booking.interval().end());
                        table.write(table.transaction().update(BOOKING_TAG, BookingItem.key(booking.id()), Expression
                                .update("SET #rpk = :rpk, #rsk = :rsk").when(UNCHANGED)
                                .name("#rpk", BookingItem.RETENTION_PK).name("#rsk", BookingItem.RETENTION_SK)
                                .name("#version", BookingItem.VERSION).value(":rpk", keys.get(BookingItem.RETENTION_PK))
                                .value(":rsk", keys.get(BookingItem.RETENTION_SK))
                                .value(":version", Attr.n(booking.version()))));
                    }
                    updated++;
                } catch (TransactionFailedException changed) {
                    LOG.info("booking {} changed during the backfill; next run", booking.id());
                }
                YearMonth month = YearMonth.from(booking.interval().end().atOffset(ZoneOffset.UTC));
                earliest = earliest == null || month.isBefore(earliest) ? month : earliest;
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        if (earliest != null) {
            try {
                table.write(table.transaction().update(CHECKPOINT_TAG, CHECKPOINT, Expression
                        .update("SET #from = :month").when(EARLIER_OR_NONE).name("#from", "fromMonth")
                        .value(":month", Attr.s(earliest.toString()))));
            } catch (TransactionFailedException alreadyEarlier) {
                // the checkpoint is already at or before that month
            }
        }
        LOG.info("retention backfill: {} bookings migrated ({} linked to a client record), earliest month {}", updated,
                linked, earliest);
        return new Report(false, null, 0, 0, 0, List.of(), List.of(), 0, updated, linked);
    }

    /** A typed-in client's booking now names its record (found or created in this transaction). */
    private void linkClient(Booking booking, Actor actor, Events events, Instant now) {
        Membership account = new Membership(BookingCaller.PUBLIC_USER, booking.accountId(), Role.OWNER, null, null, null);
        Optional<Client> match = InlineClients.match(table, booking.accountId(), booking.client());
        Transaction tx = table.transaction();
        Client client = ClientBookings.add(tx, match.orElse(booking.client()), match.isEmpty(),
                ClientRecord.SOURCE_MANUAL, account, booking.id(), actor, events, now);
        BookingClientWrites.replaceClient(tx, booking, client, "migration", now);
        table.write(tx);
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

    private boolean purge(Booking booking, List<Map<String, AttributeValue>> noteKeys) {
        Transaction tx = table.transaction().delete(BOOKING_TAG, BookingItem.key(booking.id()), null);
        noteKeys.forEach(key -> tx.delete(NoteItem.TAG, key, null));
        if (booking.client().clientId() != null) {
            tx.delete(ClientItem.LINK_TAG, ClientItem.linkKey(booking.client().clientId(), booking.id()), null);
        }
        AccountDayItem.forget(tx, booking);
        try {
            table.write(tx);
            return true;
        } catch (TransactionFailedException e) {
            LOG.warn("booking {} changed during the purge; next run", booking.id());
            return false;
        }
    }
}
