package com.practicecal.functions.monthlyreport;

import com.practicecal.shared.api.ApiFunction;
import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.practice.PracticeService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/** Appointments of a month per room and service (reports scope). */
public class MonthlyReportHandler extends ApiFunction {
    @Inject
    PracticeService practice;

    public MonthlyReportHandler() {
    }

    public MonthlyReportHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(practice.monthlyReport(request.principal(), request.query("month").orElse(null)));
    }
}
