package com.practicecal.shared.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.practicecal.shared.auth.Principal;
import com.practicecal.shared.validation.Validatable;
import com.practicecal.shared.error.ErrorCodes;
import com.practicecal.shared.error.NotFoundException;
import com.practicecal.shared.error.PayloadTooLargeException;
import com.practicecal.shared.error.UnauthorizedException;
import com.practicecal.shared.error.ValidationException;
import com.practicecal.shared.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** An API Gateway v2 request reduced to what services need; parsing and validation of input start here. */
public final class ApiRequest {
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private final APIGatewayV2HTTPEvent event;
    private final Map<String, String> headers;
    private final boolean priming;

    public ApiRequest(APIGatewayV2HTTPEvent event) {
        this(event, false);
    }

    /** SnapStart's priming request: its caller is {@link Principal#PRIMING}, whatever the event says. */
    static ApiRequest priming(APIGatewayV2HTTPEvent event) {
        return new ApiRequest(event, true);
    }

    private ApiRequest(APIGatewayV2HTTPEvent event, boolean priming) {
        this.event = event;
        this.priming = priming;
        this.headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (event.getHeaders() != null) {
            headers.putAll(event.getHeaders());
        }
    }

    public String requestId() {
        var ctx = event.getRequestContext();
        return ctx != null && ctx.getRequestId() != null ? ctx.getRequestId() : "local";
    }

    public String method() {
        var ctx = event.getRequestContext();
        return ctx != null && ctx.getHttp() != null ? ctx.getHttp().getMethod().toUpperCase(Locale.ROOT) : "GET";
    }

    /** API Gateway's route key, e.g. {@code GET /v1/rooms/{roomId}}; null if the event carries none. */
    public String routeKey() {
        if (event.getRouteKey() != null) {
            return event.getRouteKey();
        }
        var ctx = event.getRequestContext();
        return ctx == null ? null : ctx.getRouteKey();
    }

    public String rawPath() {
        return event.getRawPath();
    }

    /** The caller vouched for by the JWT authorizer; 401 if the route was reached without one. */
    public Principal principal() {
        return optionalPrincipal().orElseThrow(
                () -> new UnauthorizedException(ErrorCodes.UNAUTHENTICATED, "authentication required"));
    }

    public Optional<Principal> optionalPrincipal() {
        if (priming) {
            return Optional.of(Principal.PRIMING);
        }
        var ctx = event.getRequestContext();
        if (ctx == null || ctx.getAuthorizer() == null || ctx.getAuthorizer().getJwt() == null) {
            return Optional.empty();
        }
        Map<String, String> claims = ctx.getAuthorizer().getJwt().getClaims();
        if (claims == null || claims.get("sub") == null) {
            return Optional.empty();
        }
        return Optional.of(new Principal(claims.get("sub"), claims.get("email")));
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name)).filter(v -> !v.isBlank());
    }

    /** A path parameter the route declares; a missing one means the route and handler disagree. */
    public String pathParam(String name) {
        Map<String, String> params = event.getPathParameters();
        String value = params == null ? null : params.get(name);
        if (value == null || value.isBlank()) {
            throw new NotFoundException(ErrorCodes.NOT_FOUND, "not found");
        }
        return value;
    }

    /** An optional query parameter; one given without a value ({@code ?to=}) is refused, not read as absent. */
    public Optional<String> query(String name) {
        Map<String, String> params = event.getQueryStringParameters();
        String value = params == null ? null : params.get(name);
        if (value != null && value.isBlank()) {
            throw new ValidationException(name, "query parameter must not be empty");
        }
        return Optional.ofNullable(value);
    }

    /** {@link #query} as a plain value for domain parsers: null if not given. */
    public String queryValue(String name) {
        return query(name).orElse(null);
    }

    /**
     * The origin ({@code scheme://host}) the caller reached the API on: API Gateway sets {@code X-Forwarded-Proto};
     * the {@code Host} is the API's or its custom domain's.
     */
    public String origin() {
        return header("X-Forwarded-Proto").orElse("https") + "://" + header("Host").orElse("localhost");
    }

    public String requiredQuery(String name) {
        return query(name).orElseThrow(() -> new ValidationException(name, "query parameter is required"));
    }

    public String body() {
        String body = event.getBody();
        if (body == null) {
            return null;
        }
        if (event.getIsBase64Encoded()) {
            body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
        }
        if (body.getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
            throw new PayloadTooLargeException(ErrorCodes.PAYLOAD_TOO_LARGE, "request body exceeds " + MAX_BODY_BYTES + " bytes");
        }
        return body;
    }

    /** Parses the body into a request type and runs its validation: the one entry point for input. */
    public <T extends Validatable> T body(Class<T> type) {
        T parsed = Json.read(body(), type);
        parsed.validate();
        return parsed;
    }

    /** {@link #body(Class)} for an optional body: an absent or blank one is {@code absent}. */
    public <T extends Validatable> T body(Class<T> type, java.util.function.Supplier<T> absent) {
        String body = body();
        return body == null || body.isBlank() ? absent.get() : body(type);
    }
}
