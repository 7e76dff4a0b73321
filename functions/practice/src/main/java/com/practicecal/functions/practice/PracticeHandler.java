package com.practicecal.functions.practice;

import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.api.RoutedFunction;
import com.practicecal.shared.practice.PracticeRequests;
import com.practicecal.shared.practice.PracticeService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/** Practice records: notes, invoices, reports, finances. */
public class PracticeHandler extends RoutedFunction {
    @Inject
    PracticeService practice;

    public PracticeHandler() {
    }

    public PracticeHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected Map<String, Route> routes() {
        return Map.ofEntries(
                route("POST /v1/bookings/{bookingId}/notes", this::addNote),
                route("GET /v1/bookings/{bookingId}/notes", this::listNotes),
                route("POST /v1/invoices", this::createInvoice),
                route("GET /v1/invoices", this::listInvoices),
                route("PATCH /v1/invoices/{invoiceId}", this::updateInvoice),
                route("GET /v1/reports/monthly", this::monthlyReport),
                route("GET /v1/finances/revenue", this::revenueSummary));
    }

    @Override
    protected List<Class<?>> primingTypes() {
        return List.of(PracticeRequests.NoteRequest.class,
                PracticeRequests.InvoiceRequest.class,
                PracticeRequests.InvoiceStatusRequest.class);
    }

    /** Adds a session note to a booking (documentation scope). */
    private ApiResponse addNote(ApiRequest request) {
        return ApiResponse.created(practice.addNote(request.principal(), request.pathParam("bookingId"),
                request.body(PracticeRequests.NoteRequest.class), request.requestId()));
    }

    /** A booking's session notes (documentation scope); non-owner reads are audited. */
    private ApiResponse listNotes(ApiRequest request) {
        return ApiResponse.ok(practice.notes(request.principal(), request.pathParam("bookingId"), request.requestId()));
    }

    /** Creates an invoice for a booking (invoicing scope). */
    private ApiResponse createInvoice(ApiRequest request) {
        return ApiResponse.created(practice.createInvoice(request.principal(), request.body(PracticeRequests.InvoiceRequest.class),
                request.requestId()));
    }

    /** The practice's invoices (invoicing scope). */
    private ApiResponse listInvoices(ApiRequest request) {
        return ApiResponse.ok(practice.invoices(request.principal(), request.requestId()));
    }

    /** Marks an invoice paid or open (invoicing scope). */
    private ApiResponse updateInvoice(ApiRequest request) {
        return ApiResponse.ok(practice.setInvoiceStatus(request.principal(), request.pathParam("invoiceId"),
                request.body(PracticeRequests.InvoiceStatusRequest.class), request.requestId()));
    }

    /** Appointments of a month per room and service (reports scope). */
    private ApiResponse monthlyReport(ApiRequest request) {
        return ApiResponse.ok(practice.monthlyReport(request.principal(), request.query("month").orElse(null)));
    }

    /** Paid and open invoice totals (finances scope). */
    private ApiResponse revenueSummary(ApiRequest request) {
        return ApiResponse.ok(practice.revenue(request.principal()));
    }
}
