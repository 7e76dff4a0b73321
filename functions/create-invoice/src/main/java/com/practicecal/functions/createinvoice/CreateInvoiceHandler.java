package com.practicecal.functions.createinvoice;

import com.practicecal.shared.api.ApiFunction;
import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.practice.PracticeRequests;
import com.practicecal.shared.practice.PracticeService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/** Creates an invoice for a booking (invoicing scope). */
public class CreateInvoiceHandler extends ApiFunction {
    @Inject
    PracticeService practice;

    public CreateInvoiceHandler() {
    }

    public CreateInvoiceHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.created(practice.createInvoice(request.principal(), request.body(PracticeRequests.InvoiceRequest.class),
                request.requestId()));
    }
}
