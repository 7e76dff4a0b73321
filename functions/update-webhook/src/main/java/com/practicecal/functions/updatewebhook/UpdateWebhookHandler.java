package com.practicecal.functions.updatewebhook;

import com.practicecal.shared.api.ApiFunction;
import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.webhook.UpdateWebhookRequest;
import com.practicecal.shared.webhook.WebhookService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/** Changes the events of a webhook endpoint or enables/disables it. */
public class UpdateWebhookHandler extends ApiFunction {
    @Inject
    WebhookService webhooks;

    public UpdateWebhookHandler() {
    }

    public UpdateWebhookHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(webhooks.update(request.principal(), request.pathParam("webhookId"), request.body(UpdateWebhookRequest.class), request.requestId()));
    }
}
