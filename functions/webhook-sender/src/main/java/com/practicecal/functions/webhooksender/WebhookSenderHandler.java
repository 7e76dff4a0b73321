package com.practicecal.functions.webhooksender;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.practicecal.shared.runtime.FunctionHandler;
import com.practicecal.shared.runtime.SnapStartPriming;
import com.practicecal.shared.webhook.DeliveryMessage;
import com.practicecal.shared.webhook.WebhookPayload;
import com.practicecal.shared.webhook.WebhookSender;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.List;

/** Delivery queue: one signed HTTP attempt per message, retries via SQS delays, DLQ after the last; partial batch failures. */
public class WebhookSenderHandler extends FunctionHandler<SQSEvent, SQSBatchResponse> {
    @Inject
    WebhookSender service;
    private final SnapStartPriming snapStart = SnapStartPriming.register(beanContext(),
            () -> List.of(DeliveryMessage.class, WebhookPayload.class), null);

    public WebhookSenderHandler() {
    }

    public WebhookSenderHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public SQSBatchResponse execute(SQSEvent event) {
        return service.send(event);
    }

    /** The SnapStart priming resource registered at init. */
    public SnapStartPriming snapStart() {
        return snapStart;
    }
}
