package com.practicecal.shared.api;

import com.practicecal.shared.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a handler returns: status, JSON body (already serialized) and extra headers. */
public record ApiResponse(int status, String body, Map<String, String> headers) {

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

    public ApiResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new ApiResponse(status, body, copy);
    }
}
