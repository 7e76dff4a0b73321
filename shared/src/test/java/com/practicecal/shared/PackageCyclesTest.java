package com.practicecal.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * No dependency cycle between the top-level packages of the shared module ({@code com.practicecal.shared.<p>}):
 * the JDK's own {@code jdeps} reads the compiled classes (class-level dependencies, so imports, signatures and
 * bodies all count), and the strongly connected components of the package graph must all be single packages,
 * except the ones listed in {@link #KNOWN} — which may only shrink.
 */
class PackageCyclesTest {
    private static final String ROOT = "com.practicecal.shared.";
    private static final Pattern EDGE = Pattern.compile(
            "^\\s+(" + Pattern.quote(ROOT) + "[\\w.$]+)\\s+->\\s+(" + Pattern.quote(ROOT) + "[\\w.$]+)\\s");

    /** Cycles not broken yet (each a set of packages that reach each other). Remove an entry once it is broken. */
    static final Set<Set<String>> KNOWN = Set.of();

    /** The API layer (HTTP types: ApiRequest, ApiResponse, the function base classes, the error mapper). */
    static final String API = "api";
    /** Only handlers (in the function modules) use it; no package of this module does. */
    static final Set<String> API_USERS = Set.of(API);

    static Map<String, Set<String>> packageGraph(Path classes) {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new AssertionError("no jdeps in this JDK"));
        StringWriter out = new StringWriter();
        int exit = jdeps.run(new PrintWriter(out), new PrintWriter(out), "-verbose:class", "-filter:none",
                classes.toString());
        assertThat(exit).as(out.toString()).isZero();
        Map<String, Set<String>> graph = new TreeMap<>();
        for (String line : out.toString().split("\n")) {
            Matcher m = EDGE.matcher(line);
            if (m.find()) {
                String from = top(m.group(1));
                String to = top(m.group(2));
                graph.computeIfAbsent(from, k -> new TreeSet<>());
                graph.computeIfAbsent(to, k -> new TreeSet<>());
                if (!from.equals(to)) {
                    graph.get(from).add(to);
                }
            }
        }
        return graph;
    }

    /** {@code com.practicecal.shared.booking.BookingService$1} -> {@code booking} */
    static String top(String className) {
        String rest = className.substring(ROOT.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? "(root)" : rest.substring(0, dot);
    }

    /** Tarjan's strongly connected components with more than one package. */
    static List<Set<String>> cycles(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<Set<String>> result = new ArrayList<>();
        int[] counter = {0};
        for (String node : graph.keySet()) {
            if (!index.containsKey(node)) {
                connect(node, graph, index, low, stack, onStack, result, counter);
            }
        }
        return result;
    }

    private static void connect(String node, Map<String, Set<String>> graph, Map<String, Integer> index,
                                Map<String, Integer> low, Deque<String> stack, Set<String> onStack,
                                List<Set<String>> result, int[] counter) {
        index.put(node, counter[0]);
        low.put(node, counter[0]++);
        stack.push(node);
        onStack.add(node);
        for (String next : graph.getOrDefault(node, Set.of())) {
            if (!index.containsKey(next)) {
                connect(next, graph, index, low, stack, onStack, result, counter);
                low.put(node, Math.min(low.get(node), low.get(next)));
            } else if (onStack.contains(next)) {
                low.put(node, Math.min(low.get(node), index.get(next)));
            }
        }
        if (low.get(node).equals(index.get(node))) {
            Set<String> component = new TreeSet<>();
            String member;
            do {
                member = stack.pop();
                onStack.remove(member);
                component.add(member);
            } while (!member.equals(node));
            if (component.size() > 1) {
                result.add(component);
            }
        }
    }

    @Test
    void theDetectorFindsACycle() {
        Map<String, Set<String>> graph = new TreeMap<>(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"),
                "d", Set.of("a")));
        assertThat(cycles(graph)).containsExactly(Set.of("a", "b", "c"));
        assertThat(cycles(new TreeMap<>(Map.of("a", Set.of("b"), "b", Set.of())))).isEmpty();
        assertThat(top("com.practicecal.shared.booking.BookingService$Inner")).isEqualTo("booking");
    }

    @Test
    void theDomainKnowsNoHttpTypes() {
        Map<String, Set<String>> graph = packageGraph(Path.of("target", "classes"));
        Set<String> users = new TreeSet<>();
        graph.forEach((from, to) -> {
            if (to.contains(API) && !API_USERS.contains(from)) {
                users.add(from);
            }
        });
        assertThat(users).as("packages depending on the API layer (ApiRequest, ApiResponse, ...)").isEmpty();
    }

    @Test
    void noCycleBetweenTopLevelPackages() throws Exception {
        Path classes = Path.of("target", "classes");
        assertThat(Files.isDirectory(classes.resolve("com/practicecal/shared"))).as("compiled classes at " + classes.toAbsolutePath()).isTrue();
        Map<String, Set<String>> graph = packageGraph(classes);
        assertThat(graph).as("packages seen").containsKeys("booking", "room", "store");
        List<Set<String>> cycles = cycles(graph);
        StringBuilder report = new StringBuilder();
        for (Set<String> cycle : cycles) {
            report.append(cycle).append(':');
            for (String from : cycle) {
                for (String to : graph.get(from)) {
                    if (cycle.contains(to)) {
                        report.append(' ').append(from).append("->").append(to);
                    }
                }
            }
            report.append('\n');
        }
        assertThat(Set.copyOf(cycles)).as("package cycles (known: " + KNOWN + ")\n" + report).isSubsetOf(KNOWN);
    }
}
