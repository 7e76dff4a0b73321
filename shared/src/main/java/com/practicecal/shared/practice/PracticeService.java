package com.practicecal.shared.practice;

import com.practicecal.shared.error.ConflictException;
import com.practicecal.shared.store.Transaction;
import com.practicecal.shared.account.Membership;
import com.practicecal.shared.account.Role;
import com.practicecal.shared.account.UserItem;
import com.practicecal.shared.auth.AccessPolicy;
import com.practicecal.shared.auth.Principal;
import com.practicecal.shared.booking.Booking;
import com.practicecal.shared.booking.BookingItem;
import com.practicecal.shared.booking.BookingQuery;
import com.practicecal.shared.booking.BookingService;
import com.practicecal.shared.booking.BookingView;
import com.practicecal.shared.error.ErrorCodes;
import com.practicecal.shared.error.NotFoundException;
import com.practicecal.shared.error.ValidationException;
import com.practicecal.shared.event.Change;
import com.practicecal.shared.event.Events;
import com.practicecal.shared.practice.PracticeRequests.InvoiceView;
import com.practicecal.shared.practice.PracticeRequests.NoteView;
import com.practicecal.shared.staff.StaffScopes;
import com.practicecal.shared.store.Condition;
import com.practicecal.shared.store.MainTable;
import com.practicecal.shared.store.Query;
import com.practicecal.shared.store.Snapshot;
import com.practicecal.shared.store.TransactionFailedException;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The practice resources behind the staff scopes: session notes ({@code documentation}), invoices
 * ({@code invoicing}), the monthly report ({@code reports}) and the revenue summary ({@code finances}). Each
 * checks its scope through the access policy; events and audit entries carry ids and amounts, never note text.
 */
@Singleton
public class PracticeService {

    private final MainTable table;
    private final AccessPolicy access;
    private final BookingService bookings;
    private final Clock clock;

    public PracticeService(MainTable table, AccessPolicy access, BookingService bookings, Clock clock) {
        this.table = table;
        this.access = access;
        this.bookings = bookings;
        this.clock = clock;
    }

    public NoteView addNote(Principal principal, String bookingId, PracticeRequests.NoteRequest request, String requestId) {
        Snapshot read = table.read(List.of(UserItem.key(principal.userId()), BookingItem.key(bookingId)));
        Membership me = access.member(principal, read, StaffScopes.DOCUMENTATION);
        Booking booking = ownBooking(me, read, bookingId);
        Instant now = clock.instant();
        NoteItem.Note note = new NoteItem.Note(UUID.randomUUID().toString(), booking.id(), me.accountId(), request.clean(),
                me.userId(), now);
        Events events = access.events(me, requestId, now);
        Transaction tx = table.transaction()
                .put(NoteItem.TAG, NoteItem.toItem(note), Condition.NEW_ITEM)
                .with(events.emit(me.accountId(), "note.created", "note", note.id(),
                        Map.of("bookingId", new Change(null, booking.id()))));
        writeAsStaff(principal, me, StaffScopes.DOCUMENTATION, tx);
        return view(note);
    }

    public PracticeRequests.Notes notes(Principal principal, String bookingId, String requestId) {
        Snapshot read = table.read(List.of(UserItem.key(principal.userId()), BookingItem.key(bookingId)));
        Membership me = access.member(principal, read, StaffScopes.DOCUMENTATION);
        Booking booking = ownBooking(me, read, bookingId);
        List<NoteItem.Note> notes = table.page(Query.partition(BookingItem.PREFIX + booking.id())
                .sortBeginsWith(NoteItem.PREFIX).consistent(), NoteItem::fromItem).items();
        if (me.role() != Role.OWNER) {
            Events events = access.events(me, requestId, clock.instant());
            table.write(table.transaction().with(events.emit(me.accountId(), "notes.viewed",
                    "booking", booking.id(), Map.of())));
        }
        return new PracticeRequests.Notes(notes.stream().map(PracticeService::view).toList());
    }

    public InvoiceView createInvoice(Principal principal, PracticeRequests.InvoiceRequest request, String requestId) {
        Snapshot read = table.read(List.of(UserItem.key(principal.userId()), BookingItem.key(request.bookingId())));
        Membership me = access.member(principal, read, StaffScopes.INVOICING);
        Booking booking;
        try {
            booking = ownBooking(me, read, request.bookingId());
        } catch (NotFoundException e) {
            throw new ValidationException("bookingId", "unknown booking");
        }
        if (request.recipientName() == null && booking.client().name() == null) {
            throw new ValidationException("recipientName", "is required: the booking's client was erased");
        }
        Instant now = clock.instant();
        InvoiceItem.Invoice invoice = new InvoiceItem.Invoice(UUID.randomUUID().toString(), me.accountId(), booking.id(),
                booking.interval().start().atZone(me.timeZone()).toLocalDate(), booking.serviceId(), request.amountCents(),
                request.currency() == null ? "EUR" : request.currency(),
                request.recipientName() == null ? booking.client().name() : request.recipientName().strip(),
                request.recipientEmail() == null ? booking.client().email() : com.practicecal.shared.validation.Check.email("recipientEmail", request.recipientEmail()),
                InvoiceItem.OPEN, now);
        Events events = access.events(me, requestId, now);
        Transaction tx = table.transaction()
                .put(InvoiceItem.TAG, InvoiceItem.toItem(invoice), Condition.NEW_ITEM)
                .with(events.emit(me.accountId(), "invoice.created", "invoice", invoice.id(),
                        Map.of("amountCents", new Change(null, Long.toString(invoice.amountCents())),
                                "status", new Change(null, InvoiceItem.OPEN))));
        writeAsStaff(principal, me, StaffScopes.INVOICING, tx);
        return view(invoice);
    }

    /** Invoices carry the recipient's name and email: staff reading them leave an audit entry (the owner does not). */
    public PracticeRequests.Invoices invoices(Principal principal, String requestId) {
        Membership me = access.member(principal, StaffScopes.INVOICING);
        PracticeRequests.Invoices invoices = new PracticeRequests.Invoices(allInvoices(me).stream()
                .map(PracticeService::view).toList());
        bookings.logContactView(me, "invoices.contact_viewed", "account", me.accountId(), requestId);
        return invoices;
    }

    /**
     * Writes {@code tx} with {@link AccessPolicy#guardStaff}: if the staff member was removed or lost {@code scope}
     * while the write was in flight, nothing commits and their current standing answers (404 removed, 403 scope).
     */
    private void writeAsStaff(Principal principal, Membership me, String scope, Transaction tx) {
        access.guardStaff(tx, me, scope);
        try {
            table.write(tx);
        } catch (TransactionFailedException e) {
            if (!e.failed(AccessPolicy.STAFF_TAG)) {
                throw e;
            }
            access.member(principal, scope); // throws for a removed or downscoped member
            throw new ConflictException(ErrorCodes.CONCURRENT_MODIFICATION, "your access changed meanwhile; retry");
        }
    }

    public InvoiceView setInvoiceStatus(Principal principal, String invoiceId, PracticeRequests.InvoiceStatusRequest request,
                                        String requestId) {
        Snapshot read = table.read(List.of(UserItem.key(principal.userId()), InvoiceItem.key(invoiceId)));
        Membership me = access.member(principal, read, StaffScopes.INVOICING);
        InvoiceItem.Invoice before = read.get(InvoiceItem.key(invoiceId), InvoiceItem::fromItem)
                .filter(invoice -> me.accountId().equals(invoice.accountId()))
                .orElseThrow(() -> new NotFoundException(ErrorCodes.NOT_FOUND, "invoice not found"));
        Events events = access.events(me, requestId, clock.instant());
        Transaction tx = table.transaction()
                .update(InvoiceItem.TAG, InvoiceItem.key(invoiceId), InvoiceItem.setStatus(request.status(), me.accountId()))
                .with(events.emit(me.accountId(), "invoice.status_changed", "invoice",
                        invoiceId, Map.of("status", new Change(before.status(), request.status()))));
        if (me.role() != Role.OWNER) {
            // the answer shows the recipient's name and email
            tx.with(events.emit(me.accountId(), "invoice.contact_viewed", "invoice",
                    invoiceId, Map.of()));
        }
        try {
            writeAsStaff(principal, me, StaffScopes.INVOICING, tx);
        } catch (TransactionFailedException e) {
            throw new NotFoundException(ErrorCodes.NOT_FOUND, "invoice not found");
        }
        return view(new InvoiceItem.Invoice(before.id(), before.accountId(), before.bookingId(), before.appointmentDate(),
                before.serviceId(), before.amountCents(), before.currency(), before.recipientName(), before.recipientEmail(),
                request.status(), before.createdAt(), before.restricted()));
    }

    public PracticeRequests.MonthlyReport monthlyReport(Principal principal, String monthParam) {
        Membership me = access.member(principal, StaffScopes.REPORTS);
        YearMonth month = month(monthParam);
        Instant from = month.atDay(1).atStartOfDay(me.timeZone()).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(me.timeZone()).toInstant();
        Map<String, Integer> byRoom = new TreeMap<>();
        Map<String, Integer> byService = new TreeMap<>();
        int confirmed = 0;
        int cancelled = 0;
        String cursor = null;
        do {
            BookingView.Page page = bookings.listFor(me, new BookingQuery(from, to, BookingQuery.MAX_LIMIT, cursor));
            for (BookingView b : page.items()) {
                if (b.start().toInstant().isBefore(from)) {
                    continue; // started in the previous month
                }
                if ("CANCELLED".equals(b.status())) {
                    cancelled++;
                    continue;
                }
                confirmed++;
                byRoom.merge(b.roomId(), 1, Integer::sum);
                byService.merge(b.serviceId() == null ? "none" : b.serviceId(), 1, Integer::sum);
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return new PracticeRequests.MonthlyReport(month.toString(), confirmed, cancelled, byRoom, byService);
    }

    public PracticeRequests.Revenue revenue(Principal principal) {
        Membership me = access.member(principal, StaffScopes.FINANCES);
        Map<String, Long> paid = new TreeMap<>();
        Map<String, Long> open = new TreeMap<>();
        List<InvoiceItem.Invoice> all = allInvoices(me);
        for (InvoiceItem.Invoice invoice : all) {
            (InvoiceItem.PAID.equals(invoice.status()) ? paid : open).merge(invoice.currency(), invoice.amountCents(), Long::sum);
        }
        return new PracticeRequests.Revenue(paid, open, all.size());
    }

    private List<InvoiceItem.Invoice> allInvoices(Membership me) {
        return table.page(Query.gsi1(InvoiceItem.listPartition(me.accountId())).newestFirst(), InvoiceItem::fromItem)
                .items();
    }

    private Booking ownBooking(Membership me, Snapshot read, String bookingId) {
        Booking booking = read.get(BookingItem.key(bookingId), BookingItem::fromItem)
                .orElseThrow(() -> new NotFoundException(ErrorCodes.NOT_FOUND, "booking not found"));
        access.requireSameAccount(me, booking.accountId());
        return booking;
    }

    private static YearMonth month(String value) {
        if (value == null) {
            throw new ValidationException("month", "query parameter is required, e.g. 2026-11");
        }
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw new ValidationException("month", "must look like 2026-11");
        }
    }

    private static NoteView view(NoteItem.Note note) {
        return new NoteView(note.id(), note.bookingId(), note.text(), note.authorUserId(), note.createdAt().toString());
    }

    private static InvoiceView view(InvoiceItem.Invoice i) {
        return new InvoiceView(i.id(), i.bookingId(), i.appointmentDate().toString(), i.serviceId(), i.amountCents(),
                i.currency(), i.recipientName(), i.recipientEmail(), i.status(), i.createdAt().toString(),
                i.restricted() ? Boolean.TRUE : null);
    }
}
