package com.practicecal.functions.accounts;

import com.practicecal.shared.accounts.AccountService;
import com.practicecal.shared.account.PlanChangeRequest;
import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.api.RoutedFunction;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/** Accounts: public configuration, the caller, plan changes. */
public class AccountsHandler extends RoutedFunction {
    @Inject
    AccountService accounts;

    public AccountsHandler() {
    }

    public AccountsHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected Map<String, Route> routes() {
        return Map.ofEntries(
                route("GET /v1/public/config", this::publicConfig),
                route("GET /v1/me", this::getMe),
                route("PUT /v1/account/plan", this::changePlan));
    }

    @Override
    protected List<Class<?>> primingTypes() {
        return List.of(PlanChangeRequest.class);
    }

    /** Tells a frontend how to log in with Cognito. */
    private ApiResponse publicConfig(ApiRequest request) {
        return ApiResponse.ok(accounts.publicConfig());
    }

    /** The caller's account, plan, role and time zone. */
    private ApiResponse getMe(ApiRequest request) {
        return ApiResponse.ok(accounts.me(request.principal()));
    }

    /** The owner changes the account's plan. */
    private ApiResponse changePlan(ApiRequest request) {
        return ApiResponse.ok(accounts.changePlan(request.principal(), request.body(PlanChangeRequest.class), request.requestId()));
    }
}
