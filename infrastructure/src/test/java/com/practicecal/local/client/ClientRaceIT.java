package com.practicecal.local.client;

import static com.practicecal.local.Times.berlin;
import static org.assertj.core.api.Assertions.assertThat;

import com.practicecal.local.ApiResult;
import com.practicecal.local.LocalStackIT;
import com.practicecal.local.TestUser;
import com.practicecal.shared.plan.Plan;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A booking for a client racing the client's erasure or merge: the record's version (which every booking for the
 * client moves on) and its status condition decide, so a booking never names an erased or merged-away record.
 */
class ClientRaceIT extends LocalStackIT {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private String client(TestUser owner, String last) {
        return api.post("/v1/clients", Map.of("firstName", "Rita", "lastName", last), owner.accessToken()).field("id");
    }

    @Test
    void aBookingRacingTheErasureEitherWinsAndBlocksItOrIsRefused() throws Exception {
        TestUser owner = users.signUpAndLogin(Plan.M);
        String room = api.post("/v1/rooms", Map.of("name", "Raum"), owner.accessToken()).field("id");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        int erased = 0;
        int booked = 0;
        for (int round = 0; round < 8; round++) {
            String client = client(owner, "Wettlauf" + round);
            LocalDate day = LocalDate.now(BERLIN).plusDays(20 + round);
            CountDownLatch start = new CountDownLatch(1);
            Future<ApiResult> erase = pool.submit(() -> {
                start.await();
                return api.delete("/v1/clients/" + client, owner.accessToken());
            });
            Future<ApiResult> book = pool.submit(() -> {
                start.await();
                return api.post("/v1/bookings", Map.of("roomId", room, "start", berlin(day, 9), "end", berlin(day, 10),
                        "clientId", client), owner.accessToken());
            });
            start.countDown();
            ApiResult e = erase.get();
            ApiResult b = book.get();
            if (e.status() == 204) {
                erased++;
                assertThat(b.status()).as("booking after the erasure: %s", b).isEqualTo(422);
                assertThat(b.errorField()).isEqualTo("clientId");
            } else {
                booked++;
                assertThat(e.status()).as("%s", e).isEqualTo(409);
                assertThat(e.errorCode()).isEqualTo("CLIENT_HAS_FUTURE_BOOKINGS");
                assertThat(b.status()).as("%s", b).isEqualTo(201);
                assertThat(api.get("/v1/clients/" + client, owner.accessToken()).status()).isEqualTo(200);
            }
            assertThat(bookingsNaming(client)).isEqualTo(e.status() == 204 ? 0 : 1);
        }
        pool.shutdown();
        System.out.printf("erasure vs booking, 8 rounds: erasure first %d, booking first %d%n", erased, booked);
    }

    @Test
    void aBookingRacingAMergeEndsUpWithTheSurvivor() throws Exception {
        TestUser owner = users.signUpAndLogin(Plan.M);
        String room = api.post("/v1/rooms", Map.of("name", "Raum"), owner.accessToken()).field("id");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        for (int round = 0; round < 6; round++) {
            String source = client(owner, "Doppelt" + round);
            String target = client(owner, "Echt" + round);
            LocalDate day = LocalDate.now(BERLIN).plusDays(40 + round);
            CountDownLatch start = new CountDownLatch(1);
            Future<ApiResult> merge = pool.submit(() -> {
                start.await();
                return api.post("/v1/clients/" + source + "/merge", Map.of("intoId", target), owner.accessToken());
            });
            Future<ApiResult> book = pool.submit(() -> {
                start.await();
                return api.post("/v1/bookings", Map.of("roomId", room, "start", berlin(day, 9), "end", berlin(day, 10),
                        "clientId", source), owner.accessToken());
            });
            start.countDown();
            assertThat(merge.get().status()).as("%s", merge.get()).isEqualTo(200);
            ApiResult b = book.get();
            assertThat(bookingsNaming(source)).as("no booking names the merged-away record").isZero();
            if (b.status() == 201) {
                assertThat(api.get("/v1/bookings/" + b.field("id"), owner.accessToken()).field("clientId")).isEqualTo(target);
            } else {
                assertThat(b.errorField()).as("%s", b).isEqualTo("clientId");
            }
        }
        pool.shutdown();
    }

    /** Booking items naming the client, read from the table itself. */
    private long bookingsNaming(String clientId) {
        return local.dynamo().scanPaginator(b -> b.tableName(local.tableName())
                        .filterExpression("clientId = :c AND #t = :booking")
                        .expressionAttributeNames(Map.of("#t", "type"))
                        .expressionAttributeValues(Map.of(":c", AttributeValue.fromS(clientId),
                                ":booking", AttributeValue.fromS("Booking"))))
                .items().stream().count();
    }
}
