package com.practicecal.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A response of the local API: status, headers (lower-case names), the body parsed as JSON (a missing node when it
 * is not JSON) and the raw body. Its {@code toString} shows status and body, so failed assertions explain
 * themselves.
 */
public record ApiResult(int status, Map<String, List<String>> headers, JsonNode json, String body) {

    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** {@code error.code} of the API's error body, or null. */
    public String errorCode() {
        return text(json.path("error").path("code"));
    }

    /** {@code error.field} of a validation error, or null. */
    public String errorField() {
        return text(json.path("error").path("field"));
    }

    /** A top-level (or dotted, e.g. {@code limits.rooms}) field of the JSON body as text, or null. */
    public String field(String dottedPath) {
        JsonNode node = json;
        for (String part : dottedPath.split("\\.")) {
            node = node.path(part);
        }
        return text(node);
    }

    public boolean isJson() {
        return !(json instanceof MissingNode);
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }

    @Override
    public String toString() {
        return "HTTP " + status + " " + body;
    }
}
