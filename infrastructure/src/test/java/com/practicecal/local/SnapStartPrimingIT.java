package com.practicecal.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.practicecal.functions.rooms.RoomsHandler;
import com.practicecal.shared.api.RoutedFunction;
import com.practicecal.shared.plan.Plan;
import com.practicecal.shared.runtime.FunctionContexts;
import com.practicecal.shared.runtime.RetryJitter;
import com.practicecal.shared.runtime.SnapStartPriming;
import io.micronaut.context.ApplicationContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.crac.Core;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * SnapStart priming as Lambda drives it: the resource registered at init is called before the checkpoint and after
 * the restore with the global context, and the function then serves a real request. Priming reads nothing real and
 * writes nothing; the restored function draws retry jitter from a new seed, not from the snapshot's.
 */
class SnapStartPrimingIT extends LocalStackIT {
    private static final Set<String> WRITES = Set.of("PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem",
            "TransactWriteItems", "SendMessage", "SendMessageBatch", "SignUp", "AdminCreateUser", "AdminDeleteUser",
            "SendEmail");

    @Test
    void primingRunsTheReadPathWithoutWritingAndTheFunctionServesAfterRestore() {
        TestUser owner = users.signUpAndLogin(Plan.M);
        RoomsHandler handler = new RoomsHandler(local.api().applicationContext());
        SnapStartPriming priming = handler.snapStart();

        Map<String, Long> calls = awsCalls.callsOf(() -> priming.beforeCheckpoint(Core.getGlobalContext()));
        assertThat(calls).containsKey("GetItem"); // the DynamoDB client, on a key no item has
        assertThat(calls).containsKey("BatchGetItem"); // the synthetic caller's user item, which does not exist
        assertThat(calls).as("GET /v1/rooms runs on to list the synthetic owner's (no) rooms").containsKey("Query");
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

    /** Every API function primes all its GET routes as the synthetic owner: reads only, never a write. */
    @Test
    void everyApiFunctionPrimesItsReadRoutesWithoutWriting() throws ReflectiveOperationException {
        SoftAssertions softly = new SoftAssertions();
        for (SamFunction function : local.stack().template().functions()) {
            if (function.routes().isEmpty()) {
                continue;
            }
            RoutedFunction handler = (RoutedFunction) Class.forName(function.handlerClass())
                    .getConstructor(ApplicationContext.class).newInstance(local.api().applicationContext());
            Map<String, Long> calls = awsCalls.callsOf(() -> handler.snapStart().beforeCheckpoint(Core.getGlobalContext()));
            System.out.printf("priming %s: %s %s%n", function.logicalId(), calls, handler.primedStatuses());
            softly.assertThat(calls.keySet()).as("AWS calls priming %s", function.logicalId())
                    .doesNotContainAnyElementsOf(WRITES);
            softly.assertThat(handler.primedStatuses().keySet()).as("GET routes primed in %s", function.logicalId())
                    .containsAll(handler.routeKeys().stream().filter(k -> k.startsWith("GET ")).toList())
                    .isNotEmpty(); // a function without read routes primes a write route with a refused body
            handler.primedStatuses().forEach((routeKey, status) -> {
                if (!routeKey.startsWith("GET ")) {
                    softly.assertThat(status).as("%s primed with a body its validation refuses", routeKey)
                            .isEqualTo(422);
                }
            });
            softly.assertThat(handler.primedStatuses().values()).as("statuses priming %s: %s", function.logicalId(),
                    handler.primedStatuses()).allSatisfy(status -> assertThat(status).isLessThan(500));
        }
        softly.assertAll();
    }

    /**
     * Clients that only some routes call are built when first called (the staff function's Cognito, online booking's
     * Secrets Manager and SES, the integrations function's SQS: their reads need none), and SnapStart priming builds
     * them before the snapshot, as it does every AWS client a function ships.
     */
    @Test
    void primingBuildsTheClientsAFunctionOtherwiseBuildsOnFirstUse() throws ReflectiveOperationException {
        Map<String, List<Class<? extends SdkClient>>> lazy = Map.of(
                "StaffFunction", List.of(CognitoIdentityProviderClient.class),
                "OnlineBookingFunction", List.of(SecretsManagerClient.class, SesV2Client.class),
                "IntegrationsFunction", List.of(SqsClient.class));
        SoftAssertions softly = new SoftAssertions();
        for (SamFunction function : local.stack().template().functions()) {
            if (!lazy.containsKey(function.logicalId())) {
                continue;
            }
            Map<String, Object> properties = new LinkedHashMap<>(local.stack().settings());
            properties.putAll(local.stack().settings(function));
            try (ApplicationContext context = FunctionContexts.builder().properties(properties).start()) {
                RoutedFunction handler = (RoutedFunction) Class.forName(function.handlerClass())
                        .getConstructor(ApplicationContext.class).newInstance(context);
                for (Class<? extends SdkClient> client : lazy.get(function.logicalId())) {
                    softly.assertThat(context.getActiveBeanRegistrations(client))
                            .as("%s after init: %s", function.logicalId(), client.getSimpleName()).isEmpty();
                }
                handler.snapStart().beforeCheckpoint(Core.getGlobalContext());
                for (Class<? extends SdkClient> client : lazy.get(function.logicalId())) {
                    softly.assertThat(context.getActiveBeanRegistrations(client))
                            .as("%s after priming: %s", function.logicalId(), client.getSimpleName()).hasSize(1);
                }
            }
        }
        softly.assertAll();
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
