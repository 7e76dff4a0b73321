package com.practicecal.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * The deployable jars, after {@code package} (infrastructure is the last module of the reactor): every function's
 * CodeUri exists, holds its handler and the handler's Micronaut bean definition, and ships no HTTP client but the
 * URL-connection one (Apache/Netty cost cold-start time and are excluded on purpose).
 */
class PackagingIT {
    static final List<String> FORBIDDEN = List.of("org/apache/http/", "org/apache/hc/", "io/netty/",
            "software/amazon/awssdk/http/apache/", "software/amazon/awssdk/http/apache5/",
            "software/amazon/awssdk/http/nio/netty/");
    static final String URL_CONNECTION_CLIENT = "software/amazon/awssdk/http/urlconnection/UrlConnectionHttpClient.class";

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
                softly.assertThat(forbiddenEntries(zip)).as("HTTP clients other than URL-connection in %s", jar)
                        .isEmpty();
            }
        }
        softly.assertAll();
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
