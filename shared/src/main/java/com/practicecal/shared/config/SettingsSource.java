package com.practicecal.shared.config;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where the settings beans read their values: in Lambda the function's environment variables ({@code table.name} is
 * {@code TABLE_NAME}, {@code webhooks.retry-jitter} is {@code WEBHOOKS_RETRY_JITTER}), in tests and the local runner
 * the properties of their application context ({@link SettingsSourceFactory}).
 */
@FunctionalInterface
public interface SettingsSource {
    /** The value of {@code key}, if set and not blank. */
    Optional<String> find(String key);

    default String get(String key, String fallback) {
        return find(key).orElse(fallback);
    }

    default boolean flag(String key, boolean fallback) {
        return find(key).map(Boolean::parseBoolean).orElse(fallback);
    }

    static SettingsSource environment(Map<String, String> variables) {
        return key -> Optional.ofNullable(variables.get(variable(key))).filter(value -> !value.isBlank());
    }

    /** {@code webhooks.retry-jitter} -> {@code WEBHOOKS_RETRY_JITTER} */
    static String variable(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
