package com.practicecal.functions.getcommunity;

import com.practicecal.shared.api.ApiFunction;
import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.community.CommunityService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/** The caller's calendar community: members and shared rooms. */
public class GetCommunityHandler extends ApiFunction {
    @Inject
    CommunityService communities;

    public GetCommunityHandler() {
    }

    public GetCommunityHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(communities.view(request.principal()));
    }
}
