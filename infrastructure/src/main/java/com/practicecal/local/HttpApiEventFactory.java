package com.practicecal.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Builds the payload-format-2.0 event API Gateway hands to a function: lower-cased headers (repeats joined with
 * commas), cookies moved out of the headers, decoded query parameters (repeats comma-joined), path parameters,
 * text bodies as-is and binary bodies base64-encoded, and the request context with the JWT claims.
 */
public final class HttpApiEventFactory {
    public static final String STAGE = "$default";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final Pattern TEXT_TYPES = Pattern.compile(
            "^(text/.*|application/(json|xml|javascript|x-www-form-urlencoded|yaml|x-yaml)|.*\\+(json|xml))$");

    private final String apiId;
    private final String accountId;

    public HttpApiEventFactory(String apiId, String accountId) {
        this.apiId = apiId;
        this.accountId = accountId;
    }

    public APIGatewayV2HTTPEvent create(IncomingRequest request, RouteMatch match, JwtAuthorizer.Allowed auth,
                                        String requestId, Instant now) {
        String path = PercentDecoding.path(request.rawPath());
        String routeKey = match.route().path().equals("$default") ? "$default" : match.route().routeKey();
        Map<String, String> headers = headers(request);
        List<String> cookies = cookies(request);
        String host = headers.getOrDefault("host", "localhost");
        String domainName = host.contains(":") ? host.substring(0, host.indexOf(':')) : host;
        headers.put("x-forwarded-for", request.sourceIp());
        headers.put("x-forwarded-proto", "http");
        headers.put("x-forwarded-port", host.contains(":") ? host.substring(host.indexOf(':') + 1) : "80");
        headers.put("x-amzn-trace-id", "Root=1-" + Long.toHexString(now.getEpochSecond()) + "-" + randomHex(24));

        boolean text = isText(headers.get("content-type"));
        String body = null;
        if (request.body() != null && request.body().length > 0) {
            body = text ? new String(request.body(), StandardCharsets.UTF_8)
                    : Base64.getEncoder().encodeToString(request.body());
        }

        RequestContext.RequestContextBuilder context = RequestContext.builder()
                .withAccountId(accountId)
                .withApiId(apiId)
                .withDomainName(domainName)
                .withDomainPrefix(domainPrefix(domainName))
                .withHttp(RequestContext.Http.builder()
                        .withMethod(request.method().toUpperCase(Locale.ROOT))
                        .withPath(path)
                        .withProtocol(request.protocol())
                        .withSourceIp(request.sourceIp())
                        .withUserAgent(headers.get("user-agent"))
                        .build())
                .withRequestId(requestId)
                .withRouteKey(routeKey)
                .withStage(STAGE)
                .withTime(TIME.format(now))
                .withTimeEpoch(now.toEpochMilli());
        if (auth != null) {
            context.withAuthorizer(RequestContext.Authorizer.builder()
                    .withJwt(RequestContext.Authorizer.JWT.builder()
                            .withClaims(auth.claims())
                            .withScopes(auth.scopes())
                            .build())
                    .build());
        }
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(routeKey)
                .withRawPath(path) // HTTP APIs deliver rawPath decoded
                .withRawQueryString(request.rawQuery() == null ? "" : request.rawQuery())
                .withCookies(cookies.isEmpty() ? null : cookies)
                .withHeaders(headers)
                .withQueryStringParameters(queryParameters(request.rawQuery()))
                .withPathParameters(match.pathParameters().isEmpty() ? null : match.pathParameters())
                .withBody(body)
                .withIsBase64Encoded(body != null && !text)
                .withRequestContext(context.build())
                .build();
    }

    /** The first label of the host name ({@code abc123} of {@code abc123.execute-api...}); an IP stays whole. */
    private static String domainPrefix(String domainName) {
        boolean ip = domainName.chars().allMatch(c -> Character.isDigit(c) || c == '.') || domainName.contains(":");
        return ip || !domainName.contains(".") ? domainName : domainName.substring(0, domainName.indexOf('.'));
    }

    private static Map<String, String> headers(IncomingRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        request.headers().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!lower.equals("cookie") && !values.isEmpty()) {
                headers.merge(lower, String.join(",", values), (a, b) -> a + "," + b);
            }
        });
        return headers;
    }

    private static List<String> cookies(IncomingRequest request) {
        List<String> cookies = new ArrayList<>();
        request.headers().forEach((name, values) -> {
            if (name.equalsIgnoreCase("cookie")) {
                for (String header : values) {
                    for (String cookie : header.split(";")) {
                        if (!cookie.isBlank()) {
                            cookies.add(cookie.strip());
                        }
                    }
                }
            }
        });
        return cookies;
    }

    static Map<String, String> queryParameters(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = PercentDecoding.query(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : PercentDecoding.query(pair.substring(eq + 1));
            params.merge(name, value, (a, b) -> a + "," + b);
        }
        return params.isEmpty() ? null : params;
    }

    private static String randomHex(int length) {
        StringBuilder hex = new StringBuilder(length);
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        while (hex.length() < length) {
            hex.append(Character.forDigit(random.nextInt(16), 16));
        }
        return hex.toString();
    }

    static boolean isText(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        String mediaType = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        return TEXT_TYPES.matcher(mediaType).matches();
    }
}
