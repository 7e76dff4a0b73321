package com.practicecal.shared.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.practicecal.shared.aws.AwsClients;
import com.practicecal.shared.json.Json;
import io.micronaut.context.BeanContext;

/**
 * Base of every Lambda handler: Lambda constructs it once per execution environment (init), which starts the
 * function's {@link FunctionContexts application context} and injects the handler's {@code @Inject} fields; every
 * invocation then calls {@link #execute}. Lambda's runtime has already turned the event into {@code I}, so no JSON
 * stack of the framework is involved, and an injection failure fails init instead of being logged and swallowed.
 */
public abstract class FunctionHandler<I, O> implements RequestHandler<I, O>, AutoCloseable {
    static {
        // Lambda (AWS_LAMBDA_FUNCTION_NAME is set) runs this before the handler's other classes initialise (their
        // loggers, Micronaut): the AWS clients start building tens of milliseconds earlier than in the constructor.
        // Tests and the local runner share one context and build their clients there.
        String region = System.getenv("AWS_REGION");
        if (System.getenv("AWS_LAMBDA_FUNCTION_NAME") != null && region != null && !region.isBlank()) {
            AwsClients.startEarly(region, System.getenv("TABLE_NAME"));
        }
    }

    private final BeanContext context;
    private final boolean ownsContext;

    /** What Lambda calls: a context of the function's own. */
    protected FunctionHandler() {
        this(startContext(), true);
    }

    /**
     * Lambda runs init on two vCPUs whatever the memory size: the AWS clients and a first DynamoDB call are built on
     * a second thread ({@link AwsClients#startEarly}, started by the static initialiser, taken by the context's client
     * factory) while this one starts the context and then loads Jackson ({@link Json#warmUp}), instead of all of it
     * one after the other and Jackson inside the first request.
     */
    private static BeanContext startContext() {
        BeanContext context = FunctionContexts.start();
        Json.warmUp();
        return context;
    }

    /** For tests and the local runner: share one application context between functions. */
    protected FunctionHandler(BeanContext context) {
        this(context, false);
    }

    private FunctionHandler(BeanContext context, boolean ownsContext) {
        this.context = context;
        this.ownsContext = ownsContext;
        context.inject(this);
        if (ownsContext) {
            AwsClients.awaitEarlyCall();
        }
    }

    public final BeanContext beanContext() {
        return context;
    }

    @Override
    public final O handleRequest(I input, Context lambdaContext) {
        return execute(input);
    }

    /** One invocation: the event as Lambda's runtime decoded it, the response it encodes. */
    public abstract O execute(I input);

    @Override
    public void close() {
        if (ownsContext) {
            context.close();
        }
    }
}
