package com.practicecal.shared.webhook;

import com.practicecal.shared.store.Attr;
import com.practicecal.shared.store.Expression;
import com.practicecal.shared.store.TxTag;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Storage form of {@link Endpoint}: PK {@code ACCOUNT#<accountId>}, SK {@code WEBHOOK#<id>}, so an account's
 * endpoints are one query (the dispatcher's only read per event).
 */
public final class EndpointItem {
    /** Transaction tag of a webhook endpoint whose delivery state (failing, disabled) the sender updates. */
    public static final TxTag TAG = TxTag.of("endpoint");
    /** Transaction tag of a webhook endpoint changed by its owner. */
    public static final TxTag OWNER_EDIT_TAG = TxTag.of("webhook");
    public static final String ACCOUNT_PREFIX = "ACCOUNT#";
    public static final String PREFIX = "WEBHOOK#";
    public static final String TYPE = "WebhookEndpoint";
    public static final String URL = "url";
    public static final String EVENTS = "events";
    public static final String ENABLED = "enabled";
    public static final String SECRET = "secret";
    public static final String PREVIOUS_SECRET = "previousSecret";
    public static final String PREVIOUS_SECRET_EXPIRES_AT = "previousSecretExpiresAt";
    public static final String FAILING_SINCE = "failingSince";
    public static final String DISABLED_REASON = "disabledReason";
    public static final String UPDATED_AT = "updatedAt";

    private EndpointItem() {
    }

    /** A delivery succeeded: the endpoint is no longer failing (if it still exists). */
    public static Expression recovered() {
        return Expression.update("REMOVE #failing").when("attribute_exists(PK)").name("#failing", FAILING_SINCE);
    }

    /** A delivery failed: the endpoint is failing since {@code now}, unless it already was (if it still exists). */
    public static Expression failingSince(Instant now) {
        return Expression.update("SET #failing = if_not_exists(#failing, :now)").when("attribute_exists(PK)")
                .name("#failing", FAILING_SINCE).value(":now", Attr.s(now.toString()));
    }

    /** The sender disables an enabled endpoint that has been failing since {@code failingSince}. */
    public static Expression disableFailing(Instant failingSince) {
        return Expression.update("SET #enabled = :false, #reason = :failing, #failing = if_not_exists(#failing, :now)")
                .when("#enabled = :true")
                .name("#enabled", ENABLED).name("#reason", DISABLED_REASON).name("#failing", FAILING_SINCE)
                .value(":false", Attr.bool(false)).value(":true", Attr.bool(true))
                .value(":failing", Attr.s(Endpoint.DISABLED_FAILING)).value(":now", Attr.s(failingSince.toString()));
    }

    public static Map<String, AttributeValue> key(String accountId, String endpointId) {
        return Attr.key(partition(accountId), PREFIX + endpointId);
    }

    public static String partition(String accountId) {
        return ACCOUNT_PREFIX + accountId;
    }

    public static Map<String, AttributeValue> toItem(Endpoint e) {
        Map<String, AttributeValue> item = new HashMap<>(key(e.accountId(), e.id()));
        item.put(Attr.TYPE, Attr.s(TYPE));
        item.put("webhookId", Attr.s(e.id()));
        item.put("accountId", Attr.s(e.accountId()));
        item.put(URL, Attr.s(e.url()));
        item.put(EVENTS, AttributeValue.fromL(e.events().stream().map(Attr::s).toList()));
        item.put(ENABLED, AttributeValue.fromBool(e.enabled()));
        item.put(SECRET, Attr.s(e.secret()));
        if (e.previousSecret() != null) {
            item.put(PREVIOUS_SECRET, Attr.s(e.previousSecret()));
            item.put(PREVIOUS_SECRET_EXPIRES_AT, Attr.s(e.previousSecretExpiresAt().toString()));
        }
        if (e.failingSince() != null) {
            item.put(FAILING_SINCE, Attr.s(e.failingSince().toString()));
        }
        if (e.disabledReason() != null) {
            item.put(DISABLED_REASON, Attr.s(e.disabledReason()));
        }
        item.put("createdAt", Attr.s(e.createdAt().toString()));
        item.put(UPDATED_AT, Attr.s(e.updatedAt().toString()));
        return item;
    }

    public static Endpoint fromItem(Map<String, AttributeValue> item) {
        AttributeValue events = item.get(EVENTS);
        List<String> types = events == null || !events.hasL() ? List.of() : events.l().stream().map(AttributeValue::s).toList();
        AttributeValue enabled = item.get(ENABLED);
        return new Endpoint(Attr.str(item, "webhookId"), Attr.str(item, "accountId"), Attr.str(item, URL), types,
                enabled != null && Boolean.TRUE.equals(enabled.bool()), Attr.str(item, SECRET),
                Attr.str(item, PREVIOUS_SECRET), instant(item, PREVIOUS_SECRET_EXPIRES_AT), instant(item, FAILING_SINCE),
                Attr.str(item, DISABLED_REASON), instant(item, "createdAt"), instant(item, UPDATED_AT));
    }

    static Instant instant(Map<String, AttributeValue> item, String name) {
        String value = Attr.str(item, name);
        return value == null ? null : Instant.parse(value);
    }
}
