package com.practicecal.local.audit;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Makes chosen SDK calls fail the way an unreachable endpoint does (SdkClientException), while the rule is armed.
 * Attached like any interceptor bean, so the functions' real clients see the outage (also used by other tests, e.g.
 * a booking series crashing midway).
 */
public final class FaultInjector implements ExecutionInterceptor {
    private volatile Predicate<SdkRequest> failWhen = request -> false;
    private final AtomicInteger injected = new AtomicInteger();

    public void failWhen(Predicate<SdkRequest> rule) {
        this.failWhen = rule;
    }

    public void heal() {
        this.failWhen = request -> false;
    }

    public int injected() {
        return injected.get();
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (failWhen.test(context.request())) {
            injected.incrementAndGet();
            throw SdkClientException.create("injected fault: endpoint unreachable");
        }
    }
}
