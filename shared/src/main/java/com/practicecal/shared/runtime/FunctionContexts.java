package com.practicecal.shared.runtime;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.BeanContext;

/**
 * The context of a deployed function: Micronaut's dependency injection only (no function, JSON or scheduling modules
 * on the class path), a plain {@link BeanContext} (no environment, property sources or their converters: the settings
 * beans read the environment variables of {@code template.yaml} through {@code SettingsSource}, {@code TABLE_NAME} for
 * {@code table.name}), singletons created when first needed (a function builds only its routes' beans; SnapStart's
 * priming request creates them before the snapshot). Tests and the local runner use {@link #builder()}: an
 * application context with the same beans whose properties stand in for the variables.
 */
public final class FunctionContexts {
    /** Micronaut's names for a function running in Lambda; no configuration depends on them today. */
    public static final String[] ENVIRONMENTS = {"function", "lambda"};

    private FunctionContexts() {
    }

    public static ApplicationContextBuilder builder() {
        return ApplicationContext.builder(ENVIRONMENTS)
                .eagerInitSingletons(false)
                .deduceEnvironment(false)
                .deduceCloudEnvironment(false)
                .banner(false);
    }

    public static BeanContext start() {
        return BeanContext.build().start();
    }
}
