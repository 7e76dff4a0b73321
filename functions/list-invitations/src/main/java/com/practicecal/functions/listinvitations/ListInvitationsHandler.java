package com.practicecal.functions.listinvitations;

import com.practicecal.shared.api.ApiFunction;
import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.community.CommunityService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/** Incoming and outgoing community invitations. */
public class ListInvitationsHandler extends ApiFunction {
    @Inject
    CommunityService communities;

    public ListInvitationsHandler() {
    }

    public ListInvitationsHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(communities.invitations(request.principal()));
    }
}
