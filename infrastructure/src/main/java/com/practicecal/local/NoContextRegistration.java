package com.practicecal.local;

import com.amazonaws.services.lambda.runtime.Context;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.function.aws.LambdaContextFactory;
import jakarta.inject.Singleton;

/**
 * In the local runner only: micronaut-function-aws registers each invocation's Lambda {@link Context} (and its
 * logger) as new singletons. Registrations accumulate and each one gets slower (measured: about 1 ms per request
 * after 5,000 requests, 9 ms after 20,000), which in the one long-lived context all local functions share means
 * ever slower test suites and {@code ./dev up} sessions. No bean of this project injects the Context.
 */
@Singleton
@Replaces(LambdaContextFactory.class)
@Requires(property = LocalApi.LOCAL_RUNNER_PROPERTY, value = "true")
final class NoContextRegistration implements LambdaContextFactory {
    @Override
    public void registerSingletons(Context context) {
        // deliberately nothing
    }
}
