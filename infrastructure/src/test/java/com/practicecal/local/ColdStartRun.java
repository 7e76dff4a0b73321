package com.practicecal.local;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.practicecal.shared.aws.AwsClients;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One cold start in a fresh JVM whose class path is a function jar (plus this class): builds the handler (init)
 * and invokes it twice as Lambda would, or, as the baseline ({@code bare}), builds the DynamoDB client and makes
 * one call twice. Prints {@code COLDSTART init=<ms> first=<ms> second=<ms> status=<code>}.
 * Arguments: {@code bare} | {@code init <class>} (only builds the handler) | {@code handler <class> <event.json>
 * [primed]} (an HTTP API payload-2.0 event, invoked twice; {@code primed}: after the SnapStart hooks, counted in init).
 * The event comes as a properties file ({@link EventFile}), built with the events library's builders: in Lambda the
 * runtime decodes the event with its own JSON stack, so the runner must not warm the function's Jackson either.
 */
public final class ColdStartRun {
    private ColdStartRun() {
    }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        String status;
        long init;
        long first;
        long second;
        if (args[0].equals("bare")) {
            DynamoDbClient dynamo = AwsClients.fromEnvironment(Region.of(System.getenv("AWS_REGION")), List.of())
                    .dynamoDb();
            Map<String, AttributeValue> key = Map.of("PK", AttributeValue.fromS("COLDSTART#none"),
                    "SK", AttributeValue.fromS("NONE"));
            init = System.nanoTime();
            dynamo.getItem(g -> g.tableName(System.getenv("TABLE_NAME")).key(key));
            first = System.nanoTime();
            status = String.valueOf(dynamo.getItem(g -> g.tableName(System.getenv("TABLE_NAME")).key(key)).hasItem()
                    ? 200 : 404);
            second = System.nanoTime();
        } else if (args[0].equals("init")) {
            requireInjected(Class.forName(args[1]).getConstructor().newInstance());
            init = System.nanoTime();
            first = init;
            second = init;
            status = "init";
        } else {
            @SuppressWarnings("unchecked")
            RequestHandler<Object, Object> handler = (RequestHandler<Object, Object>) Class.forName(args[1])
                    .getConstructor().newInstance();
            init = System.nanoTime();
            if (args.length > 3 && args[3].equals("primed")) {
                // what Lambda does around the snapshot: before-checkpoint hooks, then (later, restored) after-restore
                org.crac.Resource priming = (org.crac.Resource) handler.getClass().getMethod("snapStart").invoke(handler);
                priming.beforeCheckpoint(org.crac.Core.getGlobalContext());
                priming.afterRestore(org.crac.Core.getGlobalContext());
                init = System.nanoTime();
            }
            APIGatewayV2HTTPEvent event = event(args[2]);
            Object response = handler.handleRequest(event, context("first"));
            first = System.nanoTime();
            handler.handleRequest(event(args[2]), context("second"));
            second = System.nanoTime();
            requireInjected(handler); // the runner's own reflection, outside the measured requests
            status = response instanceof APIGatewayV2HTTPResponse http ? String.valueOf(http.getStatusCode())
                    : String.valueOf(response);
        }
        // CPU time of the whole process (all threads, JIT and GC included) up to the second response: the work done,
        // which a loaded machine does not inflate the way it does wall time
        long cpuMs = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1_000_000;
        System.out.println("COLDSTART init=" + ms(started, init) + " first=" + ms(init, first) + " second="
                + ms(first, second) + " status=" + status + " cpu=" + cpuMs);
        System.exit(0); // the SDK's idle-connection reaper must not keep the JVM alive
    }

    /** Micronaut logs and swallows injection failures; a handler with a null dependency fails the run. */
    private static void requireInjected(Object handler) throws IllegalAccessException {
        for (Class<?> type = handler.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (java.lang.reflect.Field field : type.getDeclaredFields()) {
                if (field.isAnnotationPresent(jakarta.inject.Inject.class)) {
                    field.setAccessible(true);
                    if (field.get(handler) == null) {
                        System.out.println("NOT INJECTED " + type.getName() + "." + field.getName());
                        System.exit(2);
                    }
                }
            }
        }
    }

    private static long ms(long from, long to) {
        return (to - from) / 1_000_000;
    }

    private static APIGatewayV2HTTPEvent event(String file) throws java.io.IOException {
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return EventFile.read(properties);
    }

    /** An HTTP API event as flat properties (no JSON): what the bench sends and what the child invokes with. */
    static final class EventFile {
        private EventFile() {
        }

        static Properties write(APIGatewayV2HTTPEvent event) {
            Properties p = new Properties();
            put(p, "routeKey", event.getRouteKey());
            put(p, "rawPath", event.getRawPath());
            put(p, "rawQueryString", event.getRawQueryString());
            put(p, "body", event.getBody());
            put(p, "base64", String.valueOf(event.getIsBase64Encoded()));
            putAll(p, "header.", event.getHeaders());
            putAll(p, "query.", event.getQueryStringParameters());
            putAll(p, "path.", event.getPathParameters());
            APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
            if (context != null) {
                put(p, "requestId", context.getRequestId());
                put(p, "stage", context.getStage());
                put(p, "accountId", context.getAccountId());
                put(p, "apiId", context.getApiId());
                if (context.getHttp() != null) {
                    put(p, "method", context.getHttp().getMethod());
                    put(p, "path", context.getHttp().getPath());
                    put(p, "protocol", context.getHttp().getProtocol());
                    put(p, "sourceIp", context.getHttp().getSourceIp());
                    put(p, "userAgent", context.getHttp().getUserAgent());
                }
                if (context.getAuthorizer() != null && context.getAuthorizer().getJwt() != null) {
                    putAll(p, "claim.", context.getAuthorizer().getJwt().getClaims());
                }
            }
            return p;
        }

        static APIGatewayV2HTTPEvent read(Properties p) {
            APIGatewayV2HTTPEvent.RequestContext.RequestContextBuilder context = APIGatewayV2HTTPEvent.RequestContext
                    .builder().withRequestId(p.getProperty("requestId")).withRouteKey(p.getProperty("routeKey"))
                    .withStage(p.getProperty("stage")).withAccountId(p.getProperty("accountId"))
                    .withApiId(p.getProperty("apiId"))
                    .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(p.getProperty("method"))
                            .withPath(p.getProperty("path")).withProtocol(p.getProperty("protocol"))
                            .withSourceIp(p.getProperty("sourceIp")).withUserAgent(p.getProperty("userAgent"))
                            .build());
            Map<String, String> claims = all(p, "claim.");
            if (claims != null) {
                context.withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                        .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder().withClaims(claims)
                                .build()).build());
            }
            return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey(p.getProperty("routeKey"))
                    .withRawPath(p.getProperty("rawPath")).withRawQueryString(p.getProperty("rawQueryString"))
                    .withBody(p.getProperty("body")).withIsBase64Encoded(Boolean.parseBoolean(p.getProperty("base64")))
                    .withHeaders(all(p, "header.")).withQueryStringParameters(all(p, "query."))
                    .withPathParameters(all(p, "path.")).withRequestContext(context.build()).build();
        }

        private static void put(Properties p, String key, String value) {
            if (value != null) {
                p.setProperty(key, value);
            }
        }

        private static void putAll(Properties p, String prefix, Map<String, String> values) {
            if (values != null) {
                values.forEach((name, value) -> put(p, prefix + name, value));
            }
        }

        /** The entries under {@code prefix}, or null when there are none (as the gateway sends them). */
        private static Map<String, String> all(Properties p, String prefix) {
            Map<String, String> values = new java.util.LinkedHashMap<>();
            for (String key : p.stringPropertyNames()) {
                if (key.startsWith(prefix)) {
                    values.put(key.substring(prefix.length()), p.getProperty(key));
                }
            }
            return values.isEmpty() ? null : values;
        }
    }

    private static Context context(String requestId) {
        LambdaLogger logger = new LambdaLogger() {
            @Override
            public void log(String message) {
                System.out.print(message);
            }

            @Override
            public void log(byte[] message) {
                System.out.print(new String(message, StandardCharsets.UTF_8));
            }
        };
        return new Context() {
            @Override
            public String getAwsRequestId() {
                return requestId;
            }

            @Override
            public String getLogGroupName() {
                return "/aws/lambda/coldstart";
            }

            @Override
            public String getLogStreamName() {
                return "coldstart";
            }

            @Override
            public String getFunctionName() {
                return "coldstart";
            }

            @Override
            public String getFunctionVersion() {
                return "$LATEST";
            }

            @Override
            public String getInvokedFunctionArn() {
                return "arn:aws:lambda:" + System.getenv("AWS_REGION") + ":000000000000:function:coldstart";
            }

            @Override
            public CognitoIdentity getIdentity() {
                return null;
            }

            @Override
            public ClientContext getClientContext() {
                return null;
            }

            @Override
            public int getRemainingTimeInMillis() {
                return 15_000;
            }

            @Override
            public int getMemoryLimitInMB() {
                return 1024;
            }

            @Override
            public LambdaLogger getLogger() {
                return logger;
            }
        };
    }
}
