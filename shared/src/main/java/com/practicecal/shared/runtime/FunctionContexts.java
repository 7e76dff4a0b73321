package com.practicecal.shared.runtime;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.LambdaApplicationContextBuilder;
import java.util.Map;

/**
 * The application context of a deployed function: Lambda's environments, but singletons created when first needed
 * (a function builds only its routes' beans; SnapStart's priming request creates them before the snapshot), no
 * environment or cloud deduction, no banner and no Jackson module scanning.
 */
public final class FunctionContexts {
    private FunctionContexts() {
    }

    public static ApplicationContextBuilder builder() {
        return new LambdaApplicationContextBuilder()
                .eagerInitSingletons(false)
                .deduceEnvironment(false)
                .deduceCloudEnvironment(false)
                .banner(false)
                .properties(Map.of("jackson.module-scan", false));
    }
}
