package com.practicecal.shared.webhook;

import com.practicecal.shared.error.ValidationException;
import java.util.LinkedHashSet;
import java.util.List;

/** Checks shared by the create and update bodies. */
final class WebhookRequests {
    static final int MAX_URL = 2048;

    private WebhookRequests() {
    }

    /** At least one event type, each from {@link WebhookEventTypes#ALL}; duplicates removed, order kept. */
    static List<String> events(List<String> events) {
        if (events == null || events.isEmpty()) {
            throw new ValidationException("events", "must name at least one event type");
        }
        LinkedHashSet<String> unique = new LinkedHashSet<>();
        for (int i = 0; i < events.size(); i++) {
            String type = events.get(i);
            if (type == null || !WebhookEventTypes.supported(type)) {
                throw new ValidationException("events[" + i + "]", "must be one of " + WebhookEventTypes.ALL);
            }
            unique.add(type);
        }
        return List.copyOf(unique);
    }

    static String url(String url) {
        if (url == null || url.isBlank()) {
            throw new ValidationException("url", "is required");
        }
        if (url.length() > MAX_URL) {
            throw new ValidationException("url", "must be at most " + MAX_URL + " characters");
        }
        return url.strip();
    }
}
