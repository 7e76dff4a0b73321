package com.practicecal.functions.revenuesummary;

import com.practicecal.shared.api.ApiFunction;
import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.practice.PracticeService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/** Paid and open invoice totals (finances scope). */
public class RevenueSummaryHandler extends ApiFunction {
    @Inject
    PracticeService practice;

    public RevenueSummaryHandler() {
    }

    public RevenueSummaryHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(practice.revenue(request.principal()));
    }
}
