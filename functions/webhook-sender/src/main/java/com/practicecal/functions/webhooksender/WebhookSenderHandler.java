package com.practicecal.functions.webhooksender;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.practicecal.shared.webhook.WebhookSender;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;

/** Delivery queue: one signed HTTP attempt per message, retries via SQS delays, DLQ after the last; partial batch failures. */
public class WebhookSenderHandler extends MicronautRequestHandler<SQSEvent, SQSBatchResponse> {
    @Inject
    WebhookSender service;

    public WebhookSenderHandler() {
    }

    public WebhookSenderHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public SQSBatchResponse execute(SQSEvent event) {
        return service.send(event);
    }
}
