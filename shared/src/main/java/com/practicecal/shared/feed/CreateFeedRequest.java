package com.practicecal.shared.feed;

import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.Validatable;

/**
 * POST /v1/feeds, body optional: {@code {"includeBusy": true}} adds the community's busy blocks of the therapist's
 * bookable rooms as "Belegt" events (default false). Chosen at creation, so the URL's holder cannot widen it.
 */
public record CreateFeedRequest(Boolean includeBusy) implements Validatable {
    @Override
    public void validate() {
        // one optional boolean: nothing beyond JSON typing to check
    }

    public static CreateFeedRequest from(ApiRequest request) {
        String body = request.body();
        return body == null || body.isBlank() ? new CreateFeedRequest(false) : request.body(CreateFeedRequest.class);
    }

    public boolean busy() {
        return Boolean.TRUE.equals(includeBusy);
    }
}
