package com.practicecal.shared.audit;

import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.Check;
import com.practicecal.shared.error.ValidationException;
import java.time.Instant;

/** GET /v1/audit and /v1/audit/verify parameters; the range defaults to the last 30 days. */
public record AuditQuery(Instant from, Instant to, String actor, String action, String targetId, int limit,
                         String cursor) {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;

    /** {@code ?full=true} on /v1/audit/verify: recompute the whole chain instead of continuing from the checkpoint. */
    public static boolean full(ApiRequest request) {
        return request.query("full").map(v -> switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ValidationException("full", "must be true or false");
        }).orElse(false);
    }

    public static AuditQuery from(ApiRequest request, Instant now) {
        Instant to = request.query("to").map(v -> Check.instant("to", v).toInstant()).orElse(now);
        Instant from = request.query("from").map(v -> Check.instant("from", v).toInstant())
                .orElse(to.minus(java.time.Duration.ofDays(30)));
        if (!to.isAfter(from)) {
            throw new ValidationException("to", "must be after from");
        }
        int limit = Check.limit(request, DEFAULT_LIMIT, MAX_LIMIT);
        return new AuditQuery(from, to,
                request.query("actor").map(v -> Check.optionalText("actor", v, 128)).orElse(null),
                request.query("action").map(v -> Check.optionalText("action", v, 64)).orElse(null),
                request.query("targetId").map(v -> Check.optionalText("targetId", v, 128)).orElse(null),
                limit, request.query("cursor").map(v -> Check.optionalText("cursor", v, 1024)).orElse(null));
    }
}
