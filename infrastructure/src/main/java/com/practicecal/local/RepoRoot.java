package com.practicecal.local;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the repository root (the directory holding {@code template.yaml}). Failsafe sets PRACTICECAL_ROOT; from an
 * IDE or {@code ./dev up} we walk up from the working directory, so tests run from any module directory.
 */
public final class RepoRoot {
    public static final String ENV = "PRACTICECAL_ROOT";
    public static final String TEMPLATE = "template.yaml";

    private RepoRoot() {
    }

    public static Path locate() {
        String configured = System.getenv(ENV);
        if (configured != null && !configured.isBlank()) {
            // Maven's multiModuleProjectDirectory is the module dir when mvn runs inside a module: walk up from it.
            Path found = walkUp(Path.of(configured));
            if (found != null) {
                return found;
            }
        }
        Path found = walkUp(Path.of(System.getProperty("user.dir")));
        if (found == null) {
            throw new IllegalStateException("no " + TEMPLATE + " found above " + System.getProperty("user.dir")
                    + (configured == null ? "" : " or " + configured) + "; set " + ENV + " to the repository root");
        }
        return found;
    }

    private static Path walkUp(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(TEMPLATE))) {
                return dir;
            }
        }
        return null;
    }
}
