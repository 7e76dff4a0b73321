package com.practicecal.shared.webhook;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.practicecal.shared.event.Actor;
import com.practicecal.shared.error.ValidationException;
import com.practicecal.shared.event.Change;
import com.practicecal.shared.event.Events;
import com.practicecal.shared.logging.Metrics;
import com.practicecal.shared.store.MainTable;
import com.practicecal.shared.store.Snapshot;
import com.practicecal.shared.store.Transaction;
import com.practicecal.shared.store.TransactionFailedException;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Consumes the delivery queue and makes one attempt per message: re-checks the URL ({@link UrlGuard}), POSTs the
 * signed payload (10 s timeout, redirects not followed; 2xx is success), records status, attempts, last code and
 * next retry on the delivery, and schedules the next attempt on the queue — or, when the series is exhausted or the
 * endpoint is disabled, marks the delivery FAILED and puts it on the dead-letter queue. An endpoint whose attempts
 * have failed without a success for {@link WebhookSettings#disableAfter()} is disabled, with a
 * {@code webhook.disabled} outbox event (the owner's audit trail) in the same transaction.
 */
@Singleton
@Requires(classes = SqsClient.class)
public class WebhookSender {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);
    static final int PARALLEL = 10;
    static final String USER_AGENT = "practicecal-webhooks/1";
    static final Actor SYSTEM = new Actor("system", "system", "webhooks");

    private final MainTable table;
    private final UrlGuard guard;
    private final DeliveryQueue queue;
    private final WebhookSettings settings;
    private final Clock clock;
    private final PinnedHttp http;
    private final ExecutorService workers;

    public WebhookSender(MainTable table, UrlGuard guard, DeliveryQueue queue, WebhookSettings settings, Clock clock) {
        this.table = table;
        this.guard = guard;
        this.queue = queue;
        this.settings = settings;
        this.clock = clock;
        this.http = new PinnedHttp((javax.net.ssl.SSLSocketFactory) javax.net.ssl.SSLSocketFactory.getDefault(),
                settings.timeout());
        this.workers = Executors.newFixedThreadPool(PARALLEL, r -> {
            Thread t = new Thread(r, "webhook-sender");
            t.setDaemon(true);
            return t;
        });
    }

    /** The batch's attempts run in parallel, so a batch takes about as long as its slowest receiver. */
    public SQSBatchResponse send(SQSEvent event) {
        List<SQSEvent.SQSMessage> messages = event.getRecords() == null ? List.of() : event.getRecords();
        List<Future<?>> running = new ArrayList<>();
        for (SQSEvent.SQSMessage message : messages) {
            running.add(workers.submit(() -> process(DeliveryQueue.read(message.getBody()))));
        }
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            try {
                running.get(i).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failures.add(failure(messages.get(i)));
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof IllegalArgumentException) {
                    LOG.error("dropping unreadable delivery message {}", messages.get(i).getMessageId());
                    continue;
                }
                LOG.warn("delivery message {} failed ({}); SQS will retry", messages.get(i).getMessageId(),
                        e.getCause().getClass().getSimpleName());
                failures.add(failure(messages.get(i)));
            }
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }

    /** One message: postpone, drop, or attempt and record. */
    public void process(DeliveryMessage message) {
        Instant now = clock.instant();
        if (message.notBefore() != null && now.isBefore(message.notBefore())) {
            queue.postpone(message);
            return;
        }
        var deliveryKey = DeliveryItem.key(message.endpointId(), message.deliveryId());
        var endpointKey = EndpointItem.key(message.accountId(), message.endpointId());
        Snapshot read = table.read(List.of(deliveryKey, endpointKey));
        Delivery delivery = read.get(deliveryKey, DeliveryItem::fromItem).orElse(null);
        if (delivery == null) {
            return; // expired
        }
        if (delivery.status() != DeliveryStatus.PENDING) {
            return; // a duplicate message of a finished delivery
        }
        Endpoint endpoint = read.get(endpointKey, EndpointItem::fromItem).orElse(null);
        if (endpoint == null) {
            table.write(table.transaction().put(DeliveryItem.TAG, DeliveryItem.toItem(
                    finished(delivery, DeliveryStatus.FAILED, delivery.attempts(), delivery.lastResponseCode(),
                            "webhook deleted", null, now)), null));
            return;
        }
        if (!endpoint.enabled()) {
            table.write(table.transaction().put(DeliveryItem.TAG, DeliveryItem.toItem(
                    finished(delivery, DeliveryStatus.FAILED, delivery.attempts(), delivery.lastResponseCode(),
                            "webhook disabled", null, now)), null));
            queue.deadLetter(message);
            return;
        }
        Outcome outcome = attempt(endpoint, delivery, now);
        Instant after = clock.instant();
        if (outcome.success()) {
            recordSuccess(endpoint, delivery, outcome, after);
        } else {
            recordFailure(endpoint, delivery, message, outcome, after);
        }
    }

    /** One HTTP POST; never throws. */
    Outcome attempt(Endpoint endpoint, Delivery delivery, Instant now) {
        UrlGuard.Target target;
        try {
            target = guard.resolve(endpoint.url());
        } catch (ValidationException refused) {
            return new Outcome(false, null, refused.getMessage());
        }
        long timestamp = now.getEpochSecond();
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", USER_AGENT);
        headers.put("webhook-id", delivery.id());
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", WebhookSigner.signatureHeader(endpoint.signingSecrets(now), delivery.id(),
                timestamp, delivery.payload()));
        try {
            int status = http.post(target, headers, delivery.payload());
            boolean ok = status >= 200 && status < 300;
            return new Outcome(ok, status, ok ? null : (status >= 300 && status < 400
                    ? "HTTP " + status + " (redirects are not followed)" : "HTTP " + status));
        } catch (java.net.SocketTimeoutException timeout) {
            return new Outcome(false, null, "timeout after " + settings.timeout().toSeconds() + " s");
        } catch (ConnectException refused) {
            return new Outcome(false, null, "connection failed");
        } catch (javax.net.ssl.SSLException tls) {
            return new Outcome(false, null, "TLS handshake failed (certificate not valid for the host?)");
        } catch (IOException network) {
            return new Outcome(false, null, "network error (" + network.getClass().getSimpleName() + ")");
        }
    }

    private void recordSuccess(Endpoint endpoint, Delivery delivery, Outcome outcome, Instant now) {
        Transaction tx = table.transaction().put(DeliveryItem.TAG, DeliveryItem.toItem(finished(delivery,
                DeliveryStatus.SUCCEEDED, delivery.attempts() + 1, outcome.code(), null, null, now)), null);
        if (endpoint.failingSince() != null) {
            tx.update(EndpointItem.TAG, EndpointItem.key(endpoint.accountId(), endpoint.id()), EndpointItem.recovered());
        }
        writeTolerantOfEndpoint(tx, delivery, finished(delivery, DeliveryStatus.SUCCEEDED, delivery.attempts() + 1,
                outcome.code(), null, null, now));
    }

    private void recordFailure(Endpoint endpoint, Delivery delivery, DeliveryMessage message, Outcome outcome,
                               Instant now) {
        Metrics.count(Metrics.WEBHOOK_FAILURES);
        int failed = message.failedAttempts() + 1;
        Instant failingSince = endpoint.failingSince() != null ? endpoint.failingSince() : now;
        boolean disable = !now.isBefore(failingSince.plus(settings.disableAfter()));
        Optional<Duration> wait = disable ? Optional.empty() : settings.schedule().next(failed);
        Instant nextRetryAt = wait.map(now::plus).orElse(null);
        Delivery recorded = finished(delivery, wait.isPresent() ? DeliveryStatus.PENDING : DeliveryStatus.FAILED,
                delivery.attempts() + 1, outcome.code(), outcome.error(), nextRetryAt, now);
        Transaction tx = table.transaction().put(DeliveryItem.TAG, DeliveryItem.toItem(recorded), null);
        if (disable) {
            tx.update(EndpointItem.TAG, EndpointItem.key(endpoint.accountId(), endpoint.id()),
                    EndpointItem.disableFailing(failingSince));
            Events events = new Events(SYSTEM, delivery.id(), now);
            tx.with(events.emit(endpoint.accountId(), "webhook.disabled", "webhook",
                    endpoint.id(), Map.of("enabled", new Change("true", "false"),
                            "failingSince", new Change(null, failingSince.toString()))));
            LOG.info("webhook {} of account {} disabled: failing since {}", endpoint.id(), endpoint.accountId(),
                    failingSince);
        } else if (endpoint.failingSince() == null) {
            tx.update(EndpointItem.TAG, EndpointItem.key(endpoint.accountId(), endpoint.id()),
                    EndpointItem.failingSince(now));
        }
        writeTolerantOfEndpoint(tx, delivery, recorded);
        if (wait.isPresent()) {
            queue.schedule(message.withFailedAttempts(failed), wait.get());
        } else {
            queue.deadLetter(message);
        }
    }

    /** The endpoint may have been deleted or disabled meanwhile: then the delivery's record is written alone. */
    private void writeTolerantOfEndpoint(Transaction tx, Delivery delivery, Delivery recorded) {
        try {
            table.write(tx);
        } catch (TransactionFailedException e) {
            if (!e.failed(EndpointItem.TAG)) {
                throw e;
            }
            table.write(table.transaction().put(DeliveryItem.TAG, DeliveryItem.toItem(recorded), null));
        }
    }

    private static Delivery finished(Delivery d, DeliveryStatus status, int attempts, Integer code, String error,
                                     Instant nextRetryAt, Instant now) {
        return new Delivery(d.id(), d.endpointId(), d.accountId(), d.eventId(), d.eventType(), d.payload(), status,
                attempts, code, error, nextRetryAt, d.createdAt(), now);
    }

    private static SQSBatchResponse.BatchItemFailure failure(SQSEvent.SQSMessage message) {
        return SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(message.getMessageId()).build();
    }

    @PreDestroy
    void close() {
        workers.shutdownNow();
    }

    /** The result of one attempt: success, the response code if any, and a short reason when it failed. */
    record Outcome(boolean success, Integer code, String error) {
    }
}
