package com.practicecal.shared.audit;

import com.practicecal.shared.validation.Check;
import com.practicecal.shared.error.ValidationException;
import java.time.Instant;

/** GET /v1/audit and /v1/audit/verify parameters; the range defaults to the last 30 days. */
public record AuditQuery(Instant from, Instant to, String actor, String action, String targetId, int limit,
                         String cursor) {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;

    /** {@code ?full=true} on /v1/audit/verify: recompute the whole chain instead of continuing from the checkpoint. */
    public static boolean full(String value) {
        if (value == null) {
            return false;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ValidationException("full", "must be true or false");
        };
    }

    /** Parameters as given (null: not given). */
    public record Params(String from, String to, String actor, String action, String targetId, String limit,
                         String cursor) {
    }

    public static AuditQuery parse(Params params, Instant now) {
        Instant to = params.to() == null ? now : Check.instant("to", params.to()).toInstant();
        Instant from = params.from() == null ? to.minus(java.time.Duration.ofDays(30))
                : Check.instant("from", params.from()).toInstant();
        if (!to.isAfter(from)) {
            throw new ValidationException("to", "must be after from");
        }
        int limit = Check.limit(params.limit(), DEFAULT_LIMIT, MAX_LIMIT);
        return new AuditQuery(from, to, Check.optionalText("actor", params.actor(), 128),
                Check.optionalText("action", params.action(), 64),
                Check.optionalText("targetId", params.targetId(), 128), limit,
                Check.optionalText("cursor", params.cursor(), 1024));
    }
}
