package com.practicecal.shared.error;

/** Stable error codes of the public API. Clients branch on these; never rename one. */
public final class ErrorCodes {
    public static final String VALIDATION_FAILED = "VALIDATION_FAILED";
    public static final String MALFORMED_JSON = "MALFORMED_JSON";
    public static final String UNAUTHENTICATED = "UNAUTHENTICATED";
    public static final String FORBIDDEN = "FORBIDDEN";
    public static final String NOT_FOUND = "NOT_FOUND";
    public static final String ACCOUNT_NOT_FOUND = "ACCOUNT_NOT_FOUND";
    public static final String EMAIL_TAKEN = "EMAIL_TAKEN";
    public static final String WEAK_PASSWORD = "WEAK_PASSWORD";
    public static final String ROOM_TAKEN = "ROOM_TAKEN";
    public static final String ROOM_LIMIT_REACHED = "ROOM_LIMIT_REACHED";
    public static final String ROOM_HAS_FUTURE_BOOKINGS = "ROOM_HAS_FUTURE_BOOKINGS";
    public static final String ROOM_UNAVAILABLE = "ROOM_UNAVAILABLE";
    public static final String QUOTA_EXCEEDED = "QUOTA_EXCEEDED";
    public static final String CONCURRENT_MODIFICATION = "CONCURRENT_MODIFICATION";
    public static final String BOOKING_CANCELLED = "BOOKING_CANCELLED";
    public static final String IDEMPOTENCY_KEY_REUSED = "IDEMPOTENCY_KEY_REUSED";
    public static final String PLAN_REQUIRED = "PLAN_REQUIRED";
    public static final String PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE";
    public static final String THROTTLED = "THROTTLED";
    public static final String INTERNAL = "INTERNAL";
    public static final String WEBHOOK_URL_REFUSED = "WEBHOOK_URL_REFUSED";
    public static final String WEBHOOK_DISABLED = "WEBHOOK_DISABLED";

    private ErrorCodes() {
    }
}
