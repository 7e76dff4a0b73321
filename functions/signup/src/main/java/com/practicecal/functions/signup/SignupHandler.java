package com.practicecal.functions.signup;

import com.practicecal.shared.account.SignupRequest;
import com.practicecal.shared.account.SignupService;
import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.api.RoutedFunction;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.Map;

/** Sign-up: practice account and owner login (Cognito admin). */
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
                route("POST /v1/signup", this::signup));
    }

    /** Creates a practice account and its owner login. */
    private ApiResponse signup(ApiRequest request) {
        return ApiResponse.created(signups.signup(request.body(SignupRequest.class), request.requestId()));
    }
}
