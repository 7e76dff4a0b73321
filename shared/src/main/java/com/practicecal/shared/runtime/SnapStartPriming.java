package com.practicecal.shared.runtime;

import com.practicecal.shared.aws.AwsClients;
import com.practicecal.shared.config.AppSettings;
import com.practicecal.shared.json.Json;
import com.practicecal.shared.store.DynamoTable;
import io.micronaut.context.BeanContext;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * SnapStart priming, registered at init by every function. Before Lambda takes the snapshot it loads and runs what a
 * first request needs: Jackson (de)serialisers of the function's types, every AWS client the function ships (some
 * are otherwise built on first use, e.g. Cognito in the staff function), the DynamoDB client's request path (a GetItem
 * of a key that does not exist) and, for API functions, a read-only route called by a caller that does not exist. Nothing is
 * written and no real data is read. After a restore the AWS credentials are resolved afresh and the retry jitter is
 * reseeded from the OS ({@link RetryJitter}: restored copies of one snapshot must not wait in lockstep); clocks are not
 * cached (system clock).
 */
public final class SnapStartPriming implements Resource {
    private static final Logger LOG = LoggerFactory.getLogger(SnapStartPriming.class);

    private final BeanContext context;
    private final Supplier<List<Class<?>>> jsonTypes;
    private final Runnable invocation;
    private final AtomicInteger checkpoints = new AtomicInteger();
    private final AtomicInteger restores = new AtomicInteger();

    private SnapStartPriming(BeanContext context, Supplier<List<Class<?>>> jsonTypes, Runnable invocation) {
        this.context = context;
        this.jsonTypes = jsonTypes;
        this.invocation = invocation;
    }

    /** Registers with the CRaC global context (a no-op on a JVM without CRaC); keep the result referenced. */
    public static SnapStartPriming register(BeanContext context, Supplier<List<Class<?>>> jsonTypes,
                                            Runnable invocation) {
        SnapStartPriming priming = new SnapStartPriming(context, jsonTypes, invocation);
        Core.getGlobalContext().register(priming);
        return priming;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> global) {
        long started = System.nanoTime();
        for (Class<?> type : jsonTypes.get()) {
            Json.MAPPER.readerFor(type); // builds and caches the deserialiser
            Json.MAPPER.writerFor(type); // and the serialiser
        }
        context.getBeansOfType(SdkClient.class); // builds them; they are singletons
        try {
            String table = context.getBean(AppSettings.class).tableName();
            DynamoTable.readAbsentKey(context.getBean(DynamoDbClient.class), table);
        } catch (RuntimeException refused) {
            // e.g. a function whose policy has no GetItem on the table: the client's request path ran all the same
            LOG.warn("priming GetItem failed: {}", refused.getClass().getSimpleName());
        }
        if (invocation != null) {
            invocation.run();
        }
        checkpoints.incrementAndGet();
        LOG.info("primed for the snapshot in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    @Override
    public void afterRestore(Context<? extends Resource> global) {
        RetryJitter.reseed();
        context.findBean(AwsClients.class).ifPresent(AwsClients::refreshCredentials);
        restores.incrementAndGet();
    }

    public int checkpoints() {
        return checkpoints.get();
    }

    public int restores() {
        return restores.get();
    }
}
