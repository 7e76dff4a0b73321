package com.practicecal.shared.webhook;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.practicecal.shared.event.OutboxEvent;
import com.practicecal.shared.event.OutboxItem;
import com.practicecal.shared.store.Condition;
import com.practicecal.shared.store.MainTable;
import com.practicecal.shared.store.TransactionFailedException;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Consumes the integration queue (every outbox event): for each event of a subscribable type, one delivery per
 * enabled endpoint of the event's account that subscribed to it, and one delivery-queue message per delivery.
 * Delivery ids are derived from (event, endpoint), so a redelivered event creates no second delivery.
 */
@Singleton
@Requires(classes = SqsClient.class)
public class WebhookDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final MainTable table;
    private final DeliveryQueue queue;
    private final Clock clock;

    public WebhookDispatcher(MainTable table, DeliveryQueue queue, Clock clock) {
        this.table = table;
        this.queue = queue;
        this.clock = clock;
    }

    public SQSBatchResponse dispatch(SQSEvent event) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords() == null ? List.<SQSEvent.SQSMessage>of() : event.getRecords()) {
            try {
                dispatch(OutboxItem.read(message.getBody()));
            } catch (IllegalArgumentException unreadable) {
                LOG.error("dropping unreadable integration message {}", message.getMessageId());
            } catch (RuntimeException failure) {
                LOG.warn("dispatch of message {} failed ({}); SQS will retry", message.getMessageId(),
                        failure.getClass().getSimpleName());
                failures.add(SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(message.getMessageId()).build());
            }
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }

    /** @return deliveries scheduled for this event */
    public int dispatch(OutboxEvent event) {
        if (!WebhookEventTypes.supported(event.action())) {
            return 0;
        }
        int scheduled = 0;
        for (Endpoint endpoint : WebhookService.endpointsOf(table, event.accountId())) {
            if (!endpoint.enabled() || !endpoint.subscribedTo(event.action())) {
                continue;
            }
            Instant now = clock.instant();
            String id = DeliveryItem.deliveryId(event.at(), event.eventId(), endpoint.id());
            Delivery delivery = new Delivery(id, endpoint.id(), event.accountId(), event.eventId(), event.action(),
                    WebhookPayload.of(event), DeliveryStatus.PENDING, 0, null, null, now, now, now);
            try {
                table.write(table.transaction().put(DeliveryItem.TAG, DeliveryItem.toItem(delivery), Condition.NEW_ITEM));
            } catch (TransactionFailedException exists) {
                if (exists.isConflict()) {
                    throw exists;
                }
                // created by an earlier run of this message; (re)send: the sender drops it unless still pending
            }
            queue.schedule(new DeliveryMessage(id, endpoint.id(), event.accountId(), 0, null), Duration.ZERO);
            scheduled++;
        }
        return scheduled;
    }
}
