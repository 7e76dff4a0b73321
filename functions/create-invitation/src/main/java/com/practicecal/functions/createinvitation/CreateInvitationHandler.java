package com.practicecal.functions.createinvitation;

import com.practicecal.shared.api.ApiFunction;
import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.community.CommunityService;
import com.practicecal.shared.community.InvitationRequest;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/** Invites another practice into the caller's calendar community. */
public class CreateInvitationHandler extends ApiFunction {
    @Inject
    CommunityService communities;

    public CreateInvitationHandler() {
    }

    public CreateInvitationHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.created(communities.invite(request.principal(), request.body(InvitationRequest.class),
                request.requestId()));
    }
}
