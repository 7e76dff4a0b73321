package com.practicecal.functions.signup;

import com.practicecal.shared.account.ConfirmSignupRequest;
import com.practicecal.shared.account.ResendCodeRequest;
import com.practicecal.shared.account.SignupRequest;
import com.practicecal.shared.account.SignupService;
import com.practicecal.shared.api.ApiFunction;
import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/** The sign-up context: sign-up, confirmation of the emailed code, a new code. Routes by API Gateway's routeKey. */
public class SignupHandler extends ApiFunction {
    static final String SIGNUP = "POST /v1/signup";
    static final String CONFIRM = "POST /v1/signup/confirm";
    static final String RESEND = "POST /v1/signup/resend";

    @Inject
    SignupService signups;

    public SignupHandler() {
    }

    public SignupHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return switch (request.routeKey()) {
            case CONFIRM -> ApiResponse.created(signups.confirm(request.body(ConfirmSignupRequest.class),
                    request.requestId()));
            case RESEND -> ApiResponse.json(202, signups.resend(request.body(ResendCodeRequest.class)));
            case SIGNUP -> ApiResponse.json(202, signups.signup(request.body(SignupRequest.class)));
            default -> throw new IllegalStateException("SignupFunction does not serve " + request.routeKey());
        };
    }
}
