package com.practicecal.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.practicecal.functions.rooms.RoomsHandler;
import com.practicecal.shared.plan.Plan;
import com.practicecal.shared.runtime.SnapStartPriming;
import java.util.Map;
import java.util.Set;
import org.crac.Core;
import org.junit.jupiter.api.Test;

/**
 * SnapStart priming as Lambda drives it: the resource registered at init is called before the checkpoint and after
 * the restore with the global context, and the function then serves a real request. Priming reads nothing real and
 * writes nothing.
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

        priming.afterRestore(Core.getGlobalContext());
        assertThat(priming.restores()).isEqualTo(1);

        APIGatewayV2HTTPResponse response = handler.handleRequest(FunctionJarProcess.event("GET /v1/rooms", "/v1/rooms",
                Map.of(), Map.of(), Map.of("host", "localhost"), null, owner), new LocalLambdaContext("after-restore",
                "RoomsFunction", local.stack().region(), 1024, 15));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
    }
}
