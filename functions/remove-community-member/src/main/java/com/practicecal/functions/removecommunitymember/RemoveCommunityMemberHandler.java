package com.practicecal.functions.removecommunitymember;

import com.practicecal.shared.api.ApiFunction;
import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.community.CommunityService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/** Leaves the community (own account) or removes a member (community owner). */
public class RemoveCommunityMemberHandler extends ApiFunction {
    @Inject
    CommunityService communities;

    public RemoveCommunityMemberHandler() {
    }

    public RemoveCommunityMemberHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        communities.removeMember(request.principal(), request.pathParam("accountId"), request.requestId());
        return ApiResponse.noContent();
    }
}
