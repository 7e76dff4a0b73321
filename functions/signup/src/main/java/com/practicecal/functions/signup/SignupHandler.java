package com.practicecal.functions.signup;

import com.practicecal.shared.account.AccountService;
import com.practicecal.shared.account.SignupRequest;
import com.practicecal.shared.api.ApiFunction;
import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/** Creates a practice account and its owner login. */
public class SignupHandler extends ApiFunction {
    @Inject
    AccountService accounts;

    public SignupHandler() {
    }

    public SignupHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.created(accounts.signup(request.body(SignupRequest.class), request.requestId()));
    }
}
