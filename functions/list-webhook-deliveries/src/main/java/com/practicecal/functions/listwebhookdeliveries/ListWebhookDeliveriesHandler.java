package com.practicecal.functions.listwebhookdeliveries;

import com.practicecal.shared.api.ApiFunction;
import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.webhook.WebhookService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/** A webhook endpoint's deliveries, newest first. */
public class ListWebhookDeliveriesHandler extends ApiFunction {
    @Inject
    WebhookService webhooks;

    public ListWebhookDeliveriesHandler() {
    }

    public ListWebhookDeliveriesHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(webhooks.deliveries(request.principal(), request.pathParam("webhookId")));
    }
}
