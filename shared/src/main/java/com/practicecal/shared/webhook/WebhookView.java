package com.practicecal.shared.webhook;

import java.time.Instant;
import java.util.List;

/**
 * An endpoint as its owner sees it. {@code secret} is present only in the responses to create and rotate-secret;
 * {@code disabledByFailures} tells the owner that deliveries kept failing and the endpoint was switched off.
 */
public record WebhookView(String id, String url, List<String> events, boolean enabled, boolean disabledByFailures,
                          Instant failingSince, Instant createdAt, Instant updatedAt, String secret,
                          Instant previousSecretExpiresAt) {
    public static WebhookView of(Endpoint e) {
        return new WebhookView(e.id(), e.url(), e.events(), e.enabled(),
                Endpoint.DISABLED_FAILING.equals(e.disabledReason()), e.failingSince(), e.createdAt(), e.updatedAt(),
                null, null);
    }

    /** The one response that shows the secret (create, rotate). */
    public static WebhookView withSecret(Endpoint e) {
        WebhookView v = of(e);
        return new WebhookView(v.id, v.url, v.events, v.enabled, v.disabledByFailures, v.failingSince, v.createdAt,
                v.updatedAt, e.secret(), e.previousSecret() == null ? null : e.previousSecretExpiresAt());
    }

    /** GET /v1/webhooks */
    public record Page(List<WebhookView> items) {
    }
}
