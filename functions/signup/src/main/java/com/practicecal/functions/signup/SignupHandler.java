package com.practicecal.functions.signup;

import com.practicecal.shared.account.ConfirmSignupRequest;
import com.practicecal.shared.account.ResendCodeRequest;
import com.practicecal.shared.account.SignupRequest;
import com.practicecal.shared.account.SignupService;
import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.api.RoutedFunction;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/** Sign-up with proof of email ownership: start (Cognito e-mails a code), confirm with the code, a new code. */
public class SignupHandler extends RoutedFunction {
    @Inject
    SignupService signups;

    public SignupHandler() {
    }

    public SignupHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected Map<String, Route> routes() {
        return Map.ofEntries(
                route("POST /v1/signup", this::signup),
                route("POST /v1/signup/confirm", this::confirm),
                route("POST /v1/signup/resend", this::resend));
    }

    @Override
    protected List<Class<?>> primingTypes() {
        return List.of(SignupRequest.class, ConfirmSignupRequest.class, ResendCodeRequest.class);
    }

    /** Sign-up has no read route: its priming request is a sign-up without fields (422 before Cognito is called). */
    @Override
    protected Map<String, String> primingBodies() {
        return Map.of("POST /v1/signup", "{}");
    }

    /** An unconfirmed login and a pending sign-up; nothing is bound to the address yet. */
    private ApiResponse signup(ApiRequest request) {
        return ApiResponse.json(202, signups.signup(request.body(SignupRequest.class)));
    }

    /** The e-mailed code (and the sign-up's password) create the practice account and its owner login. */
    private ApiResponse confirm(ApiRequest request) {
        return ApiResponse.created(signups.confirm(request.body(ConfirmSignupRequest.class), request.requestId()));
    }

    private ApiResponse resend(ApiRequest request) {
        return ApiResponse.json(202, signups.resend(request.body(ResendCodeRequest.class)));
    }
}
