package com.practicecal.shared.config;

import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Factory;
import io.micronaut.core.value.PropertyResolver;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * A deployed function runs a plain bean context (no environment, property sources or their converters:
 * {@code FunctionContexts}) and reads its environment variables; an application context (tests, the local runner)
 * answers from its properties.
 */
@Factory
public class SettingsSourceFactory {
    @Singleton
    SettingsSource settingsSource(BeanContext context) {
        if (context instanceof PropertyResolver properties) {
            return key -> properties.getProperty(key, String.class).filter(value -> !value.isBlank());
        }
        return SettingsSource.environment(System.getenv());
    }
}
