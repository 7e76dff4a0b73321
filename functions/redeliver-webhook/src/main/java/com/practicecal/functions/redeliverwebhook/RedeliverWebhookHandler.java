package com.practicecal.functions.redeliverwebhook;

import com.practicecal.shared.api.ApiFunction;
import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.webhook.WebhookService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/** Sends a delivery again (same webhook-id). */
public class RedeliverWebhookHandler extends ApiFunction {
    @Inject
    WebhookService webhooks;

    public RedeliverWebhookHandler() {
    }

    public RedeliverWebhookHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.json(202, webhooks.redeliver(request.principal(), request.pathParam("webhookId"), request.pathParam("deliveryId"), request.requestId()));
    }
}
