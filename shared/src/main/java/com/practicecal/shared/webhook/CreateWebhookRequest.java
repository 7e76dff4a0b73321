package com.practicecal.shared.webhook;

import com.practicecal.shared.validation.Validatable;
import java.util.List;

/** POST /v1/webhooks. The URL's safety (https, public address) is checked by {@link UrlGuard} in the service. */
public record CreateWebhookRequest(String url, List<String> events) implements Validatable {
    @Override
    public void validate() {
        WebhookRequests.url(url);
        WebhookRequests.events(events);
    }

    public String cleanUrl() {
        return WebhookRequests.url(url);
    }

    public List<String> cleanEvents() {
        return WebhookRequests.events(events);
    }
}
