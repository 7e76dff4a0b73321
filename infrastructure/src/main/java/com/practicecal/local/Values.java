package com.practicecal.local;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Typed reads of resolved template values (YAML gives strings, numbers and booleans interchangeably). */
final class Values {
    private Values() {
    }

    static Optional<String> string(Map<String, Object> map, String key) {
        return Optional.ofNullable(map.get(key)).map(Templates::asString);
    }

    static Optional<Integer> integer(Map<String, Object> map, String key) {
        return string(map, key).map(Integer::parseInt);
    }

    static Optional<Long> number(Map<String, Object> map, String key) {
        return string(map, key).map(Long::parseLong);
    }

    static Optional<Boolean> bool(Map<String, Object> map, String key) {
        return string(map, key).map(Boolean::parseBoolean);
    }

    static Map<String, Object> map(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value == null ? Map.of() : Templates.asMap(value);
    }

    static List<Map<String, Object>> maps(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value == null ? List.of() : Templates.asList(value).stream().map(Templates::asMap).toList();
    }

    static List<String> strings(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value == null ? List.of() : Templates.asList(value).stream().map(Templates::asString).toList();
    }
}
