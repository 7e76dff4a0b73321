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
    /** A recurring creation (series, weekly block) without Idempotency-Key: only the key makes it resumable. */
    public static final String IDEMPOTENCY_KEY_REQUIRED = "IDEMPOTENCY_KEY_REQUIRED";
    public static final String PLAN_REQUIRED = "PLAN_REQUIRED";
    public static final String PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE";
    public static final String THROTTLED = "THROTTLED";
    public static final String INVITATION_EXPIRED = "INVITATION_EXPIRED";
    public static final String INVITATION_CLOSED = "INVITATION_CLOSED";
    public static final String ALREADY_IN_COMMUNITY = "ALREADY_IN_COMMUNITY";
    public static final String NOT_IN_COMMUNITY = "NOT_IN_COMMUNITY";
    public static final String COMMUNITY_OWNER_MUST_STAY = "COMMUNITY_OWNER_MUST_STAY";
    public static final String COMMUNITY_FULL = "COMMUNITY_FULL";
    public static final String OUTSIDE_WORKING_HOURS = "OUTSIDE_WORKING_HOURS";
    public static final String TOO_SHORT_NOTICE = "TOO_SHORT_NOTICE";
    public static final String BEYOND_HORIZON = "BEYOND_HORIZON";
    public static final String SLOT_TAKEN = "SLOT_TAKEN";
    public static final String CANCELLATION_TOO_LATE = "CANCELLATION_TOO_LATE";
    public static final String RESCHEDULE_TOO_LATE = "RESCHEDULE_TOO_LATE";
    public static final String RESCHEDULE_LIMIT_REACHED = "RESCHEDULE_LIMIT_REACHED";
    public static final String INVALID_MANAGE_TOKEN = "INVALID_MANAGE_TOKEN";
    public static final String GRANT_NOT_FOUND = "GRANT_NOT_FOUND";
    public static final String MISSING_SCOPE = "MISSING_SCOPE";
    public static final String INVOICE_EXISTS = "INVOICE_EXISTS";
    public static final String INTERNAL = "INTERNAL";
    public static final String WEBHOOK_URL_REFUSED = "WEBHOOK_URL_REFUSED";
    public static final String WEBHOOK_DISABLED = "WEBHOOK_DISABLED";
    public static final String ONLINE_DAILY_LIMIT = "ONLINE_DAILY_LIMIT";
    public static final String CLIENT_BOOKING_LIMIT = "CLIENT_BOOKING_LIMIT";
    public static final String ONLINE_MONTHLY_LIMIT = "ONLINE_MONTHLY_LIMIT";
    public static final String CODE_MISMATCH = "CODE_MISMATCH";
    public static final String CODE_EXPIRED = "CODE_EXPIRED";
    public static final String TOO_MANY_ATTEMPTS = "TOO_MANY_ATTEMPTS";
    public static final String ALREADY_CONFIRMED = "ALREADY_CONFIRMED";
    public static final String SIGNUP_EXPIRED = "SIGNUP_EXPIRED";
    public static final String CLIENT_HAS_FUTURE_BOOKINGS = "CLIENT_HAS_FUTURE_BOOKINGS";
    public static final String JOIN_CODE_USED = "JOIN_CODE_USED";
    public static final String JOIN_CODE_EXPIRED = "JOIN_CODE_EXPIRED";

    private ErrorCodes() {
    }
}
