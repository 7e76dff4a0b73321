package com.practicecal.functions.listwebhooks;

import com.practicecal.shared.api.ApiFunction;
import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.webhook.WebhookService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/** The account's webhook endpoints, with the disabled-by-failures flag. */
public class ListWebhooksHandler extends ApiFunction {
    @Inject
    WebhookService webhooks;

    public ListWebhooksHandler() {
    }

    public ListWebhooksHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(webhooks.list(request.principal()));
    }
}
