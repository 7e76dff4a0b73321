package com.practicecal.shared.runtime;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;

/**
 * The application context of a deployed function: Micronaut's dependency injection only (no function, JSON or
 * scheduling modules on the class path), singletons created when first needed (a function builds only its routes'
 * beans; SnapStart's priming request creates them before the snapshot), no environment or cloud deduction, no banner.
 * Settings come from the environment variables of {@code template.yaml} ({@code TABLE_NAME} is {@code table.name}).
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

    public static ApplicationContext start() {
        return builder().start();
    }
}
