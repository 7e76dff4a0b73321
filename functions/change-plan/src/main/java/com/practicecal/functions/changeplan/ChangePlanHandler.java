package com.practicecal.functions.changeplan;

import com.practicecal.shared.account.AccountService;
import com.practicecal.shared.account.PlanChangeRequest;
import com.practicecal.shared.api.ApiFunction;
import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/** The owner changes the account's plan. */
public class ChangePlanHandler extends ApiFunction {
    @Inject
    AccountService accounts;

    public ChangePlanHandler() {
    }

    public ChangePlanHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(accounts.changePlan(request.principal(), request.body(PlanChangeRequest.class), request.requestId()));
    }
}
