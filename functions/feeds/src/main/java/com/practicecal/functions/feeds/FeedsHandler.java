package com.practicecal.functions.feeds;

import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.api.RoutedFunction;
import com.practicecal.shared.feed.FeedDocument;
import com.practicecal.shared.feed.FeedService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.Map;

/** Public calendar feed (iCalendar). */
public class FeedsHandler extends RoutedFunction {
    @Inject
    FeedService feeds;

    public FeedsHandler() {
    }

    public FeedsHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected Map<String, Route> routes() {
        return Map.ofEntries(
                route("GET /v1/public/feeds/{file}", this::publicFeed));
    }

    /** A calendar feed as RFC 5545 text/calendar (public: the secret token in the path is the credential). */
    private ApiResponse publicFeed(ApiRequest request) {
        FeedDocument document = feeds.document(request.pathParam("file"));
        return ApiResponse.tagged(document.matches(request.header("If-None-Match")), document.body(),
                document.contentType(), document.etag(), FeedDocument.CACHE_CONTROL);
    }
}
