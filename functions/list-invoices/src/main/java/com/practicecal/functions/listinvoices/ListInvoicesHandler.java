package com.practicecal.functions.listinvoices;

import com.practicecal.shared.api.ApiFunction;
import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.practice.PracticeService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/** The practice's invoices (invoicing scope). */
public class ListInvoicesHandler extends ApiFunction {
    @Inject
    PracticeService practice;

    public ListInvoicesHandler() {
    }

    public ListInvoicesHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(practice.invoices(request.principal()));
    }
}
