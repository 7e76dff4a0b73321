package com.practicecal.local;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The HttpApi's CorsConfiguration, played like API Gateway: it answers preflight requests itself and adds
 * {@code access-control-allow-origin} to responses for allowed origins, so a local frontend can call the API.
 */
final class CorsPolicy {
    private final List<String> allowOrigins;
    private final List<String> allowHeaders;
    private final List<String> allowMethods;
    private final List<String> exposeHeaders;
    private final boolean allowCredentials;
    private final Integer maxAge;

    private CorsPolicy(Map<String, Object> config) {
        this.allowOrigins = Values.strings(config, "AllowOrigins");
        this.allowHeaders = Values.strings(config, "AllowHeaders").stream()
                .map(h -> h.toLowerCase(Locale.ROOT)).toList();
        this.allowMethods = Values.strings(config, "AllowMethods");
        this.exposeHeaders = Values.strings(config, "ExposeHeaders");
        this.allowCredentials = Values.bool(config, "AllowCredentials").orElse(false);
        this.maxAge = Values.integer(config, "MaxAge").orElse(null);
    }

    /** @param resolved the template's CorsConfiguration with intrinsics resolved; empty means no CORS */
    static Optional<CorsPolicy> of(Map<String, Object> resolved) {
        return resolved == null || resolved.isEmpty() ? Optional.empty() : Optional.of(new CorsPolicy(resolved));
    }

    static boolean isPreflight(IncomingRequest request) {
        return request.method().equalsIgnoreCase("OPTIONS") && request.header("origin").isPresent()
                && request.header("access-control-request-method").isPresent();
    }

    /** The origin to echo back, if this origin may call the API. */
    Optional<String> allowedOrigin(Optional<String> origin) {
        return origin.filter(o -> allowOrigins.contains("*") || allowOrigins.contains(o))
                .map(o -> allowOrigins.contains("*") && !allowCredentials ? "*" : o);
    }

    /** Headers of the preflight answer, or empty if the origin or method is not allowed. */
    Optional<Map<String, String>> preflight(IncomingRequest request) {
        Optional<String> origin = allowedOrigin(request.header("origin"));
        String method = request.header("access-control-request-method").orElse("").toUpperCase(Locale.ROOT);
        if (origin.isEmpty() || !(allowMethods.contains("*") || allowMethods.contains(method))) {
            return Optional.empty();
        }
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put("access-control-allow-origin", origin.get());
        headers.put("access-control-allow-methods", String.join(",", allowMethods));
        String requested = request.header("access-control-request-headers").orElse("");
        if (!allowHeaders.isEmpty() && !requested.isBlank()) {
            headers.put("access-control-allow-headers",
                    allowHeaders.contains("*") ? requested : String.join(",", allowHeaders));
        }
        if (maxAge != null) {
            headers.put("access-control-max-age", String.valueOf(maxAge));
        }
        if (allowCredentials) {
            headers.put("access-control-allow-credentials", "true");
        }
        return Optional.of(headers);
    }

    /** Headers added to an actual response. */
    Map<String, String> responseHeaders(IncomingRequest request) {
        Optional<String> origin = allowedOrigin(request.header("origin"));
        if (origin.isEmpty()) {
            return Map.of();
        }
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put("access-control-allow-origin", origin.get());
        if (!exposeHeaders.isEmpty()) {
            headers.put("access-control-expose-headers", String.join(",", exposeHeaders));
        }
        if (allowCredentials) {
            headers.put("access-control-allow-credentials", "true");
        }
        return headers;
    }
}
