package com.practicecal.shared.client;

import com.practicecal.shared.booking.AccountDayItem;
import com.practicecal.shared.booking.Booking;
import com.practicecal.shared.booking.BookingItem;
import com.practicecal.shared.account.Membership;
import com.practicecal.shared.account.Role;
import com.practicecal.shared.clientrecord.ClientItem;
import com.practicecal.shared.clientrecord.ClientRecord;
import com.practicecal.shared.event.Actor;
import com.practicecal.shared.booking.BookingCaller;
import com.practicecal.shared.booking.BookingClientWrites;
import com.practicecal.shared.booking.Client;
import com.practicecal.shared.booking.ClientBookings;
import com.practicecal.shared.booking.InlineClients;
import com.practicecal.shared.event.Events;
import com.practicecal.shared.practice.NoteItem;
import com.practicecal.shared.store.Attr;
import com.practicecal.shared.store.MainTable;
import com.practicecal.shared.store.Query;
import com.practicecal.shared.store.Scan;
import com.practicecal.shared.store.Transaction;
import com.practicecal.shared.store.TransactionFailedException;
import com.practicecal.shared.store.TxTag;
import com.practicecal.shared.config.SettingsSource;
import jakarta.inject.Inject;
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
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
    /** Bookings from before the retention index, or with a typed-in client not yet linked to a record. */
    static final String TO_MIGRATE = "#type = :booking AND (attribute_not_exists(#rpk)"
            + " OR (attribute_exists(#clientName) AND attribute_not_exists(#clientId)))";
    static final String UNCHANGED = "#version = :version";
    static final TxTag BOOKING_TAG = TxTag.of("booking");

    private final MainTable table;
    private final Clock clock;
    private final String period;
    private final YearMonth earliestMonth;

    @Inject
    public RetentionPurge(MainTable table, Clock clock, SettingsSource settings) {
        this(table, clock, settings.get("retention.period", "P10Y"), settings.get("retention.earliest.month", "2020-01"));
    }

    public RetentionPurge(MainTable table, Clock clock, String period, String earliestMonth) {
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
        YearMonth first = table.get(RetentionItem.CHECKPOINT).map(RetentionItem::fromMonth).map(YearMonth::parse)
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
                List<NoteItem.Note> bookingNotes = notes(booking.id());
                bookingIds.add(booking.id());
                notes += bookingNotes.size();
                LOG.info("{} booking {} of account {} (ended {}, {} notes)", dryRun ? "would purge" : "purging",
                        booking.id(), booking.accountId(), booking.interval().end(), bookingNotes.size());
                if (!dryRun && !purge(booking, bookingNotes)) {
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
            table.write(table.transaction().update(RetentionItem.CHECKPOINT_TAG, RetentionItem.CHECKPOINT,
                    RetentionItem.moveTo(next)));
        }
        Report report = new Report(dryRun, cutoff.toString(), bookingIds.size(), notes, clientIds.size(), bookingIds,
                clientIds, months, 0, 0);
        LOG.info("retention {}: cutoff {}, months {}..{} read, {} bookings, {} notes, {} client records",
                dryRun ? "dry run" : "purge", cutoff, first, last, report.bookings(), report.notes(), report.clients());
        return report;
    }

    /** The bookings of {@code month} (all shards) that ended before the cutoff, read in full. */
    private List<Booking> candidates(YearMonth month, Instant cutoff, String accountId) {
        var keys = IntStream.range(0, BookingItem.RETENTION_SHARDS)
                .mapToObj(shard -> table.all(endedBefore(month, shard, cutoff, accountId), Attr::keyOf))
                .flatMap(List::stream).toList();
        if (keys.isEmpty()) {
            return List.of();
        }
        return table.readAll(keys).all(BookingItem::fromItem).stream()
                .filter(b -> b.interval().end().isBefore(cutoff)) // the index is eventually consistent: as stored now
                .sorted(java.util.Comparator.comparing((Booking b) -> b.interval().end()).thenComparing(Booking::id))
                .toList();
    }

    /** A shard of the retention index: the bookings of {@code month} that ended before the cutoff. */
    private static Query endedBefore(YearMonth month, int shard, Instant cutoff, String accountId) {
        Query ended = Query.index(BookingItem.RETENTION_INDEX, BookingItem.RETENTION_PK, BookingItem.RETENTION_SK,
                BookingItem.retentionPartition(month, shard)).sortBefore(cutoff.toString());
        if (accountId != null) {
            ended.filter(OF_ACCOUNT).name("#account", "accountId").value(":account", accountId);
        }
        return ended;
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
        Scan toMigrate = Scan.filter(TO_MIGRATE).name("#type", Attr.TYPE).name("#rpk", BookingItem.RETENTION_PK)
                .name("#clientName", "clientName").name("#clientId", BookingItem.CLIENT_ID)
                .value(":booking", BookingItem.TYPE);
        for (Booking booking : table.each(toMigrate, BookingItem::fromItem)) {
            try {
                if (InlineClients.typedIn(booking.client())) {
                    linkClient(booking, actor, events, now); // rewrites the booking, index keys included
                    linked++;
                } else {
                    table.write(table.transaction().update(BOOKING_TAG, BookingItem.key(booking.id()),
                            RetentionItem.setIndexKeys(booking).when(UNCHANGED)
                                    .name("#version", BookingItem.VERSION).value(":version", Attr.n(booking.version()))));
                }
                updated++;
            } catch (TransactionFailedException changed) {
                LOG.info("booking {} changed during the backfill; next run", booking.id());
            }
            YearMonth month = YearMonth.from(booking.interval().end().atOffset(ZoneOffset.UTC));
            earliest = earliest == null || month.isBefore(earliest) ? month : earliest;
        }
        if (earliest != null) {
            try {
                table.write(table.transaction().update(RetentionItem.CHECKPOINT_TAG, RetentionItem.CHECKPOINT,
                        RetentionItem.moveBackTo(earliest)));
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
        List<String> ids = table.page(Query.partition(ClientItem.PREFIX + clientId).sortBeginsWith(ClientItem.LINK_PREFIX)
                .consistent(), ClientItem::linkedBookingId).items();
        return table.readAll(ids.stream().map(BookingItem::key).toList()).all(BookingItem::fromItem).stream()
                .allMatch(b -> b.interval().end().isBefore(cutoff));
    }

    private List<NoteItem.Note> notes(String bookingId) {
        return table.page(Query.partition(BookingItem.PREFIX + bookingId).sortBeginsWith(NoteItem.PREFIX).consistent(),
                NoteItem::fromItem).items();
    }

    private boolean purge(Booking booking, List<NoteItem.Note> notes) {
        Transaction tx = table.transaction().delete(BOOKING_TAG, BookingItem.key(booking.id()), null);
        notes.forEach(note -> tx.delete(NoteItem.TAG, NoteItem.key(booking.id(), note), null));
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
