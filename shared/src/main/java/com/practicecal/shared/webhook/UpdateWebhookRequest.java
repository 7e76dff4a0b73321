package com.practicecal.shared.webhook;

import com.practicecal.shared.validation.Validatable;
import com.practicecal.shared.error.ValidationException;
import java.util.List;

/** PATCH /v1/webhooks/{webhookId}: new event list and/or enabled flag; at least one of them. */
public record UpdateWebhookRequest(List<String> events, Boolean enabled) implements Validatable {
    @Override
    public void validate() {
        if (events == null && enabled == null) {
            throw new ValidationException(null, "name events or enabled");
        }
        if (events != null) {
            WebhookRequests.events(events);
        }
    }

    public List<String> cleanEvents() {
        return events == null ? null : WebhookRequests.events(events);
    }
}
