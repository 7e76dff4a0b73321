package com.practicecal.local.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicecal.local.ApiClient;
import com.practicecal.local.ApiResult;
import com.practicecal.local.LocalApi;
import com.practicecal.local.LocalStack;
import com.practicecal.local.LocalStackIT;
import com.practicecal.local.TestUser;
import com.practicecal.shared.plan.Plan;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * A documentation staff member's client write already in flight when the owner removes or downscopes them must not
 * commit: a second local API holds the write's TransactWriteItems until the owner's change has committed.
 */
class ClientStaffInFlightIT extends LocalStackIT {
    private static final Gate GATE = new Gate();
    private static LocalApi gated;
    private static ApiClient gatedApi;

    static final class Gate implements ExecutionInterceptor {
        private volatile Predicate<SdkRequest> rule = r -> false;
        private volatile CountDownLatch held = new CountDownLatch(1);
        private volatile CountDownLatch release = new CountDownLatch(1);

        void arm(Predicate<SdkRequest> when) {
            held = new CountDownLatch(1);
            release = new CountDownLatch(1);
            rule = when;
        }

        void release() {
            rule = r -> false;
            release.countDown();
        }

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            if (rule.test(context.request())) {
                rule = r -> false;
                held.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    @BeforeAll
    static void startGatedApi() {
        gated = LocalApi.builder(LocalStack.shared().stack()).singleton(GATE).start();
        gatedApi = new ApiClient(gated.baseUri());
    }

    @AfterAll
    static void stopGatedApi() {
        GATE.release();
        gated.close();
    }

    private static Predicate<SdkRequest> clientTransaction() {
        return request -> request instanceof TransactWriteItemsRequest tx && tx.transactItems().stream()
                .anyMatch(i -> i.put() != null && i.put().item().get("PK").s().startsWith("CLIENT#"));
    }

    private ApiResult writeWhileChanging(Supplier<ApiResult> write, Runnable change) throws Exception {
        GATE.arm(clientTransaction());
        CompletableFuture<ApiResult> inFlight = CompletableFuture.supplyAsync(write);
        assertThat(GATE.held.await(30, TimeUnit.SECONDS)).as("the write reached its transaction").isTrue();
        change.run();
        GATE.release();
        return inFlight.get(60, TimeUnit.SECONDS);
    }

    @Test
    void aClientCreatedWhileTheStaffMemberIsRemovedIsNotStored() throws Exception {
        TestUser owner = users.signUpAndLogin(Plan.XL);
        TestUser staff = users.addStaff(owner, "CUSTOM", List.of("documentation"));
        ApiResult write = writeWhileChanging(
                () -> gatedApi.post("/v1/clients", Map.of("firstName", "Ina", "lastName", "Flug"), staff.accessToken()),
                () -> assertThat(api.delete("/v1/staff/" + staff.userId(), owner.accessToken()).status()).isEqualTo(204));
        assertThat(write.status()).as("%s", write).isEqualTo(404);
        assertThat(api.get("/v1/clients?query=ina", owner.accessToken()).json().path("items")).isEmpty();
    }

    @Test
    void aChangeWhileTheStaffMemberLosesTheScopeIsNotStored() throws Exception {
        TestUser owner = users.signUpAndLogin(Plan.XL);
        TestUser staff = users.addStaff(owner, "CUSTOM", List.of("documentation", "appointments"));
        String id = api.post("/v1/clients", Map.of("firstName", "Ina", "lastName", "Flug"), owner.accessToken()).field("id");
        ApiResult write = writeWhileChanging(
                () -> gatedApi.patch("/v1/clients/" + id, Map.of("lastName", "Anders"), staff.accessToken()),
                () -> assertThat(api.patch("/v1/staff/" + staff.userId(), Map.of("role", "SECRETARY"),
                        owner.accessToken()).status()).isEqualTo(200));
        assertThat(write.status()).as("%s", write).isEqualTo(403);
        assertThat(write.errorCode()).isEqualTo("MISSING_SCOPE");
        assertThat(api.get("/v1/clients/" + id, owner.accessToken()).field("lastName")).isEqualTo("Flug");
    }
}
