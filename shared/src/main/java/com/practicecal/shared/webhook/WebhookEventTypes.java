package com.practicecal.shared.webhook;

import java.util.List;
import java.util.Set;

/**
 * The event types an endpoint may subscribe to: outbox actions that are delivered as webhooks. Communities, grants
 * and staff do not exist yet, so {@code room.occupancy.changed}, {@code grant.*} and {@code staff.*} are not offered.
 */
public final class WebhookEventTypes {
    public static final String BOOKING_CREATED = "booking.created";
    public static final String BOOKING_MOVED = "booking.moved";
    public static final String BOOKING_CANCELLED = "booking.cancelled";
    public static final List<String> ALL = List.of(BOOKING_CREATED, BOOKING_MOVED, BOOKING_CANCELLED);
    private static final Set<String> SUPPORTED = Set.copyOf(ALL);

    private WebhookEventTypes() {
    }

    public static boolean supported(String type) {
        return SUPPORTED.contains(type);
    }
}
