package com.practicecal.functions.publicfeed;

import com.practicecal.shared.api.ApiFunction;
import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.feed.FeedService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/** A calendar feed as RFC 5545 text/calendar (public: the secret token in the path is the credential). */
public class PublicFeedHandler extends ApiFunction {
    @Inject
    FeedService feeds;

    public PublicFeedHandler() {
    }

    public PublicFeedHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return feeds.document(request.pathParam("file")).toResponse(request.header("If-None-Match"));
    }
}
