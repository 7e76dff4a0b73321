package com.practicecal.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The web app in real Chromium against the real local stack: a stack of its own started as {@code ./dev up} starts
 * it (moto, local API serving {@code frontend/dist} on a free port, event sources), then the Playwright suite in
 * {@code frontend/e2e} ({@code npx playwright test}) against it. {@code ./dev test} builds the app first; its
 * output, screenshots and JUnit report land in {@code target/e2e}.
 */
class FrontendE2EIT {
    private static final long TIMEOUT_MINUTES = 12;

    @Test
    void playwrightSuitePassesAgainstTheLocalStack() throws Exception {
        Path root = RepoRoot.locate();
        Path frontend = root.resolve("frontend");
        assertTrue(Files.isRegularFile(frontend.resolve("dist/index.html")),
                "frontend/dist is missing: ./dev test builds it (cd frontend && npm ci && npm run build)");
        assertTrue(Files.isDirectory(frontend.resolve("node_modules/@playwright/test")),
                "frontend/node_modules is missing: cd frontend && npm ci");
        Path out = root.resolve("target/e2e");
        Files.createDirectories(out);
        Path log = out.resolve("playwright.log");

        DevStack.Running running = DevStack.start("e2e-" + UUID.randomUUID().toString().substring(0, 8), 0);
        {
            try {
                ProcessBuilder builder = new ProcessBuilder(npx(), "playwright", "test")
                        .directory(frontend.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
                builder.environment().put("PRACTICECAL_BASE_URL", running.api().baseUri().toString());
                builder.environment().put("CI", "true");
                Process process = builder.start();
                boolean finished = process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
                if (!finished) {
                    process.descendants().forEach(ProcessHandle::destroy);
                    process.destroyForcibly();
                }
                String output = Files.readString(log, StandardCharsets.UTF_8);
                System.out.println(output);
                assertTrue(finished, "playwright did not finish within " + TIMEOUT_MINUTES + " minutes");
                assertEquals(0, process.exitValue(), "playwright failed (log: " + log + "):\n" + tail(output));
            } finally {
                running.events().close();
                running.api().close();
                running.stack().teardown();
            }
        }
    }

    private static String npx() {
        return System.getProperty("os.name").toLowerCase().contains("win") ? "npx.cmd" : "npx";
    }

    private static String tail(String output) throws IOException {
        List<String> lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
    }
}
