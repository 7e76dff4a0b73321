package com.practicecal.local;

import com.fasterxml.jackson.core.type.TypeReference;
import com.practicecal.shared.json.Json;
import java.util.List;
import java.util.Map;

/**
 * The subset of Lambda event-filtering patterns the template uses: nested objects whose leaves are lists of
 * allowed exact values. A record passes if every leaf of the pattern matches.
 */
final class EventPattern {
    private EventPattern() {
    }

    static Map<String, Object> parse(String json) {
        try {
            return Json.MAPPER.readValue(json, new TypeReference<Map<String, Object>>() { });
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("unreadable filter pattern " + json, e);
        }
    }

    static boolean matchesAny(List<Map<String, Object>> patterns, Map<String, Object> record) {
        return patterns.isEmpty() || patterns.stream().anyMatch(p -> matches(p, record));
    }

    @SuppressWarnings("unchecked")
    static boolean matches(Map<String, Object> pattern, Map<String, Object> record) {
        for (Map.Entry<String, Object> rule : pattern.entrySet()) {
            Object actual = record == null ? null : record.get(rule.getKey());
            if (rule.getValue() instanceof Map<?, ?> nested) {
                if (!(actual instanceof Map<?, ?>) || !matches((Map<String, Object>) nested, (Map<String, Object>) actual)) {
                    return false;
                }
            } else if (rule.getValue() instanceof List<?> allowed) {
                if (actual == null || !allowed.contains(actual)) {
                    return false;
                }
            } else {
                throw new IllegalArgumentException("unsupported filter rule for " + rule.getKey());
            }
        }
        return true;
    }
}
