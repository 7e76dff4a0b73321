package com.practicecal.shared.feed;

import com.practicecal.shared.validation.Validatable;

/**
 * POST /v1/feeds, body optional: {@code {"includeBusy": true}} adds the community's busy blocks of the therapist's
 * bookable rooms as "Belegt" events (default false). Chosen at creation, so the URL's holder cannot widen it.
 */
public record CreateFeedRequest(Boolean includeBusy) implements Validatable {
    @Override
    public void validate() {
        // one optional boolean: nothing beyond JSON typing to check
    }

    /** What an absent or blank body means. */
    public static CreateFeedRequest defaults() {
        return new CreateFeedRequest(false);
    }

    public boolean busy() {
        return Boolean.TRUE.equals(includeBusy);
    }
}
