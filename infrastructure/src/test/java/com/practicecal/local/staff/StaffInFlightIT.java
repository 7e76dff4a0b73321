package com.practicecal.local.staff;

import static com.practicecal.local.Times.berlin;
import static com.practicecal.local.Urls.enc;
import static org.assertj.core.api.Assertions.assertThat;

import com.practicecal.local.ApiClient;
import com.practicecal.local.ApiResult;
import com.practicecal.local.LocalApi;
import com.practicecal.local.LocalStack;
import com.practicecal.local.LocalStackIT;
import com.practicecal.local.TestUser;
import com.practicecal.shared.plan.Plan;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * A staff member's write already in flight when the owner removes or downscopes them must not commit. A second local
 * API over the same stack holds the write's {@code TransactWriteItems} at the SDK until the owner's change (through
 * the ordinary API) has committed, then lets it go: the write's own condition check on the staff item must refuse it.
 */
class StaffInFlightIT extends LocalStackIT {
    private static final Gate GATE = new Gate();
    private static LocalApi gated;
    private static ApiClient gatedApi;
    private final LocalDate day = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(57);

    /** Holds the first SDK request matching the armed rule until released. */
    static final class Gate implements ExecutionInterceptor {
        private volatile Predicate<SdkRequest> rule = r -> false;
        private volatile CountDownLatch held = new CountDownLatch(1);
        private volatile CountDownLatch release = new CountDownLatch(1);

        void arm(Predicate<SdkRequest> when) {
            held = new CountDownLatch(1);
            release = new CountDownLatch(1);
            rule = when;
        }

        boolean awaitHeld() throws InterruptedException {
            return held.await(30, TimeUnit.SECONDS);
        }

        void release() {
            rule = r -> false;
            release.countDown();
        }

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            Predicate<SdkRequest> current = rule;
            if (current.test(context.request())) {
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

    /** A transaction that puts an item whose key starts with {@code prefix} (the write under test). */
    private static Predicate<SdkRequest> transactionPutting(String prefix) {
        return request -> request instanceof TransactWriteItemsRequest tx && tx.transactItems().stream()
                .anyMatch(i -> i.put() != null && i.put().item().get("PK").s().startsWith(prefix));
    }

    private Map<String, Object> booking(String roomId, int hour) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("roomId", roomId);
        body.put("start", berlin(day, hour));
        body.put("end", berlin(day, hour, 50));
        body.put("client", Map.of("name", "Klara Klient", "email", "klara@example.org"));
        return body;
    }

    private String range() {
        return "?from=" + enc(berlin(day, 0)) + "&to=" + enc(berlin(day.plusDays(1), 0));
    }

    /** Starts {@code write} through the gated API, applies {@code change} while it is held, then lets it go. */
    private ApiResult writeWhileChanging(Predicate<SdkRequest> hold, java.util.function.Supplier<ApiResult> write,
                                         Runnable change) throws Exception {
        GATE.arm(hold);
        CompletableFuture<ApiResult> inFlight = CompletableFuture.supplyAsync(write);
        assertThat(GATE.awaitHeld()).as("the write reached its transaction").isTrue();
        change.run();
        GATE.release();
        return inFlight.get(60, TimeUnit.SECONDS);
    }

    @Test
    void aBookingInFlightWhenTheSecretaryIsRemovedDoesNotCommit() throws Exception {
        TestUser owner = users.signUpAndLogin(Plan.XL);
        TestUser secretary = users.addStaff(owner, "SECRETARY", null);
        String room = api.post("/v1/rooms", Map.of("name", "R"), owner.accessToken()).field("id");

        ApiResult write = writeWhileChanging(transactionPutting("BOOKING#"),
                () -> gatedApi.post("/v1/bookings", booking(room, 9), secretary.accessToken()),
                () -> assertThat(api.delete("/v1/staff/" + secretary.userId(), owner.accessToken()).status())
                        .isEqualTo(204));

        assertThat(write.status()).as("%s", write).isEqualTo(404);
        assertThat(api.get("/v1/bookings" + range(), owner.accessToken()).json().path("items")).isEmpty();
    }

    @Test
    void aBookingInFlightWhenTheSecretaryLosesTheScopeDoesNotCommit() throws Exception {
        TestUser owner = users.signUpAndLogin(Plan.XL);
        TestUser secretary = users.addStaff(owner, "SECRETARY", null);
        String room = api.post("/v1/rooms", Map.of("name", "R"), owner.accessToken()).field("id");

        ApiResult write = writeWhileChanging(transactionPutting("BOOKING#"),
                () -> gatedApi.post("/v1/bookings", booking(room, 10), secretary.accessToken()),
                () -> assertThat(api.patch("/v1/staff/" + secretary.userId(), Map.of("role", "ACCOUNTING"),
                        owner.accessToken()).status()).isEqualTo(200));

        assertThat(write.status()).as("%s", write).isEqualTo(403);
        assertThat(write.errorCode()).isEqualTo("MISSING_SCOPE");
        assertThat(api.get("/v1/bookings" + range(), owner.accessToken()).json().path("items")).isEmpty();
    }

    @Test
    void anInvoiceInFlightWhenTheAccountantIsRemovedDoesNotCommit() throws Exception {
        TestUser owner = users.signUpAndLogin(Plan.XL);
        TestUser accounting = users.addStaff(owner, "ACCOUNTING", null);
        String room = api.post("/v1/rooms", Map.of("name", "R"), owner.accessToken()).field("id");
        String booking = api.post("/v1/bookings", booking(room, 11), owner.accessToken()).field("id");

        ApiResult write = writeWhileChanging(transactionPutting("INVOICE#"),
                () -> gatedApi.post("/v1/invoices", Map.of("bookingId", booking, "amountCents", 8000),
                        accounting.accessToken()),
                () -> assertThat(api.delete("/v1/staff/" + accounting.userId(), owner.accessToken()).status())
                        .isEqualTo(204));

        assertThat(write.status()).as("%s", write).isIn(403, 404);
        assertThat(api.get("/v1/invoices", owner.accessToken()).json().path("items")).isEmpty();
        // and an owner's write is not held up by any of this
        assertThat(api.post("/v1/invoices", Map.of("bookingId", booking, "amountCents", 8000), owner.accessToken())
                .status()).isEqualTo(201);
        assertThat(List.of(api.get("/v1/invoices", owner.accessToken()).json().path("items").size())).containsExactly(1);
    }
}
