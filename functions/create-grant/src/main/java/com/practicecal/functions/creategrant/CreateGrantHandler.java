package com.practicecal.functions.creategrant;

import com.practicecal.shared.api.ApiFunction;
import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.grant.GrantRequest;
import com.practicecal.shared.grant.GrantService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/** The owner grants a colleague access to the calendar (plan L and above). */
public class CreateGrantHandler extends ApiFunction {
    @Inject
    GrantService grants;

    public CreateGrantHandler() {
    }

    public CreateGrantHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.created(grants.grant(request.principal(), request.body(GrantRequest.class), request.requestId()));
    }
}
