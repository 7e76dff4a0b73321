package com.practicecal.shared.delegation;

import com.practicecal.shared.account.Membership;
import com.practicecal.shared.auth.AccessPolicy;
import com.practicecal.shared.auth.Principal;
import com.practicecal.shared.booking.BookingCaller;
import com.practicecal.shared.booking.BookingQuery;
import com.practicecal.shared.booking.BookingService;
import com.practicecal.shared.booking.BookingView;
import com.practicecal.shared.booking.CreateBookingRequest;
import com.practicecal.shared.booking.Idempotency;
import com.practicecal.shared.booking.MoveBookingRequest;
import com.practicecal.shared.calendar.CalendarQuery;
import com.practicecal.shared.calendar.CalendarService;
import com.practicecal.shared.calendar.CalendarView;
import com.practicecal.shared.grant.Grant;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * A grantee working in a colleague's calendar under /v1/accounts/{accountId}/...: the same booking rules and
 * transactions as the owner's own calendar, the grant checked on every request (and re-checked by every write),
 * and every answer cut down by the access policy to what booking needs.
 */
@Singleton
public class DelegatedBookingService {
    private final BookingService bookings;
    private final CalendarService calendar;
    private final AccessPolicy access;

    public DelegatedBookingService(BookingService bookings, CalendarService calendar, AccessPolicy access) {
        this.bookings = bookings;
        this.calendar = calendar;
        this.access = access;
    }

    public CalendarView calendar(Principal principal, String accountId, CalendarQuery query) {
        return calendar.calendar(read(principal, accountId), accountId, query);
    }

    public BookingView.Page list(Principal principal, String accountId, BookingQuery query) {
        Membership me = bookings.resolve(read(principal, accountId));
        BookingView.Page page = bookings.listFor(me, query);
        return new BookingView.Page(page.items().stream().map(b -> access.project(b, me)).toList(), page.nextCursor());
    }

    public BookingView get(Principal principal, String accountId, String bookingId) {
        BookingCaller caller = read(principal, accountId);
        return shaped(caller, bookings.get(caller, bookingId)); // one read: the caller resolves inside get
    }

    /** A grantee may enter full client contact data; it is stored for the account but not shown back. */
    public BookingView create(Principal principal, String accountId, CreateBookingRequest request,
                              Optional<String> idempotencyKey, String requestId) {
        BookingCaller caller = write(principal, accountId);
        BookingView view = bookings.create(caller, new BookingService.NewBooking(null, request.roomId(), request.interval(),
                request.toClient(), null, null), Idempotency.of(idempotencyKey, caller.idempotencyScope(),
                "POST /v1/accounts/" + accountId + "/bookings", request), requestId);
        return shaped(caller, view);
    }

    public BookingView move(Principal principal, String accountId, String bookingId, MoveBookingRequest request,
                            Optional<String> idempotencyKey, String requestId) {
        BookingCaller caller = write(principal, accountId);
        return shaped(caller, bookings.move(caller, bookingId, request.room(), request.interval(), false,
                before -> { }, Idempotency.of(idempotencyKey, caller.idempotencyScope(),
                        "PATCH /v1/accounts/" + accountId + "/bookings/" + bookingId, request), requestId));
    }

    public void cancel(Principal principal, String accountId, String bookingId, String requestId) {
        bookings.cancel(write(principal, accountId), bookingId, before -> { }, requestId);
    }

    /** Shaped for whoever the caller turned out to be: the owner on its own calendar, or a grantee. */
    private BookingView shaped(BookingCaller caller, BookingView view) {
        return caller.resolved().map(me -> access.project(view, me)).orElseGet(view::forGrantee);
    }

    private BookingCaller read(Principal principal, String accountId) {
        return BookingCaller.delegated(principal, accountId, Grant.READ, access);
    }

    private BookingCaller write(Principal principal, String accountId) {
        return BookingCaller.delegated(principal, accountId, Grant.WRITE, access);
    }
}
