package com.practicecal.shared.webhook;

import com.practicecal.shared.json.Json;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Schedules attempts on the delivery queue with SQS's DelaySeconds (no sleeping in Lambda). A wait longer than
 * {@link WebhookSettings#maxQueueDelay()} is sent with the maximum delay and a {@code notBefore}; the sender puts
 * such a message back until it is due.
 */
@Singleton
@Requires(classes = SqsClient.class)
public class DeliveryQueue {
    /** Built on the first send: the integrations function's reads (webhooks, deliveries) need no SQS. */
    private final Provider<SqsClient> sqs;
    private final WebhookSettings settings;
    private final Clock clock;

    public DeliveryQueue(Provider<SqsClient> sqs, WebhookSettings settings, Clock clock) {
        this.sqs = sqs;
        this.settings = settings;
        this.clock = clock;
    }

    /** Sends the attempt to be made after {@code wait}; returns when it is due. */
    public Instant schedule(DeliveryMessage message, Duration wait) {
        Instant due = clock.instant().plus(wait);
        DeliveryMessage body = message.withNotBefore(null);
        Duration delay = wait;
        if (wait.compareTo(settings.maxQueueDelay()) > 0) {
            delay = settings.maxQueueDelay();
            body = body.withNotBefore(due);
        }
        send(settings.deliveryQueueUrl(), body, delaySeconds(delay));
        return due;
    }

    /** Puts a message that arrived before its {@code notBefore} back for the remaining time (at most the max delay). */
    public void postpone(DeliveryMessage message) {
        Duration remaining = Duration.between(clock.instant(), message.notBefore());
        Duration delay = remaining.compareTo(settings.maxQueueDelay()) > 0 ? settings.maxQueueDelay() : remaining;
        send(settings.deliveryQueueUrl(), message, delaySeconds(delay));
    }

    /** A delivery that ended FAILED: kept on the dead-letter queue for operators (alarm) and replay. */
    public void deadLetter(DeliveryMessage message) {
        send(settings.deadLetterQueueUrl(), message.withNotBefore(null), 0);
    }

    static int delaySeconds(Duration delay) {
        if (delay.isNegative() || delay.isZero()) {
            return 0;
        }
        long seconds = (delay.toMillis() + 999) / 1000;
        return (int) Math.min(900, seconds);
    }

    private void send(String queueUrl, DeliveryMessage message, int delaySeconds) {
        sqs.get().sendMessage(b -> b.queueUrl(queueUrl).messageBody(Json.write(message)).delaySeconds(delaySeconds));
    }

    public static DeliveryMessage read(String body) {
        try {
            return Json.MAPPER.readValue(body, DeliveryMessage.class);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("unreadable delivery message", e);
        }
    }

}
