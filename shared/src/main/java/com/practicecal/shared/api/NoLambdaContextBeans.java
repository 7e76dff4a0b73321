package com.practicecal.shared.api;

import com.amazonaws.services.lambda.runtime.Context;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.function.aws.LambdaContextFactory;
import jakarta.inject.Singleton;

/**
 * micronaut-function-aws registers every invocation's Lambda {@link Context} (and its logger) as new singletons.
 * Nothing here injects them, and the registrations pile up in a warm container, each one slower than the last
 * (measured locally: ~1 ms per request after 5,000 invocations, ~9 ms after 20,000). So: register nothing.
 */
@Singleton
@Replaces(LambdaContextFactory.class)
final class NoLambdaContextBeans implements LambdaContextFactory {
    @Override
    public void registerSingletons(Context context) {
        // deliberately nothing
    }
}
