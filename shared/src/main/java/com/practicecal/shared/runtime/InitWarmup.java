package com.practicecal.shared.runtime;

import com.practicecal.shared.aws.AwsClients;
import com.practicecal.shared.json.Json;
import software.amazon.awssdk.regions.Region;

/**
 * What a function's init does beside starting its application context: Lambda runs init on two vCPUs whatever the
 * memory size, so the AWS clients (with a first DynamoDB call) and Jackson are built on background threads meanwhile
 * ({@link AwsClients#startEarly}, {@link Json#warmUp}), not one after the other and not in the first request.
 */
public final class InitWarmup {
    private static volatile Thread json;

    private InitWarmup() {
    }

    /** From the handler's Lambda constructor, before the context starts; settings from the environment. */
    static void start() {
        String region = System.getenv("AWS_REGION");
        if (region != null && !region.isBlank()) {
            AwsClients.startEarly(Region.of(region), System.getenv("TABLE_NAME"));
        }
        Thread thread = new Thread(Json::warmUp, "init-json");
        thread.setDaemon(true);
        thread.start();
        json = thread;
    }

    /** Waits for the Jackson warm-up (before a SnapStart checkpoint); the clients are awaited by their factory. */
    static void await() {
        Thread thread = json;
        if (thread != null) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
