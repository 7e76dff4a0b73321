package com.practicecal.functions.outboxrelay;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.practicecal.shared.event.OutboxEvent;
import com.practicecal.shared.relay.OutboxRelay;
import com.practicecal.shared.logging.Metrics;
import com.practicecal.shared.runtime.FunctionHandler;
import com.practicecal.shared.runtime.SnapStartPriming;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.List;

/** Table stream (outbox items only, filtered in template.yaml) to the audit and integration queues. */
public class OutboxRelayHandler extends FunctionHandler<DynamodbEvent, StreamsEventResponse> {
    @Inject
    OutboxRelay relay;
    private final SnapStartPriming snapStart = SnapStartPriming.register(beanContext(),
            () -> List.of(OutboxEvent.class), null);

    public OutboxRelayHandler() {
    }

    public OutboxRelayHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public StreamsEventResponse execute(DynamodbEvent event) {
        StreamsEventResponse response = relay.relay(event);
        Metrics.count(Metrics.RELAY_RETRIES, response.getBatchItemFailures().size()); // Lambda retries from there
        return response;
    }

    /** The SnapStart priming resource registered at init. */
    public SnapStartPriming snapStart() {
        return snapStart;
    }
}
