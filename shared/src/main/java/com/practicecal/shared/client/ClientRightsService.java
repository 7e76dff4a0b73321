package com.practicecal.shared.client;

import com.practicecal.shared.account.Membership;
import com.practicecal.shared.account.UserItem;
import com.practicecal.shared.audit.AuditEntry;
import com.practicecal.shared.audit.AuditItem;
import com.practicecal.shared.audit.AuditTable;
import com.practicecal.shared.auth.AccessPolicy;
import com.practicecal.shared.auth.Principal;
import com.practicecal.shared.booking.Booking;
import com.practicecal.shared.booking.BookingClientWrites;
import com.practicecal.shared.booking.BookingItem;
import com.practicecal.shared.booking.BookingStatus;
import com.practicecal.shared.booking.BookingView;
import com.practicecal.shared.booking.Client;
import com.practicecal.shared.booking.IdempotencyItem;
import com.practicecal.shared.booking.OnlineLimits;
import com.practicecal.shared.client.ClientRequests.ClientView;
import com.practicecal.shared.clientrecord.ClientItem;
import com.practicecal.shared.clientrecord.ClientRecord;
import com.practicecal.shared.error.ConflictException;
import com.practicecal.shared.error.ErrorCodes;
import com.practicecal.shared.error.NotFoundException;
import com.practicecal.shared.error.ValidationException;
import com.practicecal.shared.event.Change;
import com.practicecal.shared.event.Events;
import com.practicecal.shared.practice.InvoiceItem;
import com.practicecal.shared.practice.NoteItem;
import com.practicecal.shared.staff.StaffScopes;
import com.practicecal.shared.store.Attr;
import com.practicecal.shared.store.Expression;
import com.practicecal.shared.store.MainTable;
import com.practicecal.shared.store.Query;
import com.practicecal.shared.store.Snapshot;
import com.practicecal.shared.store.Transaction;
import com.practicecal.shared.store.TransactionFailedException;
import com.practicecal.shared.store.TxTag;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Merging duplicate records, and the data subject's rights: access and portability (one JSON document with
 * everything held on the client) and erasure. The client's bookings are found through the booking links written
 * in each booking's own transaction. Merge and erasure first turn the record into a tombstone (conditioned on its
 * version, which every new booking for the client moves on), so no booking can name it any more, and then work
 * through the bookings one transaction each; both are resumable: repeating the request finishes what a crash left.
 */
@Singleton
public class ClientRightsService {
    /** Invoices are kept 10 years (§147 AO); within that they keep the recipient's name, marked restricted. */
    public static final Period INVOICE_RETENTION = Period.ofYears(10);
    static final int MAX_ATTEMPTS = 5;
    static final TxTag MERGE_TARGET_TAG = TxTag.of("target");
    static final TxTag MERGE_SOURCE_TAG = TxTag.of("source");
    static final TxTag OLD_LINK_TAG = TxTag.of("old-link");
    static final TxTag ONLINE_COUNTER_TAG = TxTag.of("online-counter");

    private final MainTable table;
    private final AuditTable audit;
    private final AccessPolicy access;
    private final ClientService clients;
    private final Clock clock;

    public ClientRightsService(MainTable table, AuditTable audit, AccessPolicy access, ClientService clients, Clock clock) {
        this.table = table;
        this.audit = audit;
        this.access = access;
        this.clients = clients;
        this.clock = clock;
    }

    // ------------------------------------------------------------------------------------------------ merge

    /**
     * Merges {@code sourceId} (typically a record an online booking created) into {@code intoId}: the surviving
     * record gains the contact data it lacked and the notes, the source's bookings are re-pointed, the source
     * becomes a tombstone. Repeating the same merge completes an interrupted one.
     */
    public ClientView merge(Principal principal, String sourceId, ClientRequests.MergeRequest request, String requestId) {
        String intoId = request.intoId();
        if (intoId.equals(sourceId)) {
            throw new ValidationException("intoId", "a client cannot be merged into itself");
        }
        for (int attempt = 1; ; attempt++) {
            Snapshot read = table.read(List.of(UserItem.key(principal.userId()), ClientItem.key(sourceId),
                    ClientItem.key(intoId)));
            Membership me = access.member(principal, read, StaffScopes.DOCUMENTATION);
            ClientRecord source = record(me, read, sourceId)
                    .orElseThrow(() -> new NotFoundException(ErrorCodes.NOT_FOUND, "client not found"));
            ClientRecord target;
            try {
                target = clients.active(me, read, intoId);
            } catch (NotFoundException e) {
                throw new ValidationException("intoId", "unknown client");
            }
            Instant now = clock.instant();
            if (ClientRecord.MERGED.equals(source.status()) && intoId.equals(source.mergedInto())) {
                repoint(me, sourceId, target, now); // resuming an interrupted merge
                return ClientView.of(target);
            }
            if (!source.active()) {
                throw new NotFoundException(ErrorCodes.NOT_FOUND, "client not found");
            }
            ClientRecord merged = new ClientRecord(target.id(), target.accountId(), target.firstName(), target.lastName(),
                    target.email() != null ? target.email() : source.email(),
                    target.phone() != null ? target.phone() : source.phone(),
                    target.birthDate() != null ? target.birthDate() : source.birthDate(),
                    joinNotes(target.notes(), source.notes()), target.source(), ClientRecord.ACTIVE, null,
                    target.createdBy(), target.createdAt(), now, target.version() + 1);
            Events events = access.events(me, requestId, now);
            Transaction tx = table.transaction()
                    .put(MERGE_TARGET_TAG, ClientItem.toItem(merged), ClientService.unchanged(target))
                    .put(MERGE_SOURCE_TAG, ClientItem.tombstone(source, ClientRecord.MERGED, intoId, now),
                            ClientService.unchanged(source));
            ClientService.replaceDirectory(tx, source, null);
            tx.with(events.emit(me.accountId(), "client.merged", "client", sourceId,
                    Map.of("mergedInto", new Change(null, intoId))));
            access.guardStaff(tx, me, StaffScopes.DOCUMENTATION);
            try {
                table.write(tx);
            } catch (TransactionFailedException e) {
                if (e.failed(AccessPolicy.STAFF_TAG)) {
                    throw clients.staffChanged(principal, e);
                }
                ClientService.retryOrGiveUp(attempt);
                continue;
            }
            repoint(me, sourceId, merged, now);
            return ClientView.of(merged);
        }
    }

    private static String joinNotes(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + "\n\n" + b;
    }

    /** Each booking of the source now names the target: one transaction per booking, with the links. */
    private void repoint(Membership me, String sourceId, ClientRecord target, Instant now) {
        for (String bookingId : bookingIds(sourceId)) {
            for (int attempt = 1; ; attempt++) {
                Booking before = booking(bookingId);
                Transaction tx = table.transaction();
                if (before != null && sourceId.equals(before.client().clientId())) {
                    BookingClientWrites.replaceClient(tx, before, before.client().linkedTo(target), me.userId(), now);
                    tx.put(ClientItem.LINK_TAG, ClientItem.link(target.id(), me.accountId(), bookingId), null);
                }
                tx.delete(OLD_LINK_TAG, ClientItem.linkKey(sourceId, bookingId), null);
                try {
                    table.write(tx);
                    break;
                } catch (TransactionFailedException e) {
                    ClientService.retryOrGiveUp(attempt);
                }
            }
        }
    }

    // ----------------------------------------------------------------------------------------------- export

    /** Everything the practice holds on the client (GDPR Art. 15, 20), as one JSON document. */
    /** {@code mergedFrom}: the ids of the records merged into this one (directly or through one merged earlier). */
    public record ClientExport(String exportedAt, ClientView client, List<BookingView> bookings,
                               List<ExportedNote> notes, List<ExportedInvoice> invoices, List<ExportedAuditEntry> auditEntries,
                               List<String> mergedFrom) {
    }

    public record ExportedNote(String id, String bookingId, String text, String authorUserId, String createdAt) {
    }

    public record ExportedInvoice(String id, String bookingId, String appointmentDate, String serviceId, long amountCents,
                                  String currency, String recipientName, String recipientEmail, String status,
                                  String createdAt) {
    }

    public record ExportedAuditEntry(long seq, String eventId, String action, String targetType, String targetId,
                                     String actorUserId, String actorKind, String channel, String at) {
    }

    public ClientExport export(Principal principal, String clientId, String requestId) {
        Snapshot read = table.read(List.of(UserItem.key(principal.userId()), ClientItem.key(clientId)));
        Membership me = access.membership(principal, read);
        access.requireOwner(me);
        ClientRecord record = clients.active(me, read, clientId);
        List<String> ids = bookingIds(clientId);
        Snapshot found = table.readAll(ids.stream().map(BookingItem::key).toList());
        List<Booking> bookings = found.all(BookingItem::fromItem).stream()
                .filter(b -> clientId.equals(b.client().clientId()) && b.accountId().equals(me.accountId()))
                .sorted(Comparator.comparing(b -> b.interval().start())).toList();
        Set<String> bookingIds = new HashSet<>();
        bookings.forEach(b -> bookingIds.add(b.id()));
        List<ExportedNote> notes = new ArrayList<>();
        for (Booking b : bookings) {
            notesOf(b.id()).forEach(n -> notes.add(new ExportedNote(n.id(), n.bookingId(), n.text(), n.authorUserId(),
                    n.createdAt().toString())));
        }
        List<ExportedInvoice> invoices = invoicesOf(me.accountId(), bookingIds).stream()
                .map(i -> new ExportedInvoice(i.id(), i.bookingId(), i.appointmentDate().toString(), i.serviceId(),
                        i.amountCents(), i.currency(), i.recipientName(), i.recipientEmail(), i.status(),
                        i.createdAt().toString())).toList();
        Set<String> targets = new HashSet<>(bookingIds);
        targets.add(clientId);
        notes.forEach(n -> targets.add(n.id()));
        invoices.forEach(i -> targets.add(i.id()));
        List<AuditEntry> trail = auditTrail(me.accountId());
        List<String> mergedFrom = mergedInto(trail, clientId);
        targets.addAll(mergedFrom);
        List<ExportedAuditEntry> entries = trail.stream().filter(e -> targets.contains(e.target().id()))
                .map(e -> new ExportedAuditEntry(e.seq(), e.eventId(), e.action(), e.target().type(), e.target().id(),
                        e.actor().userId(), e.actor().kind(), e.channel(), e.at().toString())).toList();
        Instant now = clock.instant();
        Events events = access.events(me, requestId, now);
        table.write(table.transaction().with(events.emit(me.accountId(), "client.exported",
                "client", clientId, Map.of())));
        return new ClientExport(now.toString(), ClientView.of(record),
                bookings.stream().map(b -> BookingView.of(b, me.timeZone())).toList(), notes, invoices, entries, mergedFrom);
    }

    /** A client's appointments for the record's page. */
    public record ClientBookingsView(List<BookingView> items) {
    }

    /**
     * The client's bookings (owner, staff with documentation), oldest first, from the links their transactions
     * wrote; a staff read leaves a {@code client.viewed} audit entry as reading the record does.
     */
    public ClientBookingsView bookings(Principal principal, String clientId, String requestId) {
        Snapshot read = table.read(List.of(UserItem.key(principal.userId()), ClientItem.key(clientId)));
        Membership me = access.member(principal, read, StaffScopes.DOCUMENTATION);
        clients.active(me, read, clientId);
        List<String> ids = bookingIds(clientId);
        Snapshot found = table.readAll(ids.stream().map(BookingItem::key).toList());
        List<BookingView> items = found.all(BookingItem::fromItem).stream()
                .filter(b -> clientId.equals(b.client().clientId()) && b.accountId().equals(me.accountId()))
                .sorted(Comparator.comparing(b -> b.interval().start()))
                .map(b -> BookingView.of(b, me.timeZone())).toList();
        clients.logStaffRead(me, "client.viewed", "client", clientId, requestId);
        return new ClientBookingsView(items);
    }

    /** The account's whole audit trail in chain order (the export needs it all: ids only, no client data). */
    private List<AuditEntry> auditTrail(String accountId) {
        return audit.all(Query.partition(AuditItem.ACCOUNT_PREFIX + accountId).sortBeginsWith(AuditItem.ENTRY_PREFIX),
                AuditItem::fromItem);
    }

    /**
     * The records merged into {@code clientId}, also through chains (A into B, then B into C: both for C), from the
     * trail's {@code client.merged} entries, which name the merged record and carry {@code mergedInto}. The trail is
     * the one store that keeps the relation after the source became a tombstone, so merges from before this export
     * existed are found too.
     */
    static List<String> mergedInto(List<AuditEntry> trail, String clientId) {
        Map<String, List<String>> sourcesByTarget = new java.util.HashMap<>();
        for (AuditEntry e : trail) {
            Change into = e.changes() == null ? null : e.changes().get("mergedInto");
            if ("client.merged".equals(e.action()) && into != null && into.to() != null) {
                sourcesByTarget.computeIfAbsent(into.to(), k -> new ArrayList<>()).add(e.target().id());
            }
        }
        Set<String> found = new java.util.LinkedHashSet<>();
        java.util.Deque<String> todo = new java.util.ArrayDeque<>(List.of(clientId));
        while (!todo.isEmpty()) {
            for (String source : sourcesByTarget.getOrDefault(todo.pop(), List.of())) {
                if (!source.equals(clientId) && found.add(source)) {
                    todo.push(source);
                }
            }
        }
        return List.copyOf(found);
    }

    // ---------------------------------------------------------------------------------------------- erasure

    /**
     * Erases the client (GDPR Art. 17): the record and its directory entries, the client's name and contact data
     * on every booking and its calendar entries (time and room stay, so occupancy and quotas stay true), the
     * session notes of those bookings; invoices within their retention keep the recipient's name, lose the email
     * and are marked restricted (Art. 18), older ones are deleted. Refused while the client has future confirmed
     * bookings (cancel or re-assign them first). The audit trail is not touched: it never held client data.
     */
    public void erase(Principal principal, String clientId, String requestId) {
        for (int attempt = 1; ; attempt++) {
            Snapshot read = table.read(List.of(UserItem.key(principal.userId()), ClientItem.key(clientId)));
            Membership me = access.membership(principal, read);
            access.requireOwner(me);
            ClientRecord record = record(me, read, clientId)
                    .filter(r -> r.active() || ClientRecord.ERASED.equals(r.status()))
                    .orElseThrow(() -> new NotFoundException(ErrorCodes.NOT_FOUND, "client not found"));
            Instant now = clock.instant();
            List<String> ids = bookingIds(clientId);
            if (record.active()) {
                Snapshot found = table.readAll(ids.stream().map(BookingItem::key).toList());
                long future = found.all(BookingItem::fromItem).stream()
                        .filter(b -> b.status() == BookingStatus.CONFIRMED && b.interval().end().isAfter(now)).count();
                if (future > 0) {
                    throw new ConflictException(ErrorCodes.CLIENT_HAS_FUTURE_BOOKINGS, "the client has " + future
                            + " upcoming appointment(s); cancel them before erasing the client");
                }
                Events events = access.events(me, requestId, now);
                Transaction tx = table.transaction().put(ClientItem.TAG,
                        ClientItem.tombstone(record, ClientRecord.ERASED, null, now), ClientService.unchanged(record));
                ClientService.replaceDirectory(tx, record, null);
                if (record.email() != null) { // the online-booking counter keyed by the email's hash
                    tx.delete(ONLINE_COUNTER_TAG, com.practicecal.shared.booking.OnlineCounterItem.clientKey(me.accountId(),
                            record.email()), null);
                }
                tx.with(events.emit(me.accountId(), "client.erased", "client", clientId,
                        Map.of("bookings", new Change(null, Integer.toString(ids.size())))));
                try {
                    table.write(tx); // from here on, no booking can name the client
                } catch (TransactionFailedException e) {
                    ClientService.retryOrGiveUp(attempt); // a booking for the client came in: look again
                    continue;
                }
            }
            Set<String> bookingSet = new HashSet<>(ids);
            List<InvoiceItem.Invoice> invoices = invoicesOf(me.accountId(), bookingSet);
            for (String bookingId : ids) {
                strip(me, clientId, bookingId, invoices.stream().filter(i -> bookingId.equals(i.bookingId())).toList(), now);
            }
            return;
        }
    }

    /** One booking: client data off the booking and its agenda, notes deleted, invoices restricted, link gone. */
    private void strip(Membership me, String clientId, String bookingId, List<InvoiceItem.Invoice> invoices, Instant now) {
        for (int attempt = 1; ; attempt++) {
            Booking before = booking(bookingId);
            Transaction tx = table.transaction();
            if (before != null && clientId.equals(before.client().clientId())) {
                BookingClientWrites.replaceClient(tx, before, Client.erased(), me.userId(), now);
                // stored Idempotency-Key responses naming the client (the booking's version condition above makes a
                // concurrent idempotent move that wrote a new one retry this after it)
                idempotencyErasures(bookingId).forEach(tx::with);
                if (before.client().email() != null) { // an online booking's counter, keyed by its email's hash
                    tx.delete(ONLINE_COUNTER_TAG.per(bookingId), com.practicecal.shared.booking.OnlineCounterItem.clientKey(me.accountId(),
                            before.client().email()), null);
                }
                for (NoteItem.Note note : notesOf(bookingId)) {
                    tx.delete(NoteItem.TAG, NoteItem.key(bookingId, note), null);
                }
                Instant retentionStart = now.atOffset(ZoneOffset.UTC).minus(INVOICE_RETENTION).toInstant();
                for (InvoiceItem.Invoice invoice : invoices) {
                    if (invoice.createdAt().isBefore(retentionStart)) {
                        tx.delete(InvoiceItem.TAG, InvoiceItem.key(invoice.id()), null);
                    } else {
                        tx.update(InvoiceItem.TAG, InvoiceItem.key(invoice.id()), Expression
                                .update("SET #restricted = :yes REMOVE #email")
                                .name("#restricted", InvoiceItem.RESTRICTED).name("#email", "recipientEmail")
                                .value(":yes", Attr.bool(true)));
                    }
                }
            }
            tx.delete(ClientItem.LINK_TAG, ClientItem.linkKey(clientId, bookingId), null);
            try {
                table.write(tx);
                return;
            } catch (TransactionFailedException e) {
                ClientService.retryOrGiveUp(attempt);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ reads

    private java.util.Optional<ClientRecord> record(Membership me, Snapshot read, String clientId) {
        return read.get(ClientItem.key(clientId), ClientItem::fromItem).filter(r -> r.accountId().equals(me.accountId()));
    }

    /** The client's bookings, from the links their transactions wrote. */
    List<String> bookingIds(String clientId) {
        return table.all(Query.partition(ClientItem.PREFIX + clientId).sortBeginsWith(ClientItem.LINK_PREFIX).consistent(),
                ClientItem::linkedBookingId);
    }

    private Booking booking(String bookingId) {
        return table.read(List.of(BookingItem.key(bookingId))).get(BookingItem.key(bookingId), BookingItem::fromItem)
                .orElse(null);
    }

    /** Erasing the booking's stored Idempotency-Key responses (read strongly consistent, all pages). */
    private List<Consumer<Transaction>> idempotencyErasures(String bookingId) {
        return table.all(Query.partition(BookingItem.PREFIX + bookingId).sortBeginsWith(IdempotencyItem.PREFIX).consistent(),
                link -> tx -> IdempotencyItem.erase(tx, link));
    }

    private List<NoteItem.Note> notesOf(String bookingId) {
        return table.page(Query.partition(BookingItem.PREFIX + bookingId).sortBeginsWith(NoteItem.PREFIX).consistent(),
                NoteItem::fromItem).items();
    }

    private List<InvoiceItem.Invoice> invoicesOf(String accountId, Set<String> bookingIds) {
        if (bookingIds.isEmpty()) {
            return List.of();
        }
        return table.all(Query.gsi1(InvoiceItem.listPartition(accountId)), InvoiceItem::fromItem).stream()
                .filter(i -> bookingIds.contains(i.bookingId())).toList();
    }
}
