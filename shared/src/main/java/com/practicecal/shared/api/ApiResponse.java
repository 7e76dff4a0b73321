package com.practicecal.shared.api;

import com.practicecal.shared.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a handler returns: status, body (JSON, already serialized, unless made by {@link #text}) and extra headers.
 * Extra headers win over {@link ApiFunction}'s defaults, so a {@code Content-Type} here replaces the JSON one.
 */
public record ApiResponse(int status, String body, Map<String, String> headers) {
    public static final String CONTENT_TYPE = "Content-Type";

    public static ApiResponse ok(Object body) {
        return json(200, body);
    }

    public static ApiResponse created(Object body) {
        return json(201, body);
    }

    public static ApiResponse noContent() {
        return new ApiResponse(204, null, Map.of());
    }

    public static ApiResponse json(int status, Object body) {
        return new ApiResponse(status, Json.write(body), Map.of());
    }

    /** A non-JSON body (e.g. {@code text/calendar}); its {@code Content-Type} replaces the default JSON one. */
    public static ApiResponse text(int status, String body, String contentType) {
        return new ApiResponse(status, body, Map.of(CONTENT_TYPE, contentType));
    }

    /**
     * A body with a strong {@code ETag}: {@code 304} without body (and without {@code Content-Type}) when the
     * caller's {@code If-None-Match} already matched, else {@code 200}.
     */
    public static ApiResponse tagged(boolean notModified, String body, String contentType, String etag,
                                     String cacheControl) {
        ApiResponse response = notModified ? new ApiResponse(304, null, Map.of()) : text(200, body, contentType);
        return response.withHeader("ETag", etag).withHeader("Cache-Control", cacheControl);
    }

    public ApiResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new ApiResponse(status, body, copy);
    }
}
