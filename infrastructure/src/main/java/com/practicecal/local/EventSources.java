package com.practicecal.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.practicecal.shared.aws.AwsClients;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.regions.Region;

/**
 * Plays the template's event source mappings (DynamoDB streams, SQS queues) against the local endpoint, feeding
 * the same handler classes Lambda would run. Tests call {@link #drain(Duration)} to wait until everything that
 * was written has flowed through; {@code ./dev up} polls in the background.
 */
public final class EventSources implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventSources.class);
    private final List<StreamPoller> streamPollers = new ArrayList<>();
    private final List<QueuePoller> queuePollers = new ArrayList<>();
    private final AwsClients clients;
    private ScheduledExecutorService background;

    private EventSources(ProvisionedStack stack, ApplicationContext context, int retryDelaySeconds) {
        // The runner's own clients: its polling must not show up in the functions' AWS call counts.
        this.clients = AwsClients.fromEnvironment(Region.of(stack.region()), List.of());
        var streams = clients.dynamoDbStreams();
        var sqs = clients.sqs();
        // the functions run under their template.yaml policies, as behind the local API
        LocalIam iam = context.findBean(LocalIam.class).orElseGet(() -> {
            LocalIam created = LocalIam.of(stack);
            context.registerSingleton(created);
            return created;
        });
        for (EventSourceMapping mapping : EventSourceMapping.of(stack)) {
            var function = FunctionHandlers.instantiate(stack.template().function(mapping.functionLogicalId()), context);
            RequestHandler<Object, Object> handler = (input, lambdaContext) ->
                    iam.as(mapping.functionLogicalId(), () -> function.handleRequest(input, lambdaContext));
            if (mapping.kind() == EventSourceMapping.Kind.DYNAMODB_STREAM) {
                streamPollers.add(new StreamPoller(mapping, handler, streams, stack.region()));
            } else {
                queuePollers.add(new QueuePoller(mapping, handler, sqs, stack.region(), retryDelaySeconds));
            }
        }
    }

    /** @param retryDelaySeconds how soon a message a handler rejected is offered again (AWS: the visibility timeout) */
    public static EventSources create(ProvisionedStack stack, ApplicationContext context, int retryDelaySeconds) {
        return new EventSources(stack, context, retryDelaySeconds);
    }

    /**
     * Starts the streams from now: what the table's stream already holds is not delivered (a test that brings
     * up its own pipeline on a shared stack need not replay every earlier test's events).
     */
    public EventSources fromNow() {
        streamPollers.forEach(StreamPoller::skipToEnd);
        return this;
    }

    /** Polls every source once, streams first; returns how many records the functions accepted. */
    public int pollOnce() {
        int delivered = 0;
        for (StreamPoller poller : streamPollers) {
            delivered += poller.pollOnce();
        }
        for (QueuePoller poller : queuePollers) {
            delivered += poller.pollOnce();
        }
        return delivered;
    }

    /** Polls until a round delivers nothing and every mapped queue is empty; fails after {@code timeout}. */
    public void drain(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            int delivered = pollOnce();
            if (delivered == 0 && queuePollers.stream().allMatch(p -> p.pending() == 0)) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("event sources did not drain within " + timeout);
            }
            if (delivered == 0) {
                sleep(100);
            }
        }
    }

    public EventSources startBackground(Duration interval) {
        background = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "event-sources");
            t.setDaemon(true);
            return t;
        });
        background.scheduleWithFixedDelay(() -> {
            try {
                pollOnce();
            } catch (RuntimeException e) {
                LOG.warn("event source poll failed: {}", e.toString());
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (background != null) {
            background.shutdownNow();
        }
    }
}
