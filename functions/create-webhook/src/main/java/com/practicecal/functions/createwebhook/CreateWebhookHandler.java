package com.practicecal.functions.createwebhook;

import com.practicecal.shared.api.ApiFunction;
import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.webhook.CreateWebhookRequest;
import com.practicecal.shared.webhook.WebhookService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/** Registers a webhook endpoint; the response shows the signing secret once. */
public class CreateWebhookHandler extends ApiFunction {
    @Inject
    WebhookService webhooks;

    public CreateWebhookHandler() {
    }

    public CreateWebhookHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.created(webhooks.create(request.principal(), request.body(CreateWebhookRequest.class), request.requestId()));
    }
}
