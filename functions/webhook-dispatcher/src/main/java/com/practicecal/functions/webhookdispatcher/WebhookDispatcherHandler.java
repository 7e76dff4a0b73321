package com.practicecal.functions.webhookdispatcher;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.practicecal.shared.webhook.WebhookDispatcher;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;

/** Integration queue to webhook deliveries: one delivery-queue message per subscribed endpoint; partial batch failures. */
public class WebhookDispatcherHandler extends MicronautRequestHandler<SQSEvent, SQSBatchResponse> {
    @Inject
    WebhookDispatcher service;

    public WebhookDispatcherHandler() {
    }

    public WebhookDispatcherHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public SQSBatchResponse execute(SQSEvent event) {
        return service.dispatch(event);
    }
}
