package com.practicecal.shared.webhook;

import com.practicecal.shared.account.Membership;
import com.practicecal.shared.auth.AccessPolicy;
import com.practicecal.shared.auth.Principal;
import com.practicecal.shared.error.ConflictException;
import com.practicecal.shared.error.ErrorCodes;
import com.practicecal.shared.error.NotFoundException;
import com.practicecal.shared.event.Change;
import com.practicecal.shared.event.Events;
import com.practicecal.shared.event.OutboxItem;
import com.practicecal.shared.store.Condition;
import com.practicecal.shared.store.DynamoTable;
import com.practicecal.shared.store.MainTable;
import com.practicecal.shared.store.Query;
import com.practicecal.shared.store.TransactionFailedException;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Webhook endpoints of an account (owner only): register, list, change events or enable, delete, rotate the
 * secret, list deliveries, redeliver. Every change writes its outbox event in the same transaction.
 */
@Singleton
@Requires(classes = SqsClient.class)
public class WebhookService {
    public static final Duration PREVIOUS_SECRET_GRACE = Duration.ofHours(24);
    public static final int MAX_DELIVERIES_LISTED = 100;
    static final String EXISTS = "attribute_exists(PK)";

    private final MainTable table;
    private final AccessPolicy access;
    private final UrlGuard guard;
    private final DeliveryQueue queue;
    private final Clock clock;

    public WebhookService(MainTable table, AccessPolicy access, UrlGuard guard, DeliveryQueue queue, Clock clock) {
        this.table = table;
        this.access = access;
        this.guard = guard;
        this.queue = queue;
        this.clock = clock;
    }

    public WebhookView create(Principal principal, CreateWebhookRequest request, String requestId) {
        Membership me = access.owner(principal);
        String url = request.cleanUrl();
        URI checked = guard.check(url);
        Instant now = clock.instant();
        Endpoint endpoint = new Endpoint(UUID.randomUUID().toString(), me.accountId(), url, request.cleanEvents(),
                true, WebhookSigner.newSecret(), null, null, null, null, now, now);
        Map<String, Change> changes = new LinkedHashMap<>();
        changes.put("host", new Change(null, checked.getHost())); // not the full URL: it may carry a token
        changes.put("events", new Change(null, String.join(",", endpoint.events())));
        changes.put("enabled", new Change(null, "true"));
        Events events = access.events(me, requestId, now);
        table.write(table.transaction()
                .put(EndpointItem.OWNER_EDIT_TAG, EndpointItem.toItem(endpoint), Condition.NEW_ITEM)
                .with(events.emit(me.accountId(), "webhook.created", "webhook",
                        endpoint.id(), changes)));
        return WebhookView.withSecret(endpoint);
    }

    public WebhookView.Page list(Principal principal) {
        Membership me = access.owner(principal);
        return new WebhookView.Page(endpointsOf(me.accountId()).stream().map(WebhookView::of).toList());
    }

    /** All endpoints of an account, oldest first (one query; also the dispatcher's read). */
    public List<Endpoint> endpointsOf(String accountId) {
        return endpointsOf(table, accountId);
    }

    static List<Endpoint> endpointsOf(DynamoTable table, String accountId) {
        return table.page(Query.partition(EndpointItem.partition(accountId)).sortBeginsWith(EndpointItem.PREFIX).consistent(),
                EndpointItem::fromItem).items().stream().sorted(java.util.Comparator.comparing(Endpoint::createdAt)).toList();
    }

    public WebhookView update(Principal principal, String webhookId, UpdateWebhookRequest request, String requestId) {
        Membership me = access.owner(principal);
        Endpoint before = endpoint(me, webhookId);
        List<String> types = request.cleanEvents() == null ? before.events() : request.cleanEvents();
        boolean enabled = request.enabled() == null ? before.enabled() : request.enabled();
        Instant now = clock.instant();
        boolean reenabled = enabled && !before.enabled();
        Endpoint after = new Endpoint(before.id(), before.accountId(), before.url(), types, enabled, before.secret(),
                before.previousSecret(), before.previousSecretExpiresAt(),
                reenabled ? null : before.failingSince(), enabled ? null : before.disabledReason(), before.createdAt(), now);
        if (reenabled) {
            guard.check(after.url()); // DNS may have changed since registration
        }
        Map<String, Change> changes = new LinkedHashMap<>();
        if (!types.equals(before.events())) {
            changes.put("events", new Change(String.join(",", before.events()), String.join(",", types)));
        }
        if (enabled != before.enabled()) {
            changes.put("enabled", new Change(Boolean.toString(before.enabled()), Boolean.toString(enabled)));
        }
        if (changes.isEmpty()) {
            return WebhookView.of(before);
        }
        Events events = access.events(me, requestId, now);
        writeUnchanged(before, after, events.event(me.accountId(), "webhook.updated", "webhook", webhookId, changes));
        return WebhookView.of(after);
    }

    public void delete(Principal principal, String webhookId, String requestId) {
        Membership me = access.owner(principal);
        Endpoint before = endpoint(me, webhookId);
        Events events = access.events(me, requestId, clock.instant());
        try {
            table.write(table.transaction()
                    .delete(EndpointItem.OWNER_EDIT_TAG, EndpointItem.key(me.accountId(), webhookId), Condition.of(EXISTS))
                    .with(events.emit(me.accountId(), "webhook.deleted", "webhook",
                            webhookId, Map.of("enabled", new Change(Boolean.toString(before.enabled()), null)))));
        } catch (TransactionFailedException e) {
            throw new NotFoundException(ErrorCodes.NOT_FOUND, "webhook not found");
        }
    }

    /** A new secret, shown once; the previous one keeps signing (as a second signature) for 24 h. */
    public WebhookView rotateSecret(Principal principal, String webhookId, String requestId) {
        Membership me = access.owner(principal);
        Endpoint before = endpoint(me, webhookId);
        Instant now = clock.instant();
        Endpoint after = new Endpoint(before.id(), before.accountId(), before.url(), before.events(), before.enabled(),
                WebhookSigner.newSecret(), before.secret(), now.plus(PREVIOUS_SECRET_GRACE), before.failingSince(),
                before.disabledReason(), before.createdAt(), now);
        Events events = access.events(me, requestId, now);
        writeUnchanged(before, after, events.event(me.accountId(), "webhook.secret_rotated", "webhook", webhookId,
                Map.of("previousSecretValidUntil", new Change(null, after.previousSecretExpiresAt().toString()))));
        return WebhookView.withSecret(after);
    }

    public DeliveryView.Page deliveries(Principal principal, String webhookId) {
        Membership me = access.owner(principal);
        endpoint(me, webhookId);
        var deliveries = table.page(Query.partition(DeliveryItem.PREFIX + webhookId).sortBeginsWith(DeliveryItem.SORT_PREFIX)
                .consistent().newestFirst().limit(MAX_DELIVERIES_LISTED), DeliveryItem::fromItem);
        return new DeliveryView.Page(deliveries.items().stream().map(DeliveryView::of).toList());
    }

    /**
     * Sends a delivery again with a fresh retry series; the {@code webhook-id} stays the delivery id, so a receiver
     * that already processed it recognizes the duplicate. Refused (409) while the endpoint is disabled.
     */
    public DeliveryView redeliver(Principal principal, String webhookId, String deliveryId, String requestId) {
        Membership me = access.owner(principal);
        Endpoint endpoint = endpoint(me, webhookId);
        if (!endpoint.enabled()) {
            throw new ConflictException(ErrorCodes.WEBHOOK_DISABLED, "enable the webhook before redelivering");
        }
        Delivery before = table.get(DeliveryItem.key(webhookId, deliveryId)).map(DeliveryItem::fromItem)
                .orElseThrow(() -> new NotFoundException(ErrorCodes.NOT_FOUND, "delivery not found"));
        Instant now = clock.instant();
        Delivery after = new Delivery(before.id(), before.endpointId(), before.accountId(), before.eventId(),
                before.eventType(), before.payload(), DeliveryStatus.PENDING, before.attempts(),
                before.lastResponseCode(), before.lastError(), now, before.createdAt(), now);
        table.write(table.transaction().put(DeliveryItem.TAG, DeliveryItem.toItem(after), Condition.of(EXISTS)));
        queue.schedule(new DeliveryMessage(deliveryId, webhookId, me.accountId(), 0, null), Duration.ZERO);
        return DeliveryView.of(after);
    }

    private void writeUnchanged(Endpoint before, Endpoint after, com.practicecal.shared.event.OutboxEvent event) {
        try {
            table.write(table.transaction()
                    .put(EndpointItem.OWNER_EDIT_TAG, EndpointItem.toItem(after), EndpointItem.unchangedSince(before.updatedAt()))
                    .put(Events.TAG, OutboxItem.toItem(event), null));
        } catch (TransactionFailedException e) {
            throw new ConflictException(ErrorCodes.CONCURRENT_MODIFICATION, "the webhook changed meanwhile; retry");
        }
    }

    private Endpoint endpoint(Membership me, String webhookId) {
        return table.get(EndpointItem.key(me.accountId(), webhookId)).map(EndpointItem::fromItem)
                .orElseThrow(() -> new NotFoundException(ErrorCodes.NOT_FOUND, "webhook not found"));
    }
}
