package com.practicecal.local.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.practicecal.local.ApiResult;
import com.practicecal.local.LocalStackIT;
import com.practicecal.local.TestUser;
import com.practicecal.shared.plan.Plan;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Joining a community by a short, single-use code. */
class JoinCodeIT extends LocalStackIT {

    private String issue(TestUser owner) {
        ApiResult issued = api.post("/v1/community/join-codes", null, owner.accessToken());
        assertThat(issued.status()).as("%s", issued).isEqualTo(201);
        return issued.field("code");
    }

    @Test
    void aCodeIsShortReadableSingleUseAndValidForSevenDays() {
        TestUser a = users.signUpAndLogin(Plan.M);
        ApiResult issued = api.post("/v1/community/join-codes", null, a.accessToken());
        assertThat(issued.status()).as("%s", issued).isEqualTo(201);
        String code = issued.field("code");
        assertThat(code).matches("[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}");
        assertThat(Instant.parse(issued.field("expiresAt")))
                .isCloseTo(Instant.now().plus(7, ChronoUnit.DAYS), within(2, ChronoUnit.MINUTES));
        // issuing founded A's community, as a first invitation does
        assertThat(api.get("/v1/community", a.accessToken()).status()).isEqualTo(200);

        TestUser b = users.signUpAndLogin(Plan.S);
        // typed as people type it: lower case, without the hyphen
        ApiResult joined = api.post("/v1/community/join", Map.of("code", code.toLowerCase().replace("-", " ")),
                b.accessToken());
        assertThat(joined.status()).as("%s", joined).isEqualTo(200);
        assertThat(joined.json().path("members")).hasSize(2);
        assertThat(api.get("/v1/community", a.accessToken()).json().path("members")).hasSize(2);

        TestUser c = users.signUpAndLogin(Plan.S);
        ApiResult again = api.post("/v1/community/join", Map.of("code", code), c.accessToken());
        assertThat(again.status()).as("%s", again).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("JOIN_CODE_USED");
        assertThat(api.get("/v1/community", c.accessToken()).status()).isEqualTo(404);

        // a practice already in a community must leave first; unknown and malformed codes
        ApiResult second = api.post("/v1/community/join", Map.of("code", issue(a)), b.accessToken());
        assertThat(second.errorCode()).isEqualTo("ALREADY_IN_COMMUNITY");
        assertThat(api.post("/v1/community/join", Map.of("code", "ZZZZ-ZZZZ"), c.accessToken()).status()).isEqualTo(404);
        ApiResult malformed = api.post("/v1/community/join", Map.of("code", "ABC0-0000"), c.accessToken());
        assertThat(malformed.status()).isEqualTo(422);
        assertThat(malformed.errorField()).isEqualTo("code");
        assertThat(api.post("/v1/community/join", Map.of(), c.accessToken()).status()).isEqualTo(422);
    }

    @Test
    void onlyOwnersIssueAndJoin() {
        TestUser a = users.signUpAndLogin(Plan.XL);
        TestUser secretary = users.addStaff(a, "SECRETARY", null);
        assertThat(api.post("/v1/community/join-codes", null, secretary.accessToken()).status()).isEqualTo(403);
        TestUser b = users.signUpAndLogin(Plan.XL);
        TestUser bStaff = users.addStaff(b, "SECRETARY", null);
        String code = issue(a);
        assertThat(api.post("/v1/community/join", Map.of("code", code), bStaff.accessToken()).status()).isEqualTo(403);
        assertThat(api.post("/v1/community/join", Map.of("code", code), null).status()).isEqualTo(401);
        // the code is still unused
        assertThat(api.post("/v1/community/join", Map.of("code", code), b.accessToken()).status()).isEqualTo(200);
    }

    /** Two practices race for one code: the conditional write lets exactly one join. */
    @Test
    void twoPracticesRacingForOneCodeOneWins() throws Exception {
        for (int round = 0; round < 3; round++) {
            TestUser a = users.signUpAndLogin(Plan.M);
            String code = issue(a);
            List<TestUser> racers = List.of(users.signUpAndLogin(Plan.S), users.signUpAndLogin(Plan.S));
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<ApiResult>> results = new ArrayList<>();
            for (TestUser racer : racers) {
                results.add(pool.submit(() -> {
                    start.await();
                    return api.post("/v1/community/join", Map.of("code", code), racer.accessToken());
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<ApiResult> r : results) {
                statuses.add(r.get().status());
            }
            pool.shutdown();
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
            assertThat(api.get("/v1/community", a.accessToken()).json().path("members")).hasSize(2);
            long inCommunity = racers.stream().filter(r -> api.get("/v1/community", r.accessToken()).status() == 200).count();
            assertThat(inCommunity).isEqualTo(1);
        }
    }

    private List<String> activeIds(TestUser owner) {
        ApiResult listed = api.get("/v1/community/join-codes", owner.accessToken());
        assertThat(listed.status()).as("%s", listed).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        listed.json().path("items").forEach(i -> ids.add(i.path("id").asText()));
        return ids;
    }

    /** The owner lists the codes that can still be used (never the codes themselves) and revokes one. */
    @Test
    void theOwnerListsActiveCodesAndRevokesOne() {
        TestUser a = users.signUpAndLogin(Plan.XL);
        ApiResult first = api.post("/v1/community/join-codes", null, a.accessToken());
        ApiResult second = api.post("/v1/community/join-codes", null, a.accessToken());
        String firstCode = first.field("code");
        String secondCode = second.field("code");
        ApiResult listed = api.get("/v1/community/join-codes", a.accessToken());
        assertThat(listed.status()).as("%s", listed).isEqualTo(200);
        assertThat(listed.json().path("items")).hasSize(2);
        assertThat(listed.json().path("items").get(0).path("id").asText()).as("newest first").isEqualTo(second.field("id"));
        assertThat(listed.json().path("items").get(0).path("hint").asText())
                .isEqualTo("****-**" + secondCode.substring(secondCode.length() - 2));
        assertThat(listed.json().path("items").get(0).path("expiresAt").asText()).isEqualTo(second.field("expiresAt"));
        assertThat(listed.body()).doesNotContain(firstCode).doesNotContain(secondCode)
                .doesNotContain(firstCode.replace("-", "")).doesNotContain(secondCode.replace("-", ""));

        // a used code leaves the list
        TestUser b = users.signUpAndLogin(Plan.S);
        assertThat(api.post("/v1/community/join", Map.of("code", firstCode), b.accessToken()).status()).isEqualTo(200);
        assertThat(activeIds(a)).containsExactly(second.field("id"));
        assertThat(api.delete("/v1/community/join-codes/" + first.field("id"), a.accessToken()).status())
                .as("a used code cannot be revoked").isEqualTo(404);

        // nobody else revokes or lists A's codes
        TestUser secretary = users.addStaff(a, "SECRETARY", null);
        TestUser stranger = users.signUpAndLogin(Plan.S);
        assertThat(api.get("/v1/community/join-codes", secretary.accessToken()).status()).isEqualTo(403);
        assertThat(api.delete("/v1/community/join-codes/" + second.field("id"), secretary.accessToken()).status())
                .isEqualTo(403);
        assertThat(api.delete("/v1/community/join-codes/" + second.field("id"), stranger.accessToken()).status())
                .isEqualTo(404);
        assertThat(activeIds(stranger)).isEmpty();
        assertThat(activeIds(a)).containsExactly(second.field("id"));

        // revoked: off the list, and joining with it is as for a code never issued
        assertThat(api.delete("/v1/community/join-codes/" + second.field("id"), a.accessToken()).status()).isEqualTo(204);
        assertThat(activeIds(a)).isEmpty();
        TestUser c = users.signUpAndLogin(Plan.S);
        assertThat(api.post("/v1/community/join", Map.of("code", secondCode), c.accessToken()).status()).isEqualTo(404);
        assertThat(api.get("/v1/community", c.accessToken()).status()).isEqualTo(404);
        assertThat(api.delete("/v1/community/join-codes/" + second.field("id"), a.accessToken()).status()).isEqualTo(404);
    }

    /** A revocation and a join racing for one code: exactly one of them wins. */
    @Test
    void aRevocationRacingAJoinOneWins() throws Exception {
        int joins = 0;
        for (int round = 0; round < 4; round++) {
            TestUser a = users.signUpAndLogin(Plan.M);
            ApiResult issued = api.post("/v1/community/join-codes", null, a.accessToken());
            TestUser b = users.signUpAndLogin(Plan.S);
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            Future<ApiResult> join = pool.submit(() -> {
                start.await();
                return api.post("/v1/community/join", Map.of("code", issued.field("code")), b.accessToken());
            });
            Future<ApiResult> revoke = pool.submit(() -> {
                start.await();
                return api.delete("/v1/community/join-codes/" + issued.field("id"), a.accessToken());
            });
            start.countDown();
            int joined = join.get().status();
            int revoked = revoke.get().status();
            pool.shutdown();
            boolean bIn = api.get("/v1/community", b.accessToken()).status() == 200;
            if (joined == 200) {
                joins++;
                assertThat(revoked).as("join won").isEqualTo(404);
                assertThat(bIn).isTrue();
            } else {
                assertThat(revoked).as("revocation won").isEqualTo(204);
                assertThat(joined).isIn(404, 409);
                assertThat(bIn).isFalse();
            }
            assertThat(activeIds(a)).isEmpty();
        }
        System.out.printf("join-code races: %d of 4 won by the join%n", joins);
    }

    /** The same cap as for invitations. */
    @Test
    void aFullCommunityTakesNoOneByCode() {
        TestUser founder = users.signUpAndLogin(Plan.S);
        for (int i = 1; i < 20; i++) {
            TestUser member = users.signUpAndLogin(Plan.S);
            assertThat(api.post("/v1/community/join", Map.of("code", issue(founder)), member.accessToken()).status())
                    .isEqualTo(200);
        }
        TestUser oneTooMany = users.signUpAndLogin(Plan.S);
        ApiResult refused = api.post("/v1/community/join", Map.of("code", issue(founder)), oneTooMany.accessToken());
        assertThat(refused.status()).as("%s", refused).isEqualTo(409);
        assertThat(refused.errorCode()).isEqualTo("COMMUNITY_FULL");
        assertThat(api.get("/v1/community", founder.accessToken()).json().path("members")).hasSize(20);
    }
}
