package com.practicecal.functions.getme;

import com.practicecal.shared.account.AccountService;
import com.practicecal.shared.api.ApiFunction;
import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/** The caller's account, plan, role and time zone. */
public class GetMeHandler extends ApiFunction {
    @Inject
    AccountService accounts;

    public GetMeHandler() {
    }

    public GetMeHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(accounts.me(request.principal()));
    }
}
