package com.practicecal.functions.integrations;

import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.api.RoutedFunction;
import com.practicecal.shared.feed.CreateFeedRequest;
import com.practicecal.shared.feed.FeedService;
import com.practicecal.shared.webhook.CreateWebhookRequest;
import com.practicecal.shared.webhook.UpdateWebhookRequest;
import com.practicecal.shared.webhook.WebhookService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/** Integrations: webhooks, deliveries, calendar feeds. */
public class IntegrationsHandler extends RoutedFunction {
    @Inject
    WebhookService webhooks;
    @Inject
    FeedService feeds;

    public IntegrationsHandler() {
    }

    public IntegrationsHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected Map<String, Route> routes() {
        return Map.ofEntries(
                route("POST /v1/webhooks", this::createWebhook),
                route("GET /v1/webhooks", this::listWebhooks),
                route("PATCH /v1/webhooks/{webhookId}", this::updateWebhook),
                route("DELETE /v1/webhooks/{webhookId}", this::deleteWebhook),
                route("POST /v1/webhooks/{webhookId}/rotate-secret", this::rotateWebhookSecret),
                route("GET /v1/webhooks/{webhookId}/deliveries", this::listWebhookDeliveries),
                route("POST /v1/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver", this::redeliverWebhook),
                route("POST /v1/feeds", this::createFeed),
                route("GET /v1/feeds", this::listFeeds),
                route("DELETE /v1/feeds/{feedId}", this::deleteFeed));
    }

    @Override
    protected List<Class<?>> primingTypes() {
        return List.of(CreateWebhookRequest.class, UpdateWebhookRequest.class);
    }

    /** Registers a webhook endpoint; the response shows the signing secret once. */
    private ApiResponse createWebhook(ApiRequest request) {
        return ApiResponse.created(webhooks.create(request.principal(), request.body(CreateWebhookRequest.class), request.requestId()));
    }

    /** The account's webhook endpoints, with the disabled-by-failures flag. */
    private ApiResponse listWebhooks(ApiRequest request) {
        return ApiResponse.ok(webhooks.list(request.principal()));
    }

    /** Changes the events of a webhook endpoint or enables/disables it. */
    private ApiResponse updateWebhook(ApiRequest request) {
        return ApiResponse.ok(webhooks.update(request.principal(), request.pathParam("webhookId"), request.body(UpdateWebhookRequest.class), request.requestId()));
    }

    /** Deletes a webhook endpoint. */
    private ApiResponse deleteWebhook(ApiRequest request) {
        webhooks.delete(request.principal(), request.pathParam("webhookId"), request.requestId());
        return ApiResponse.noContent();
    }

    /** A new signing secret, shown once; the previous one keeps signing for 24 h. */
    private ApiResponse rotateWebhookSecret(ApiRequest request) {
        return ApiResponse.ok(webhooks.rotateSecret(request.principal(), request.pathParam("webhookId"), request.requestId()));
    }

    /** A webhook endpoint's deliveries, newest first. */
    private ApiResponse listWebhookDeliveries(ApiRequest request) {
        return ApiResponse.ok(webhooks.deliveries(request.principal(), request.pathParam("webhookId")));
    }

    /** Sends a delivery again (same webhook-id). */
    private ApiResponse redeliverWebhook(ApiRequest request) {
        return ApiResponse.json(202, webhooks.redeliver(request.principal(), request.pathParam("webhookId"), request.pathParam("deliveryId"), request.requestId()));
    }

    /** Creates a secret calendar feed; the response shows its URL (with the token) once. */
    private ApiResponse createFeed(ApiRequest request) {
        return ApiResponse.created(feeds.create(request.principal(),
                request.body(CreateFeedRequest.class, CreateFeedRequest::defaults), request.origin(), request.requestId()));
    }

    /** Lists the account's calendar feeds (without their URLs). */
    private ApiResponse listFeeds(ApiRequest request) {
        return ApiResponse.ok(feeds.list(request.principal()));
    }

    /** Deletes a calendar feed; its URL stops working at once. */
    private ApiResponse deleteFeed(ApiRequest request) {
        feeds.delete(request.principal(), request.pathParam("feedId"), request.requestId());
        return ApiResponse.noContent();
    }
}
