package com.practicecal.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.practicecal.shared.runtime.FunctionContexts;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays API Gateway (HTTP API, payload 2.0) on 127.0.0.1: routes from the functions' HttpApi events, the JWT
 * authorizer, CORS, and in-process invocation of the real handler classes, all sharing one Micronaut context built
 * from the stack's settings. Gateway answers ({@code 401 {"message":"Unauthorized"}}, {@code 404 {"message":"Not
 * Found"}}) look like AWS's. Logs carry request id, route and status, never tokens or bodies.
 */
public final class LocalApi implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalApi.class);
    /** One line per request; tests can silence it via simplelogger.properties. */
    private static final Logger ACCESS = LoggerFactory.getLogger("com.practicecal.local.access");
    /** API Gateway's payload limit. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    public static final String OPENAPI_PATH = "/openapi.yaml";
    /** Set in the local context, for beans that must know they run in the local runner. */
    public static final String LOCAL_RUNNER_PROPERTY = "practicecal.local-runner";
    private static final Pattern COGNITO_ISSUER = Pattern.compile("https://cognito-idp\\.[a-z0-9-]+\\.amazonaws\\.com/(.+)");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ProvisionedStack stack;
    private final ApplicationContext context;
    private final LocalIam iam;
    private final RouteTable routes;
    private final Map<String, SamFunction> functions;
    private final Map<String, RequestHandler<Object, Object>> handlers;
    private final Map<String, JwtAuthorizer> authorizers;
    private final Optional<CorsPolicy> cors;
    private final HttpApiEventFactory events;
    private final Path openApi;
    private final Optional<StaticSite> app;
    private final HttpServer server;
    private final ExecutorService executor;
    private final LocalConfirmationCodes confirmationCodes;

    private LocalApi(Builder builder) {
        this.stack = builder.stack;
        SamTemplate template = stack.template();
        Map<String, SamFunction> byId = new LinkedHashMap<>();
        List<HttpApiRoute> allRoutes = new ArrayList<>();
        for (SamFunction function : template.functions()) {
            if (!function.routes().isEmpty()) {
                byId.put(function.logicalId(), function);
                allRoutes.addAll(function.routes());
            }
        }
        this.functions = byId;
        this.routes = new RouteTable(allRoutes);

        Map<String, Object> properties = new LinkedHashMap<>(stack.settings());
        properties.put(LOCAL_RUNNER_PROPERTY, "true");
        functions.values().forEach(f -> addFunctionSettings(f, properties));
        properties.putAll(builder.properties);
        this.authorizers = authorizers(template, allRoutes, builder.clock);
        this.cors = template.corsConfiguration().map(c -> Templates.asMap(stack.resolve(c))).flatMap(CorsPolicy::of);
        this.events = new HttpApiEventFactory("local", StackResolver.LOCAL_ACCOUNT_ID);
        this.openApi = template.root().resolve("openapi.yaml");
        this.app = Optional.ofNullable(builder.app).map(dir -> new StaticSite(dir, builder.appConnectSrc));
        this.confirmationCodes = new LocalConfirmationCodes(stack.endpoint(), () -> stack.physicalId("UserPool"));

        // Each function may call AWS only as its policy in template.yaml allows (checked on every SDK call).
        this.iam = LocalIam.of(stack);
        List<Object> singletons = new ArrayList<>(builder.singletons);
        singletons.add(iam);
        // The context a deployed function gets (FunctionContexts), shared by all functions here.
        ApplicationContext started = FunctionContexts.builder()
                .properties(properties)
                .singletons(singletons.toArray())
                .start();
        try {
            this.context = started;
            this.handlers = FunctionHandlers.instantiate(functions.values(), started);
            // Small responses otherwise wait for delayed ACKs (Nagle): ~40 ms per request.
            if (System.getProperty("sun.net.httpserver.nodelay") == null) {
                System.setProperty("sun.net.httpserver.nodelay", "true");
            }
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), builder.port),
                    1024);
            this.executor = Executors.newFixedThreadPool(builder.threads, daemonThreads());
            server.setExecutor(executor);
            server.createContext("/", this::handle);
            server.start();
        } catch (IOException | RuntimeException e) {
            started.close();
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot listen on port " + builder.port, io);
            }
            throw (RuntimeException) e;
        }
        LOG.info("local API for stack {} on {} ({} routes)", stack.name(), baseUri(), allRoutes.size());
    }

    public static Builder builder(ProvisionedStack stack) {
        return new Builder(stack);
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public ProvisionedStack stack() {
        return stack;
    }

    /** The local IAM check of the functions' calls (its refusals, e.g. for a test to report). */
    public LocalIam iam() {
        return iam;
    }

    /** The context shared by all handlers, e.g. to reach beans in tests. */
    public ApplicationContext applicationContext() {
        return context;
    }

    public RouteTable routes() {
        return routes;
    }

    /** Stops accepting requests, lets running ones finish (up to 5 s) and closes the Micronaut context. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        context.close();
    }

    // ---------------------------------------------------------------- request handling

    private void handle(HttpExchange exchange) {
        long started = System.nanoTime();
        String requestId = newRequestId();
        // the route template, not the raw path: paths can carry secrets (feed tokens) that must not reach logs
        String label = routes.match(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath())
                .map(m -> m.route().routeKey())
                .orElse(exchange.getRequestMethod() + " (no route)");
        int status = 500;
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_BODY_BYTES + 1);
            }
            IncomingRequest request = new IncomingRequest(exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(),
                    Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse(""),
                    exchange.getRequestHeaders(), body,
                    exchange.getRemoteAddress().getAddress().getHostAddress(), exchange.getProtocol());
            GatewayResponse response = respond(request, body.length > MAX_BODY_BYTES, requestId, label);
            if (!CorsPolicy.isPreflight(request)) {
                cors.ifPresent(policy -> policy.responseHeaders(request).forEach(response::withHeader));
            }
            response.withHeader("apigw-requestid", requestId);
            write(exchange, response);
            status = response.status();
        } catch (IOException | RuntimeException e) {
            LOG.warn("request {} ({}) could not be served: {}", requestId, label, e.toString());
        } finally {
            ACCESS.info("{} {} {} {}ms", requestId, label, status, (System.nanoTime() - started) / 1_000_000);
        }
    }

    private GatewayResponse respond(IncomingRequest request, boolean tooLarge, String requestId, String label)
            throws IOException {
        if (tooLarge) {
            return GatewayResponse.gatewayMessage(413, "Request Entity Too Large");
        }
        try {
            return dispatch(request, requestId);
        } catch (RuntimeException bug) {
            LOG.error("request {} ({}) failed in the local gateway", requestId, label, bug);
            return GatewayResponse.gatewayMessage(500, "Internal Server Error");
        }
    }

    private GatewayResponse dispatch(IncomingRequest request, String requestId) throws IOException {
        if (CorsPolicy.isPreflight(request) && cors.isPresent()) {
            GatewayResponse preflight = new GatewayResponse(204, new LinkedHashMap<>(), new byte[0]);
            cors.get().preflight(request).ifPresent(headers -> headers.forEach(preflight::withHeader));
            return preflight;
        }
        Optional<RouteMatch> match = routes.match(request.method(), request.rawPath());
        if (match.isEmpty()) {
            if (request.method().equals("GET") && request.rawPath().equals(OPENAPI_PATH) && Files.isRegularFile(openApi)) {
                return new GatewayResponse(200, new LinkedHashMap<>(Map.of("content-type",
                        new ArrayList<>(List.of("application/yaml")))), Files.readAllBytes(openApi));
            }
            if (LocalConfirmationCodes.serves(request)) {
                return confirmationCodes.answer(request); // local gateway only, never in template.yaml
            }
            if (app.isPresent() && StaticSite.mayServe(request.method(), request.rawPath())) {
                Optional<GatewayResponse> page = app.get().serve(request.rawPath());
                if (page.isPresent()) {
                    return page.get();
                }
            }
            return GatewayResponse.gatewayMessage(404, "Not Found");
        }
        HttpApiRoute route = match.get().route();
        JwtAuthorizer.Allowed allowed = null;
        if (!route.isPublic()) {
            JwtAuthorizer.Result result = authorizers.get(route.authorizer())
                    .authorize(request.header("authorization").orElse(null));
            if (result instanceof JwtAuthorizer.Denied denied) {
                return GatewayResponse.gatewayMessage(401, "Unauthorized").withHeader("www-authenticate",
                        "Bearer scope=\"\" error=\"invalid_token\" error_description=\"" + denied.reason() + "\"");
            }
            allowed = (JwtAuthorizer.Allowed) result;
        }
        APIGatewayV2HTTPEvent event = events.create(request, match.get(), allowed, requestId, Instant.now());
        return invoke(functions.get(route.functionId()), event, requestId);
    }

    private GatewayResponse invoke(SamFunction function, APIGatewayV2HTTPEvent event, String requestId) {
        Object output;
        try {
            output = iam.as(function.logicalId(), () -> handlers.get(function.logicalId()).handleRequest(event,
                    new LocalLambdaContext(requestId, stack.name() + "-" + function.logicalId(), stack.region(),
                            function.memorySize(), function.timeoutSeconds())));
        } catch (RuntimeException | Error failure) {
            // In AWS an unhandled function error becomes this gateway answer; the details go to the function's log.
            LOG.error("function {} failed on request {}", function.logicalId(), requestId, failure);
            return GatewayResponse.gatewayMessage(500, "Internal Server Error");
        }
        if (!(output instanceof APIGatewayV2HTTPResponse response)) {
            LOG.error("function {} returned {} instead of an APIGatewayV2HTTPResponse", function.logicalId(),
                    output == null ? "null" : output.getClass().getName());
            return GatewayResponse.gatewayMessage(500, "Internal Server Error");
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((name, value) -> headers.computeIfAbsent(name, n -> new ArrayList<>())
                    .add(value));
        }
        if (response.getMultiValueHeaders() != null) {
            response.getMultiValueHeaders().forEach((name, values) -> headers
                    .computeIfAbsent(name, n -> new ArrayList<>()).addAll(values));
        }
        if (response.getCookies() != null) {
            response.getCookies().forEach(cookie -> headers.computeIfAbsent("set-cookie", n -> new ArrayList<>())
                    .add(cookie));
        }
        String body = response.getBody();
        byte[] bytes = body == null ? new byte[0]
                : response.getIsBase64Encoded() ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
        return new GatewayResponse(response.getStatusCode(), headers, bytes);
    }

    private static void write(HttpExchange exchange, GatewayResponse response) throws IOException {
        response.headers().forEach((name, values) -> values.forEach(v -> exchange.getResponseHeaders().add(name, v)));
        boolean noBody = response.body().length == 0 || response.status() == 204 || response.status() == 304
                || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
        if (!noBody) {
            exchange.getResponseBody().write(response.body());
        }
    }

    /** API Gateway style request id, e.g. {@code Mc7UVioPPHcEKPA=}. */
    private static String newRequestId() {
        byte[] random = new byte[11];
        RANDOM.nextBytes(random);
        return Base64.getEncoder().encodeToString(random);
    }

    // ---------------------------------------------------------------- set-up

    /**
     * All functions share one context, so they must agree on their settings; a function-specific variable that
     * differs from Globals cannot be represented and is refused rather than silently ignored.
     */
    private void addFunctionSettings(SamFunction function, Map<String, Object> properties) {
        stack.settings(function).forEach((name, value) -> {
            Object shared = properties.putIfAbsent(name, value);
            if (shared != null && !shared.equals(value)) {
                throw new IllegalStateException(function.logicalId() + " sets " + name + "=" + value + " but another"
                        + " function uses " + shared + "; the local stack runs all functions in one context");
            }
        });
    }

    private Map<String, JwtAuthorizer> authorizers(SamTemplate template, List<HttpApiRoute> allRoutes, Clock clock) {
        Map<String, JwtAuthorizerConfig> configs = template.jwtAuthorizers();
        Map<String, JwtAuthorizer> built = new LinkedHashMap<>();
        for (HttpApiRoute route : allRoutes) {
            if (route.isPublic() || built.containsKey(route.authorizer())) {
                continue;
            }
            JwtAuthorizerConfig config = configs.get(route.authorizer());
            if (config == null) {
                throw new IllegalStateException(route.routeKey() + " uses authorizer " + route.authorizer()
                        + ", which is not a JWT authorizer of the template; the local API plays only JWT authorizers");
            }
            if (!config.identitySource().equals("$request.header.Authorization")) {
                throw new IllegalStateException("authorizer " + config.name() + ": only the identity source "
                        + "$request.header.Authorization is supported locally");
            }
            String issuer = stack.resolveString(config.issuer());
            Set<String> audiences = Set.copyOf(config.audience().stream().map(stack::resolveString).toList());
            built.put(config.name(), new JwtAuthorizer(issuer, audiences, jwksUri(issuer), clock));
        }
        return built;
    }

    /** moto issues AWS-style issuers but serves the keys itself at {@code <endpoint>/<poolId>/.well-known/jwks.json}. */
    private URI jwksUri(String issuer) {
        Matcher cognito = COGNITO_ISSUER.matcher(issuer);
        if (stack.endpoint().isPresent() && cognito.matches()) {
            String endpoint = stack.endpoint().get().toString().replaceAll("/+$", "");
            return URI.create(endpoint + "/" + cognito.group(1) + "/.well-known/jwks.json");
        }
        return URI.create(issuer.replaceAll("/+$", "") + "/.well-known/jwks.json");
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "local-api-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Options of a local API; {@link #start()} builds it. */
    public static final class Builder {
        private final ProvisionedStack stack;
        private final Map<String, Object> properties = new LinkedHashMap<>();
        private final List<Object> singletons = new ArrayList<>();
        private int port;
        private int threads = 64;
        private Clock clock = Clock.systemUTC();
        private Path app;
        private String appConnectSrc;

        private Builder(ProvisionedStack stack) {
            this.stack = stack;
        }

        /** 0 (the default) picks a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** An extra Micronaut property; wins over the stack's settings. */
        public Builder property(String name, Object value) {
            properties.put(name, value);
            return this;
        }

        public Builder properties(Map<String, ?> extra) {
            properties.putAll(extra);
            return this;
        }

        /** An extra bean, e.g. an SDK ExecutionInterceptor (attached to every AWS client) or a fixed Clock. */
        public Builder singleton(Object bean) {
            singletons.add(bean);
            return this;
        }

        /** Request threads; at least 64 so that bursts of concurrent requests are served concurrently. */
        public Builder threads(int threads) {
            this.threads = Math.max(64, threads);
            return this;
        }

        /** The clock the JWT authorizer checks exp/nbf/iat against. */
        public Builder authorizerClock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Also serve the built web app from this directory on the same origin (SPA fallback for client routes),
         * with the production security headers; {@code connectSrc} lists the extra origins the app may call
         * (the Cognito endpoint).
         */
        public Builder app(Path dist, String connectSrc) {
            this.app = dist;
            this.appConnectSrc = connectSrc;
            return this;
        }

        public LocalApi start() {
            return new LocalApi(this);
        }
    }
}
