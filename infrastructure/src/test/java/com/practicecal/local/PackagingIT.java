package com.practicecal.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * The deployable jars, after {@code package} (infrastructure is the last module of the reactor): every function's
 * CodeUri exists, holds its handler and the handler's Micronaut bean definition, and ships no HTTP client but the
 * URL-connection one (Apache/Netty cost cold-start time and are excluded on purpose), and the JSON log provider.
 */
class PackagingIT {
    static final List<String> FORBIDDEN = List.of("org/apache/http/", "org/apache/hc/", "io/netty/",
            "software/amazon/awssdk/http/apache/", "software/amazon/awssdk/http/apache5/",
            "software/amazon/awssdk/http/nio/netty/");
    static final String URL_CONNECTION_CLIENT = "software/amazon/awssdk/http/urlconnection/UrlConnectionHttpClient.class";

    static final String JSON_LOG_PROVIDER = "com.practicecal.shared.logging.JsonLogProvider";

    private final SamTemplate template = SamTemplate.load();

    @Test
    void everyFunctionJarHoldsItsHandlerAndNoOtherHttpClient() throws IOException {
        assertThat(template.functions()).isNotEmpty();
        SoftAssertions softly = new SoftAssertions(); // one run reports every jar's problems
        for (SamFunction function : template.functions()) {
            Path jar = template.root().resolve(function.codeUri());
            if (!Files.isRegularFile(jar)) {
                softly.fail("%s: CodeUri %s does not exist (run mvn package first)", function.logicalId(), jar);
                continue;
            }
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                String classFile = function.handlerClass().replace('.', '/') + ".class";
                softly.assertThat(zip.getEntry(classFile)).as("%s in %s", classFile, jar).isNotNull();

                int lastDot = function.handlerClass().lastIndexOf('.');
                String definition = function.handlerClass().substring(0, lastDot) + ".$"
                        + function.handlerClass().substring(lastDot + 1) + "$Definition";
                softly.assertThat(zip.getEntry(definition.replace('.', '/') + ".class"))
                        .as("Micronaut bean definition %s in %s", definition, jar).isNotNull();
                softly.assertThat(zip.getEntry("META-INF/micronaut/io.micronaut.inject.BeanDefinitionReference/"
                        + definition)).as("bean definition reference of %s in %s", definition, jar).isNotNull();

                softly.assertThat(zip.getEntry(URL_CONNECTION_CLIENT)).as("URL-connection client in %s", jar)
                        .isNotNull();
                softly.assertThat(serviceProviders(zip)).as("SLF4J provider in %s", jar)
                        .containsExactly(JSON_LOG_PROVIDER);
                softly.assertThat(zip.getEntry(JSON_LOG_PROVIDER.replace('.', '/') + ".class"))
                        .as("%s in %s", JSON_LOG_PROVIDER, jar).isNotNull();
                softly.assertThat(forbiddenEntries(zip)).as("HTTP clients other than URL-connection in %s", jar)
                        .isEmpty();
            }
        }
        softly.assertAll();
    }

    /** Issue 12's goals, in MB of 10^6 bytes. */
    static final long GOAL_PER_JAR = 15_000_000;
    static final long GOAL_TOTAL = 200_000_000;

    /** Library to the functions that may carry it (by a class only that library ships). */
    static final Map<String, Set<String>> ONLY_IN = Map.of(
            "software/amazon/awssdk/services/cognitoidentityprovider/CognitoIdentityProviderClient.class",
            Set.of("SignupFunction", "StaffFunction"),
            "net/fortuna/ical4j/model/Calendar.class", Set.of("FeedsFunction"),
            "software/amazon/awssdk/services/sqs/SqsClient.class", Set.of("IntegrationsFunction",
                    "OutboxRelayFunction", "WebhookDispatcherFunction", "WebhookSenderFunction"),
            "software/amazon/awssdk/services/secretsmanager/SecretsManagerClient.class", Set.of("OnlineBookingFunction"),
            "software/amazon/awssdk/services/sesv2/SesV2Client.class", Set.of("OnlineBookingFunction"));
    /** Never in a function: reactive streams, an HTTP server stack, Joda-Time, a second JSON binding, Streams client. */
    static final List<String> NOWHERE = List.of("reactor/core/", "io/micronaut/http/", "org/joda/time/",
            "com/google/gson/", "io/micronaut/serde/", "software/amazon/awssdk/services/dynamodb/streams/",
            "zoneinfo/", "software/amazon/awssdk/regions/servicemetadata/");

    @Test
    void jarsAreSmallAndCarryOnlyWhatTheirRoutesUse() throws IOException {
        SoftAssertions softly = new SoftAssertions();
        long total = 0;
        StringBuilder table = new StringBuilder(String.format("%n%-28s %8s%n", "function", "MB"));
        for (SamFunction function : template.functions()) {
            Path jar = template.root().resolve(function.codeUri());
            long size = Files.size(jar);
            total += size;
            table.append(String.format("%-28s %8.2f%s%n", function.logicalId(), size / 1e6,
                    size > GOAL_PER_JAR ? "  (goal " + GOAL_PER_JAR / 1_000_000 + " MB missed)" : ""));
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                softly.assertThat(size).as("%s bytes", function.logicalId()).isLessThanOrEqualTo(GOAL_PER_JAR);
                ONLY_IN.forEach((entry, allowed) -> {
                    if (!allowed.contains(function.logicalId())) {
                        softly.assertThat(zip.getEntry(entry)).as("%s in %s", entry, function.logicalId()).isNull();
                    }
                });
                Set<String> found = new TreeSet<>();
                zip.stream().map(ZipEntry::getName).forEach(name -> NOWHERE.stream().filter(name::startsWith)
                        .forEach(found::add));
                softly.assertThat(found).as("libraries in %s", function.logicalId()).isEmpty();
            }
        }
        table.append(String.format("%-28s %8.2f%s%n", "total (" + template.functions().size() + " functions)",
                total / 1e6, total > GOAL_TOTAL ? "  (goal " + GOAL_TOTAL / 1_000_000 + " MB missed)" : ""));
        System.out.print(table);
        softly.assertThat(total).as("all jars").isLessThanOrEqualTo(GOAL_TOTAL);
        for (String entry : ONLY_IN.keySet()) {
            softly.assertThat(template.functions().stream().anyMatch(f -> ONLY_IN.get(entry).contains(f.logicalId())))
                    .as("some function still carries %s", entry).isTrue();
        }
        softly.assertAll();
    }

    /**
     * The SDK filters in the parent pom keep of each service's model only the shapes of the calls we make. Every model
     * class our code reaches (transitively through the model, and the errors the client registers) must be in the
     * jar, and every request and response class the client names (verifying the client loads them); a new call
     * fails here, naming what to add to the filter, not in production.
     */
    @Test
    void everySdkModelClassTheCodeReachesIsInTheJar() throws IOException {
        SoftAssertions softly = new SoftAssertions();
        for (SamFunction function : template.functions()) {
            try (ZipFile zip = new ZipFile(template.root().resolve(function.codeUri()).toFile())) {
                softly.assertThat(missingModelClasses(zip)).as("%s: model classes reached but filtered out of the "
                        + "jar (add them to the SDK's shade filter in pom.xml)", function.logicalId()).isEmpty();
            }
        }
        softly.assertAll();
    }

    private static final Pattern MODEL_CLASS = Pattern.compile(
            "software/amazon/awssdk/services/([a-z0-9]+)/model/([A-Za-z0-9_$]+)");
    private static final Pattern CLIENT = Pattern.compile("software/amazon/awssdk/services/([a-z0-9]+)/Default\\w+Client\\.class");

    static Set<String> missingModelClasses(ZipFile zip) throws IOException {
        Set<String> names = new HashSet<>();
        zip.stream().map(ZipEntry::getName).forEach(names::add);
        Set<String> services = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        Set<String> mustExist = new TreeSet<>();
        for (String name : names) {
            Matcher client = CLIENT.matcher(name);
            if (client.matches()) {
                services.add(client.group(1));
                for (String model : modelReferences(zip, name)) {
                    String simple = model.substring(model.lastIndexOf('/') + 1, model.length() - ".class".length());
                    if (simple.contains("Exception")) {
                        todo.add(model); // registered with the protocol when the client is built
                    } else if (!simple.contains("$") && (simple.endsWith("Request") || simple.endsWith("Response"))) {
                        mustExist.add(model);
                    }
                }
            } else if (name.startsWith("com/practicecal/") && name.endsWith(".class")) {
                todo.addAll(modelReferences(zip, name));
            }
        }
        Set<String> seen = new HashSet<>();
        Set<String> missing = new TreeSet<>();
        while (!todo.isEmpty()) {
            String model = todo.pop();
            Matcher matcher = MODEL_CLASS.matcher(model);
            if (!seen.add(model) || !matcher.lookingAt() || !services.contains(matcher.group(1))) {
                continue; // an optional SDK this function does not ship (shared code names it)
            }
            if (names.contains(model)) {
                todo.addAll(modelReferences(zip, model));
            } else {
                missing.add(model);
            }
        }
        mustExist.stream().filter(model -> !names.contains(model)).forEach(missing::add);
        return missing;
    }

    /** The model classes a class file names (its constant pool: class references and descriptors). */
    private static Set<String> modelReferences(ZipFile zip, String name) throws IOException {
        String constants;
        try (var in = zip.getInputStream(zip.getEntry(name))) {
            constants = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        Set<String> found = new HashSet<>();
        Matcher matcher = MODEL_CLASS.matcher(constants);
        while (matcher.find()) {
            found.add(matcher.group() + ".class");
        }
        return found;
    }

    @Test
    void codeUrisAreDistinctAndInsideTheRepository() {
        Set<String> seen = new TreeSet<>();
        for (SamFunction function : template.functions()) {
            assertThat(seen.add(function.codeUri())).as("%s shares its CodeUri", function.logicalId()).isTrue();
            Path jar = template.root().resolve(function.codeUri()).normalize();
            assertThat(jar.startsWith(template.root())).as(function.codeUri()).isTrue();
            assertThat(Files.exists(jar.getParent().getParent().resolve("pom.xml")))
                    .as("%s is built by a Maven module", function.codeUri()).isTrue();
        }
    }

    /** The SLF4J providers the jar registers (without one, SLF4J discards every log line). */
    private static List<String> serviceProviders(ZipFile zip) throws IOException {
        ZipEntry services = zip.getEntry("META-INF/services/org.slf4j.spi.SLF4JServiceProvider");
        if (services == null) {
            return List.of();
        }
        try (var in = zip.getInputStream(services)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        }
    }

    /** Forbidden prefix to a few of its entries, for a readable failure. */
    private static Map<String, List<String>> forbiddenEntries(ZipFile zip) {
        Map<String, List<String>> found = new TreeMap<>();
        zip.stream().filter(e -> !e.isDirectory()).map(ZipEntry::getName).forEach(name -> FORBIDDEN.stream().filter(name::startsWith).findFirst()
                .ifPresent(prefix -> {
                    List<String> examples = found.computeIfAbsent(prefix, p -> new java.util.ArrayList<>());
                    if (examples.size() < 3) {
                        examples.add(name);
                    }
                }));
        return found;
    }
}
