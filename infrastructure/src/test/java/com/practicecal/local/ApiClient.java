package com.practicecal.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP client for the local API. Bodies are objects (serialized as JSON) or strings (sent as they are, e.g. broken
 * JSON); {@code token} null means no Authorization header; extra headers come as name/value pairs:
 * {@code api.post("/v1/bookings", body, user.accessToken(), "Idempotency-Key", key)}.
 */
public final class ApiClient {
    static final ObjectMapper JSON = new ObjectMapper();
    private final URI base;
    private final HttpClient http;

    public ApiClient(URI base) {
        this.base = base;
        // HTTP/1.1: the JDK client would otherwise try an h2c upgrade on every new connection.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    public URI base() {
        return base;
    }

    public ApiResult get(String path, String token, String... headers) {
        return send("GET", path, null, token, headers);
    }

    public ApiResult post(String path, Object body, String token, String... headers) {
        return send("POST", path, body, token, headers);
    }

    public ApiResult put(String path, Object body, String token, String... headers) {
        return send("PUT", path, body, token, headers);
    }

    public ApiResult patch(String path, Object body, String token, String... headers) {
        return send("PATCH", path, body, token, headers);
    }

    public ApiResult delete(String path, String token, String... headers) {
        return send("DELETE", path, null, token, headers);
    }

    public ApiResult send(String method, String path, Object body, String token, String... headers) {
        if (headers.length % 2 != 0) {
            throw new IllegalArgumentException("headers come as name/value pairs");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        boolean contentType = false;
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            contentType |= headers[i].equalsIgnoreCase("content-type");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null && !contentType) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body instanceof String text ? text : toJson(body)));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, List<String>> responseHeaders = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) ->
                    responseHeaders.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
            return new ApiResult(response.statusCode(), responseHeaders, parse(response.body()), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static String toJson(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException notJson) {
            return MissingNode.getInstance();
        }
    }
}
