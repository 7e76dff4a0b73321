package com.practicecal.functions.rotatewebhooksecret;

import com.practicecal.shared.api.ApiFunction;
import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.webhook.WebhookService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/** A new signing secret, shown once; the previous one keeps signing for 24 h. */
public class RotateWebhookSecretHandler extends ApiFunction {
    @Inject
    WebhookService webhooks;

    public RotateWebhookSecretHandler() {
    }

    public RotateWebhookSecretHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(webhooks.rotateSecret(request.principal(), request.pathParam("webhookId"), request.requestId()));
    }
}
