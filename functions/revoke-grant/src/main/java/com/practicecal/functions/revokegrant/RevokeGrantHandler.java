package com.practicecal.functions.revokegrant;

import com.practicecal.shared.api.ApiFunction;
import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.grant.GrantService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/** Revokes a grant at once. */
public class RevokeGrantHandler extends ApiFunction {
    @Inject
    GrantService grants;

    public RevokeGrantHandler() {
    }

    public RevokeGrantHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        grants.revoke(request.principal(), request.pathParam("granteeUserId"), request.requestId());
        return ApiResponse.noContent();
    }
}
