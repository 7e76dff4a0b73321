package com.practicecal.functions.declineinvitation;

import com.practicecal.shared.api.ApiFunction;
import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.community.CommunityService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/** Declines an invitation. */
public class DeclineInvitationHandler extends ApiFunction {
    @Inject
    CommunityService communities;

    public DeclineInvitationHandler() {
    }

    public DeclineInvitationHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        communities.decline(request.principal(), request.pathParam("invitationId"), request.requestId());
        return ApiResponse.noContent();
    }
}
