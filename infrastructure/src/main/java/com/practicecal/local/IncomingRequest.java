package com.practicecal.local;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP request as it reaches the gateway, independent of the HTTP server, so that event building and routing
 * can be unit-tested.
 *
 * @param rawPath  the path exactly as sent (still percent-encoded)
 * @param rawQuery the query string exactly as sent, without {@code ?}; empty when there is none
 * @param headers  header name (any case) to its values in arrival order
 */
public record IncomingRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                              byte[] body, String sourceIp, String protocol) {

    public Optional<String> header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream()).findFirst();
    }
}
