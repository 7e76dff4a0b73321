package com.practicecal.shared.webhook;

import java.util.List;
import java.util.Set;

/**
 * The event types an endpoint may subscribe to: outbox actions that are delivered as webhooks (to the account whose
 * data changed). {@code room.occupancy.changed} for community members is not offered yet.
 */
public final class WebhookEventTypes {
    public static final String BOOKING_CREATED = "booking.created";
    public static final String BOOKING_MOVED = "booking.moved";
    public static final String BOOKING_CANCELLED = "booking.cancelled";
    public static final List<String> ALL = List.of(BOOKING_CREATED, BOOKING_MOVED, BOOKING_CANCELLED,
            "grant.created", "grant.revoked", "staff.added", "staff.changed", "staff.removed", "grant.accepted",
            "grant.declined");
    private static final Set<String> SUPPORTED = Set.copyOf(ALL);

    private WebhookEventTypes() {
    }

    public static boolean supported(String type) {
        return SUPPORTED.contains(type);
    }
}
