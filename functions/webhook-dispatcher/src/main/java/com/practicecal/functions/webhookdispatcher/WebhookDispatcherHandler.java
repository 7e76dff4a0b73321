package com.practicecal.functions.webhookdispatcher;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.practicecal.shared.event.OutboxEvent;
import com.practicecal.shared.runtime.FunctionHandler;
import com.practicecal.shared.runtime.SnapStartPriming;
import com.practicecal.shared.webhook.DeliveryMessage;
import com.practicecal.shared.webhook.WebhookDispatcher;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.List;

/** Integration queue to webhook deliveries: one delivery-queue message per subscribed endpoint; partial batch failures. */
public class WebhookDispatcherHandler extends FunctionHandler<SQSEvent, SQSBatchResponse> {
    @Inject
    WebhookDispatcher service;
    private final SnapStartPriming snapStart = SnapStartPriming.register(beanContext(),
            () -> List.of(OutboxEvent.class, DeliveryMessage.class), null);

    public WebhookDispatcherHandler() {
    }

    public WebhookDispatcherHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public SQSBatchResponse execute(SQSEvent event) {
        return service.dispatch(event);
    }

    /** The SnapStart priming resource registered at init. */
    public SnapStartPriming snapStart() {
        return snapStart;
    }
}
