package com.practicecal.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.practicecal.functions.rooms.RoomsHandler;
import com.practicecal.shared.plan.Plan;
import com.practicecal.shared.runtime.RetryJitter;
import com.practicecal.shared.runtime.SnapStartPriming;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.crac.Core;
import org.junit.jupiter.api.Test;

/**
 * SnapStart priming as Lambda drives it: the resource registered at init is called before the checkpoint and after
 * the restore with the global context, and the function then serves a real request. Priming reads nothing real and
 * writes nothing; the restored function draws retry jitter from a new seed, not from the snapshot's.
 */
class SnapStartPrimingIT extends LocalStackIT {
    private static final Set<String> WRITES = Set.of("PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem",
            "TransactWriteItems", "SendMessage", "SendMessageBatch");

    @Test
    void primingRunsTheReadPathWithoutWritingAndTheFunctionServesAfterRestore() {
        TestUser owner = users.signUpAndLogin(Plan.M);
        RoomsHandler handler = new RoomsHandler(local.api().applicationContext());
        SnapStartPriming priming = handler.snapStart();

        Map<String, Long> calls = awsCalls.callsOf(() -> priming.beforeCheckpoint(Core.getGlobalContext()));
        assertThat(calls).containsKey("GetItem"); // the DynamoDB client, on a key no item has
        assertThat(calls).containsKey("BatchGetItem"); // GET /v1/rooms of a caller that does not exist
        assertThat(calls.keySet()).doesNotContainAnyElementsOf(WRITES);
        assertThat(priming.checkpoints()).isEqualTo(1);
        Random inSnapshot = copy(RetryJitter.generator()); // what every environment restored from it would hold

        priming.afterRestore(Core.getGlobalContext());
        assertThat(priming.restores()).isEqualTo(1);
        assertThat(draws(RetryJitter.generator())).as("retry jitter after the restore is not the snapshot's sequence")
                .isNotEqualTo(draws(inSnapshot));

        APIGatewayV2HTTPResponse response = handler.handleRequest(FunctionJarProcess.event("GET /v1/rooms", "/v1/rooms",
                Map.of(), Map.of(), Map.of("host", "localhost"), null, owner), new LocalLambdaContext("after-restore",
                "RoomsFunction", local.stack().region(), 1024, 15));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
    }

    private static long[] draws(Random random) {
        return random.longs(8).toArray();
    }

    /** A serialised copy, as a snapshot holds the generator's state. */
    private static Random copy(Random random) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(random);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return (Random) in.readObject();
            }
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
