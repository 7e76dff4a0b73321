package com.practicecal.local;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the gateway writes back: status, headers (repeatable) and body bytes. */
record GatewayResponse(int status, Map<String, List<String>> headers, byte[] body) {

    /** API Gateway's own answers ({@code {"message":"Not Found"}} etc.), not a function's. */
    static GatewayResponse gatewayMessage(int status, String message) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("content-type", new ArrayList<>(List.of("application/json")));
        return new GatewayResponse(status, headers,
                ("{\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    GatewayResponse withHeader(String name, String value) {
        headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        return this;
    }
}
