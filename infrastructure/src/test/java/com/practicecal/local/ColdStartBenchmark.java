package com.practicecal.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.practicecal.shared.aws.AwsClients;
import com.practicecal.shared.plan.Plan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * Cold starts without a snapshot: for every API function, a fresh JVM per run ({@link ColdStartRun} on the
 * function's jar, extracted into a directory as Lambda does, against the local endpoint) measures init, first and second request of a read-only route, paired
 * with a bare handler (builds the DynamoDB client, makes one call) in the same round; prints medians of
 * {@code runs} rounds (default 5). Run with {@code ./dev bench coldstart [runs] [FunctionId...]}.
 */
public final class ColdStartBenchmark {
    /** A read-only request per function and the status it answers an XL owner with no data. */
    record Probe(String routeKey, String path, Map<String, String> query, Map<String, String> pathParameters,
                 int expectedStatus) {
        Probe(String routeKey, String path) {
            this(routeKey, path, Map.of(), Map.of(), 200);
        }

        APIGatewayV2HTTPEvent event(TestUser user) {
            return FunctionJarProcess.event(routeKey, path, query, pathParameters, Map.of("host", "localhost"), null,
                    user);
        }
    }

    static final Map<String, Probe> PROBES = new LinkedHashMap<>();

    static {
        PROBES.put("AccountsFunction", new Probe("GET /v1/me", "/v1/me"));
        PROBES.put("SignupFunction", new Probe("POST /v1/signup", "/v1/signup", Map.of(), Map.of(), 422)); // no body
        PROBES.put("RoomsFunction", new Probe("GET /v1/rooms", "/v1/rooms"));
        PROBES.put("BookingsFunction", new Probe("GET /v1/bookings", "/v1/bookings",
                Map.of("from", "2026-12-07T00:00:00Z", "to", "2026-12-14T00:00:00Z"), Map.of(), 200));
        PROBES.put("CommunityFunction", new Probe("GET /v1/community", "/v1/community", Map.of(), Map.of(), 404)); // none
        PROBES.put("OnlineBookingFunction", new Probe("GET /v1/settings/booking", "/v1/settings/booking"));
        PROBES.put("GrantsFunction", new Probe("GET /v1/grants", "/v1/grants"));
        PROBES.put("StaffFunction", new Probe("GET /v1/staff", "/v1/staff"));
        PROBES.put("PracticeFunction", new Probe("GET /v1/invoices", "/v1/invoices"));
        PROBES.put("AuditFunction", new Probe("GET /v1/audit", "/v1/audit"));
        PROBES.put("IntegrationsFunction", new Probe("GET /v1/webhooks", "/v1/webhooks"));
        PROBES.put("FeedsFunction", new Probe("GET /v1/public/feeds/{file}", "/v1/public/feeds/none.ics", Map.of(),
                Map.of("file", "none.ics"), 404));
        PROBES.put("ClientsFunction", new Probe("GET /v1/clients", "/v1/clients"));
    }

    private ColdStartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<String> only = args.length > 1 ? Arrays.asList(args).subList(1, args.length) : List.of();
        SamTemplate template = SamTemplate.load();
        String stackName = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        ProvisionedStack stack = TemplateProvisioner.fromEnvironment(template).provision(stackName);
        try (FunctionJarProcess jars = new FunctionJarProcess(stack, true)) {
            TestUser user = signUp(stack);
            Map<String, List<long[]>> results = new LinkedHashMap<>();
            List<SamFunction> functions = template.functions().stream()
                    .filter(f -> PROBES.containsKey(f.logicalId()))
                    .filter(f -> only.isEmpty() || only.contains(f.logicalId())).toList();
            for (int round = 1; round <= runs; round++) {
                for (SamFunction function : functions) {
                    Probe probe = PROBES.get(function.logicalId());
                    results.computeIfAbsent(function.logicalId(), k -> new ArrayList<>()).add(figures(jars.invoke(
                            function, probe.event(user), Map.of())));
                    results.computeIfAbsent(function.logicalId() + " bare", k -> new ArrayList<>())
                            .add(figures(jars.bare(function)));
                    results.computeIfAbsent(function.logicalId() + " primed", k -> new ArrayList<>()).add(figures(
                            jars.invoke(function, probe.event(user), Map.of(), true)));
                }
                System.err.printf("round %d/%d done%n", round, runs);
            }
            print(results, runs);
        } finally {
            stack.teardown();
        }
    }

    private static long[] figures(FunctionJarProcess.Result result) {
        return new long[] {result.init(), result.first(), result.second(),
                result.status().matches("\\d+") ? Long.parseLong(result.status()) : -1, result.cpu()};
    }

    private static TestUser signUp(ProvisionedStack stack) {
        try (LocalApi api = LocalApi.builder(stack).start();
             CognitoIdentityProviderClient cognito = AwsClients.fromEnvironment(Region.of(stack.region()), List.of())
                     .cognito()) {
            return new TestUsers(new ApiClient(api.baseUri()), cognito, stack.physicalId("UserPoolClient"),
                    stack.physicalId("UserPool")).signUpAndLogin(Plan.XL);
        }
    }

    private static void print(Map<String, List<long[]>> results, int runs) {
        System.out.printf("%nCold start, fresh JVM per run, median of %d (ms)%n", runs);
        System.out.printf("%-22s %6s %6s %6s %10s %6s | %6s %6s %10s | %8s %12s | %12s %7s %7s %16s | %5s %8s%n", "function",
                "init", "first", "second", "init+first", "status", "bare i", "bare 1", "bare i+1", "vs bare", "first/second",
                "primed init", "first", "second", "first<=3x2nd+20", "cpu", "bare cpu");
        for (Map.Entry<String, List<long[]>> entry : results.entrySet()) {
            if (entry.getKey().endsWith(" bare") || entry.getKey().endsWith(" primed")) {
                continue;
            }
            long[] f = medians(entry.getValue());
            long[] b = medians(results.get(entry.getKey() + " bare"));
            long[] p = medians(results.get(entry.getKey() + " primed"));
            System.out.printf("%-22s %6d %6d %6d %10d %6d | %6d %6d %10d | %7.2fx %11.1fx | %12d %7d %7d %16s | %5d %8d%n",
                    entry.getKey(), f[0], f[1], f[2], f[0] + f[1], f[3], b[0], b[1], b[0] + b[1],
                    (double) (f[0] + f[1]) / (b[0] + b[1]), (double) f[1] / Math.max(1, f[2]), p[0], p[1], p[2],
                    p[1] <= 3 * p[2] + 20 ? "yes" : "no", f[4], b[4]);
        }
    }

    private static long[] medians(List<long[]> runs) {
        long[] medians = new long[5];
        for (int i = 0; i < 5; i++) {
            int column = i;
            long[] values = runs.stream().mapToLong(r -> r[column]).sorted().toArray();
            medians[i] = values[values.length / 2];
        }
        return medians;
    }
}
