package com.practicecal.functions.createfeed;

import com.practicecal.shared.api.ApiFunction;
import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.feed.CreateFeedRequest;
import com.practicecal.shared.feed.FeedService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/** Creates a secret calendar feed; the response shows its URL (with the token) once. */
public class CreateFeedHandler extends ApiFunction {
    @Inject
    FeedService feeds;

    public CreateFeedHandler() {
    }

    public CreateFeedHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.created(feeds.create(request.principal(), CreateFeedRequest.from(request), request));
    }
}
