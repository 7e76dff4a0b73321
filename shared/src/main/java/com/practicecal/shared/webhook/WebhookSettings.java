package com.practicecal.shared.webhook;

import com.practicecal.shared.config.Settings;
import com.practicecal.shared.config.SettingsSource;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Webhook delivery settings. Queue URLs come from template.yaml's environment ({@code WEBHOOK_DELIVERY_QUEUE_URL},
 * {@code WEBHOOK_DEAD_LETTER_QUEUE_URL}); the {@code webhooks.*} values have production defaults and are shortened
 * only by tests. {@code webhooks.allow-loopback-http} is never set in production.
 */
@Singleton
public class WebhookSettings {
    private final String deliveryQueueUrl;
    private final String deadLetterQueueUrl;
    private final boolean allowLoopbackHttp;
    private final RetrySchedule schedule;
    private final Duration disableAfter;
    private final Duration maxQueueDelay;
    private final Duration timeout;

    @Inject
    public WebhookSettings(SettingsSource settings) {
        this(settings.get("webhook.delivery.queue.url", ""), settings.get("webhook.dead.letter.queue.url", ""),
                settings.flag("webhooks.allow-loopback-http", false),
                settings.get("webhooks.retry-delays", RetrySchedule.DEFAULT),
                Double.parseDouble(settings.get("webhooks.retry-jitter", "0.1")),
                settings.get("webhooks.disable-after", "3d"), settings.get("webhooks.max-queue-delay", "900s"),
                settings.get("webhooks.timeout", "10s"));
    }

    public WebhookSettings(String deliveryQueueUrl, String deadLetterQueueUrl, boolean allowLoopbackHttp,
                           String retryDelays, double jitter, String disableAfter, String maxQueueDelay,
                           String timeout) {
        this.deliveryQueueUrl = deliveryQueueUrl;
        this.deadLetterQueueUrl = deadLetterQueueUrl;
        this.allowLoopbackHttp = allowLoopbackHttp;
        this.schedule = RetrySchedule.parse(retryDelays, jitter);
        this.disableAfter = RetrySchedule.duration(disableAfter);
        this.maxQueueDelay = RetrySchedule.duration(maxQueueDelay);
        this.timeout = RetrySchedule.duration(timeout);
        if (this.maxQueueDelay.compareTo(Duration.ofSeconds(900)) > 0 || this.maxQueueDelay.isNegative()) {
            throw new IllegalStateException("webhooks.max-queue-delay must be within 0..900 s (SQS DelaySeconds)");
        }
    }

    public String deliveryQueueUrl() {
        return Settings.require("webhook.delivery.queue.url (WEBHOOK_DELIVERY_QUEUE_URL)", deliveryQueueUrl);
    }

    public String deadLetterQueueUrl() {
        return Settings.require("webhook.dead.letter.queue.url (WEBHOOK_DEAD_LETTER_QUEUE_URL)", deadLetterQueueUrl);
    }

    public boolean allowLoopbackHttp() {
        return allowLoopbackHttp;
    }

    public RetrySchedule schedule() {
        return schedule;
    }

    /** An endpoint whose attempts have failed without a success for this long is disabled. */
    public Duration disableAfter() {
        return disableAfter;
    }

    /** The longest SQS delay (DelaySeconds ≤ 900 s); longer waits are re-enqueued with a {@code notBefore}. */
    public Duration maxQueueDelay() {
        return maxQueueDelay;
    }

    /** Connect and response timeout of one attempt. */
    public Duration timeout() {
        return timeout;
    }
}
