package com.practicecal.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a function's deployed jar as Lambda would: a fresh JVM whose class path is the jar (plus {@link ColdStartRun}),
 * with the function's template environment resolved against a provisioned stack, talking to the same endpoint.
 */
final class FunctionJarProcess implements AutoCloseable {
    private static final Pattern LINE = Pattern.compile("COLDSTART init=(\\d+) first=(\\d+) second=(\\d+) status=(\\S+) cpu=(\\d+)");

    /** Milliseconds of init, first and second invocation, the first response's status, and all output. */
    record Result(long init, long first, long second, String status, long cpu, String output) {
        /** The output without the runner's own line: what the function wrote to stdout/stderr. */
        List<String> functionLines() {
            return output.lines().filter(line -> !line.startsWith("COLDSTART "))
                    .filter(line -> !line.startsWith("Picked up JAVA_TOOL_OPTIONS")) // the JVM's notice on stderr
                    .toList();
        }
    }

    private final ProvisionedStack stack;
    private final Path runner;
    private final boolean extracted;

    /** Runs each function from its jar file. */
    FunctionJarProcess(ProvisionedStack stack) {
        this(stack, false);
    }

    /**
     * {@code extracted}: from the jar's contents in a directory, as Lambda runs a deployment package (extracted into
     * {@code /var/task}, which is the class path); the cold-start bench measures that.
     */
    FunctionJarProcess(ProvisionedStack stack, boolean extracted) {
        this.stack = stack;
        this.extracted = extracted;
        try {
            this.runner = Files.createTempDirectory("function-jar");
            copyRunner(runner);
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot prepare the runner", e);
        }
    }

    /** The baseline: DynamoDB client built from the jar's SDK, one GetItem, twice. */
    Result bare(SamFunction function) {
        return run(function, List.of("bare"), Map.of());
    }

    /** Only builds the handler, as Lambda's init phase does. */
    Result init(SamFunction function) {
        return run(function, List.of("init", function.handlerClass()), Map.of());
    }

    /** Builds the handler and invokes it twice with {@code event}. */
    Result invoke(SamFunction function, APIGatewayV2HTTPEvent event, Map<String, String> extraEnvironment) {
        return invoke(function, event, extraEnvironment, false);
    }

    /** As {@link #invoke}; {@code primed}: runs the SnapStart hooks first (their time counts as init). */
    Result invoke(SamFunction function, APIGatewayV2HTTPEvent event, Map<String, String> extraEnvironment,
                  boolean primed) {
        try {
            Path file = Files.createTempFile(runner, "event", ".properties");
            try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                ColdStartRun.EventFile.write(event).store(out, null);
            }
            List<String> args = new ArrayList<>(List.of("handler", function.handlerClass(), file.toString()));
            if (primed) {
                args.add("primed");
            }
            return run(function, args, extraEnvironment);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Result run(SamFunction function, List<String> args, Map<String, String> extraEnvironment) {
        Path jar = stack.template().root().resolve(function.codeUri());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        String jvmOptions = System.getenv("COLDSTART_JVM_OPTIONS"); // profiling, e.g. -Xlog:class+load:file=...
        if (jvmOptions != null && !jvmOptions.isBlank()) {
            command.addAll(List.of(jvmOptions.strip().split("\\s+")));
        }
        command.addAll(List.of("-cp", (extracted ? taskDirectory(jar) : jar) + File.pathSeparator + runner,
                ColdStartRun.class.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        function.environment().forEach((name, value) -> environment.put(name, stack.resolveString(value)));
        environment.put("AWS_REGION", stack.region());
        environment.put("AWS_LAMBDA_FUNCTION_NAME", stack.name() + "-" + function.logicalId());
        stack.endpoint().ifPresent(uri -> environment.put("PUBLIC_COGNITO_ENDPOINT", uri.toString()));
        environment.putAll(extraEnvironment);
        try {
            Process process = builder.start();
            String output;
            try (InputStream in = process.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            int exit = process.waitFor();
            Matcher matcher = LINE.matcher(output);
            if (exit != 0 || !matcher.find()) {
                throw new IllegalStateException(function.logicalId() + " " + args.get(0) + " exited " + exit + ":\n"
                        + output);
            }
            return new Result(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)),
                    Long.parseLong(matcher.group(3)), matcher.group(4), Long.parseLong(matcher.group(5)), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The jar as Lambda runs it: the deployment package extracted into a directory (Lambda's {@code /var/task}) on the
     * class path, not the archive itself. Extracted once per jar and process.
     */
    private synchronized Path taskDirectory(Path jar) {
        try {
            return extracted(jar);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract " + jar, e);
        }
    }

    private Path extracted(Path jar) throws IOException {
        Path task = runner.resolveSibling(runner.getFileName() + "-task").resolve(jar.getParent().getParent()
                .getFileName().toString());
        if (Files.isDirectory(task)) {
            return task;
        }
        Path partial = Files.createDirectories(task.resolveSibling(task.getFileName() + ".partial"));
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
            for (var entries = zip.entries(); entries.hasMoreElements(); ) {
                java.util.zip.ZipEntry entry = entries.nextElement();
                Path target = partial.resolve(entry.getName()).normalize();
                if (!target.startsWith(partial)) {
                    throw new IOException("entry outside the task directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, target);
                    }
                }
            }
        }
        Files.move(partial, task);
        return task;
    }

    /** Only the runner's classes: nothing else of the test class path reaches the child. */
    private static void copyRunner(Path dir) throws IOException, URISyntaxException {
        Path classes = Path.of(ColdStartRun.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String packagePath = ColdStartRun.class.getPackageName().replace('.', '/');
        Path target = Files.createDirectories(dir.resolve(packagePath));
        try (var files = Files.list(classes.resolve(packagePath))) {
            for (Path file : files.filter(p -> p.getFileName().toString().startsWith("ColdStartRun")).toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
    }

    @Override
    public void close() {
        delete(runner);
        delete(runner.resolveSibling(runner.getFileName() + "-task"));
    }

    private static void delete(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An HTTP API event as the gateway sends it for {@code routeKey}, authorized as {@code user} if given. */
    static APIGatewayV2HTTPEvent event(String routeKey, String path, Map<String, String> query,
                                       Map<String, String> pathParameters, Map<String, String> headers, String body,
                                       TestUser user) {
        String method = routeKey.substring(0, routeKey.indexOf(' '));
        APIGatewayV2HTTPEvent.RequestContext.RequestContextBuilder context = APIGatewayV2HTTPEvent.RequestContext
                .builder().withRequestId("req-" + Long.toHexString(System.nanoTime())).withRouteKey(routeKey)
                .withStage("$default").withAccountId(StackResolver.LOCAL_ACCOUNT_ID).withApiId("local")
                .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(path)
                        .withProtocol("HTTP/1.1").withSourceIp("127.0.0.1").withUserAgent("practicecal-test").build());
        if (user != null) {
            context.withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                    .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                            .withClaims(Map.of("sub", user.userId(), "email", user.email())).build()).build());
        }
        StringBuilder rawQuery = new StringBuilder();
        query.forEach((name, value) -> rawQuery.append(rawQuery.isEmpty() ? "" : "&").append(name).append('=')
                .append(value));
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey(routeKey).withRawPath(path)
                .withRawQueryString(rawQuery.toString()).withQueryStringParameters(query.isEmpty() ? null : query)
                .withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
                .withHeaders(headers).withBody(body).withIsBase64Encoded(false)
                .withRequestContext(context.build()).build();
    }
}
