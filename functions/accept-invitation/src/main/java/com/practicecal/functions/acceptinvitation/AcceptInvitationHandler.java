package com.practicecal.functions.acceptinvitation;

import com.practicecal.shared.api.ApiFunction;
import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.community.CommunityService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/** Accepts an invitation: the account joins the community. */
public class AcceptInvitationHandler extends ApiFunction {
    @Inject
    CommunityService communities;

    public AcceptInvitationHandler() {
    }

    public AcceptInvitationHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(communities.accept(request.principal(), request.pathParam("invitationId"), request.requestId()));
    }
}
