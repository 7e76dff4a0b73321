package com.practicecal.functions.deletewebhook;

import com.practicecal.shared.api.ApiFunction;
import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.webhook.WebhookService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/** Deletes a webhook endpoint. */
public class DeleteWebhookHandler extends ApiFunction {
    @Inject
    WebhookService webhooks;

    public DeleteWebhookHandler() {
    }

    public DeleteWebhookHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        webhooks.delete(request.principal(), request.pathParam("webhookId"), request.requestId());
        return ApiResponse.noContent();
    }
}
