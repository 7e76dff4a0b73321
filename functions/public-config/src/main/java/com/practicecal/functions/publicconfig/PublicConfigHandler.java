package com.practicecal.functions.publicconfig;

import com.practicecal.shared.account.AccountService;
import com.practicecal.shared.api.ApiFunction;
import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/** Tells a frontend how to log in with Cognito. */
public class PublicConfigHandler extends ApiFunction {
    @Inject
    AccountService accounts;

    public PublicConfigHandler() {
    }

    public PublicConfigHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(accounts.publicConfig());
    }
}
