package com.practicecal.functions.deletefeed;

import com.practicecal.shared.api.ApiFunction;
import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.feed.FeedService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/** Deletes a calendar feed; its URL stops working at once. */
public class DeleteFeedHandler extends ApiFunction {
    @Inject
    FeedService feeds;

    public DeleteFeedHandler() {
    }

    public DeleteFeedHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        feeds.delete(request.principal(), request.pathParam("feedId"), request.requestId());
        return ApiResponse.noContent();
    }
}
