package dev.drydock.vulndb;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the real advisory snapshot: {@code ../shared/vulndb}, or {@code -Ddrydock.shared=DIR}; tests skip clearly without it. */
final class SharedData {

    private SharedData() {
    }

    static Path vulndb() {
        String prop = System.getProperty("drydock.shared");
        Path shared = prop != null ? Path.of(prop) : Path.of("..", "shared");
        Path dir = shared.resolve("vulndb").toAbsolutePath().normalize();
        assumeTrue(Files.isDirectory(dir.resolve("osv")),
                "skipped: the real advisory snapshot is not at " + dir + " (set -Ddrydock.shared=DIR to the folder holding vulndb/)");
        return dir;
    }
}
