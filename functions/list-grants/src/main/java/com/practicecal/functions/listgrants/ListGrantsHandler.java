package com.practicecal.functions.listgrants;

import com.practicecal.shared.api.ApiFunction;
import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.grant.GrantService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/** Grants given and received. */
public class ListGrantsHandler extends ApiFunction {
    @Inject
    GrantService grants;

    public ListGrantsHandler() {
    }

    public ListGrantsHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(grants.list(request.principal()));
    }
}
