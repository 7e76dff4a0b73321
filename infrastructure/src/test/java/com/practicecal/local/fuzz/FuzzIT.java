package com.practicecal.local.fuzz;

import static com.practicecal.local.Times.berlin;
import static org.assertj.core.api.Assertions.assertThat;

import com.practicecal.local.LocalStackIT;
import com.practicecal.local.RepoRoot;
import com.practicecal.local.TestUser;
import com.practicecal.shared.plan.Plan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Schemathesis against the served {@code /openapi.yaml} of the local API, anonymously and as every principal kind:
 * no server error, no status code the document does not declare, no response outside its schema. The run covers
 * whatever operations the document serves (routes added later included). Bounded by examples per operation,
 * one worker (schemathesis's threads trip a CPython 3.11 compiler bug, "AST constructor recursion depth mismatch");
 * {@code -Dfuzz.examples=N}, {@code -Dfuzz.seed=N}, {@code -Dfuzz.principals=OWNER,...}.
 * On failure the schemathesis output of that principal (operation, request as curl, response) is printed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FuzzIT extends LocalStackIT {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** The checks that must hold; see README "Fuzzing" for the ones left out and why. */
    static final String CHECKS = "not_a_server_error,status_code_conformance,response_schema_conformance,"
            + "content_type_conformance";
    private static final int EXAMPLES = Integer.getInteger("fuzz.examples", 15);
    private static final long SEED = Long.getLong("fuzz.seed", System.currentTimeMillis() % 1_000_000);
    private static final Pattern SUMMARY_OPERATIONS = Pattern.compile("\\bTested:\\s*(\\d+)");
    private static final Pattern SUMMARY_CASES = Pattern.compile("(\\d+) generated");
    private static final Pattern SUMMARY_FAILURES = Pattern.compile("(\\d+) found (\\d+) unique failures?");

    enum Who {
        ANONYMOUS(1.0), OWNER(1.0), COMMUNITY_MEMBER(0.25), GRANTEE_READ(0.25), GRANTEE_WRITE(0.5), SECRETARY(0.5),
        ACCOUNTING(0.25), CUSTOM_STAFF(0.25), REVOKED_GRANTEE(0.25), REMOVED_STAFF(0.25), UNRELATED(0.25);

        final double share;

        Who(double share) {
            this.share = share;
        }
    }

    private final Map<Who, String> tokens = new LinkedHashMap<>();

    @BeforeAll
    void principals() {
        TestUser owner = users.signUpAndLogin(Plan.XL);
        tokens.put(Who.ANONYMOUS, null);
        tokens.put(Who.OWNER, owner.accessToken());
        String room = api.post("/v1/rooms", Map.of("name", "Fuzzraum"), owner.accessToken()).field("id");
        api.patch("/v1/rooms/" + room, Map.of("shared", true), owner.accessToken());
        Map<String, Object> hours = new LinkedHashMap<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            hours.put(day, List.of(Map.of("from", "08:00", "to", "18:00")));
        }
        api.put("/v1/settings/booking", Map.of("workingHours", hours, "services",
                List.of(Map.of("id", "session", "name", "Sitzung", "durationMinutes", 50))), owner.accessToken());
        LocalDate day = LocalDate.now(BERLIN).plusDays(5);
        api.post("/v1/bookings", Map.of("roomId", room, "start", berlin(day, 10, 0), "end", berlin(day, 10, 50),
                "client", Map.of("name", "Fuzz Klientin", "email", "fuzz.client@private.test")), owner.accessToken());

        TestUser member = users.signUpAndLogin(Plan.L);
        String invitation = api.post("/v1/community/invitations", Map.of("inviteeEmail", member.email()),
                owner.accessToken()).field("id");
        api.post("/v1/community/invitations/" + invitation + "/accept", null, member.accessToken());
        tokens.put(Who.COMMUNITY_MEMBER, member.accessToken());
        tokens.put(Who.GRANTEE_READ, grantee(owner, "appointments:read").accessToken());
        tokens.put(Who.GRANTEE_WRITE, grantee(owner, "appointments:write").accessToken());
        tokens.put(Who.SECRETARY, users.addStaff(owner, "SECRETARY", null).accessToken());
        tokens.put(Who.ACCOUNTING, users.addStaff(owner, "ACCOUNTING", null).accessToken());
        tokens.put(Who.CUSTOM_STAFF, users.addStaff(owner, "CUSTOM", List.of("documentation", "audit")).accessToken());
        TestUser revoked = users.signUpAndLogin(Plan.L);
        String revokedGrant = users.grant(owner, revoked, List.of("appointments:write"));
        api.delete("/v1/grants/" + revokedGrant, owner.accessToken());
        tokens.put(Who.REVOKED_GRANTEE, revoked.accessToken());
        TestUser removed = users.addStaff(owner, "SECRETARY", null);
        api.delete("/v1/staff/" + removed.userId(), owner.accessToken());
        tokens.put(Who.REMOVED_STAFF, removed.accessToken());
        tokens.put(Who.UNRELATED, users.signUpAndLogin(Plan.S).accessToken());
    }

    /** A colleague with an accepted grant into the owner's calendar. */
    private TestUser grantee(TestUser owner, String scope) {
        TestUser grantee = users.signUpAndLogin(Plan.L);
        users.grant(owner, grantee, List.of(scope));
        return grantee;
    }

    record Run(Who who, int exit, int operations, int cases, int failures, String output, Duration took) {
    }

    @Test
    void theServedDocumentHoldsForEveryPrincipal() throws Exception {
        Path schemathesis = RepoRoot.locate().resolve(".venv/bin/schemathesis");
        assertThat(schemathesis).as("schemathesis is installed into .venv by ./dev (infrastructure/fuzz/requirements.txt)")
                .isExecutable();
        String only = System.getProperty("fuzz.principals", "");
        List<Run> runs = new ArrayList<>();
        for (Map.Entry<Who, String> principal : tokens.entrySet()) {
            if (!only.isBlank() && !List.of(only.split(",")).contains(principal.getKey().name())) {
                continue;
            }
            runs.add(fuzz(schemathesis, principal.getKey(), principal.getValue()));
        }
        int operations = 0;
        int cases = 0;
        int failures = 0;
        StringBuilder report = new StringBuilder("\nFuzzIT (schemathesis, seed " + SEED + ", checks " + CHECKS + ")\n");
        for (Run run : runs) {
            report.append(String.format("  %-16s operations %3d  examples %5d  failures %3d  exit %d  %5.1f s%n",
                    run.who, run.operations, run.cases, run.failures, run.exit, run.took.toMillis() / 1000.0));
            operations = Math.max(operations, run.operations);
            cases += run.cases;
            failures += run.failures + (run.exit != 0 && run.failures == 0 ? 1 : 0);
        }
        report.append(String.format("  total: %d operations x %d principals, %d examples, %d failures%n", operations,
                runs.size(), cases, failures));
        System.out.println(report);
        for (Run run : runs) {
            if (run.exit != 0) {
                System.out.println("\n===== schemathesis as " + run.who + " (exit " + run.exit + ") =====\n" + run.output);
            }
        }
        assertThat(runs).as("every principal's run: %s", report).allSatisfy(run -> {
            assertThat(run.exit).as("%s: schemathesis exit (failures printed above)", run.who).isZero();
            assertThat(run.operations).as("%s: operations tested", run.who).isPositive();
        });
    }

    private Run fuzz(Path schemathesis, Who who, String token) throws IOException, InterruptedException {
        String base = api.base().toString().replaceAll("/$", "");
        int examples = Math.max(2, (int) Math.round(EXAMPLES * who.share));
        List<String> command = new ArrayList<>(List.of(schemathesis.toString(), "run", base + "/openapi.yaml",
                "--url", base, "--checks", CHECKS, "--max-examples", String.valueOf(examples),
                "--seed", String.valueOf(SEED), "--workers", "1", "--phases", "examples,coverage,fuzzing",
                "--request-timeout", "30", "--no-color",
                // Hypothesis' complaint that it discards many generated values (e.g. for the join code's pattern
                // when anonymous) is about the generator, not the API: seed 113190 failed CI on it alone
                "--suppress-health-check", "filter_too_much"));
        if (token != null) {
            command.addAll(List.of("--header", "Authorization: Bearer " + token));
        }
        Path workDir = Path.of("target", "schemathesis").toAbsolutePath(); // its cache stays out of the sources
        Files.createDirectories(workDir);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(workDir.toFile());
        builder.environment().put("NO_COLOR", "1");
        builder.environment().put("SCHEMATHESIS_TELEMETRY", "false");
        long started = System.nanoTime();
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        String output = new String(out, StandardCharsets.UTF_8);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        return new Run(who, process.exitValue(), number(SUMMARY_OPERATIONS, output, 1), number(SUMMARY_CASES, output, 1),
                number(SUMMARY_FAILURES, output, 2), output, took);
    }

    private static int number(Pattern pattern, String output, int group) {
        Matcher matcher = pattern.matcher(output);
        int value = 0;
        while (matcher.find()) {
            value = Integer.parseInt(matcher.group(group));
        }
        return value;
    }
}
