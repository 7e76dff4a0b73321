package com.practicecal.functions.listfeeds;

import com.practicecal.shared.api.ApiFunction;
import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.feed.FeedService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/** Lists the account's calendar feeds (without their URLs). */
public class ListFeedsHandler extends ApiFunction {
    @Inject
    FeedService feeds;

    public ListFeedsHandler() {
    }

    public ListFeedsHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(feeds.list(request.principal()));
    }
}
