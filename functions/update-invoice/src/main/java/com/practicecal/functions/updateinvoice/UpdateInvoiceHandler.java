package com.practicecal.functions.updateinvoice;

import com.practicecal.shared.api.ApiFunction;
import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.practice.PracticeRequests;
import com.practicecal.shared.practice.PracticeService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/** Marks an invoice paid or open (invoicing scope). */
public class UpdateInvoiceHandler extends ApiFunction {
    @Inject
    PracticeService practice;

    public UpdateInvoiceHandler() {
    }

    public UpdateInvoiceHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(practice.setInvoiceStatus(request.principal(), request.pathParam("invoiceId"),
                request.body(PracticeRequests.InvoiceStatusRequest.class), request.requestId()));
    }
}
