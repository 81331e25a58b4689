package dev.drydock.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the npm, Go, crates.io, Maven and Packagist differential tests share: finding a reference on the PATH, one
 * batch through {@link ReferenceProcess} with one answer per question, and the knobs {@code -Ddrydock.version.seed=N}
 * (shifts every seed, as for the other schemes' tests) and {@code -Ddrydock.version.scale=N} (N times the cases).
 */
final class Oracles {

    static final long SEED = Long.getLong("drydock.version.seed", 20261123L) - 20261123L;
    static final int SCALE = Math.max(1, Integer.getInteger("drydock.version.scale", 1));

    private Oracles() {
    }

    /** The first of these executables found on PATH, or null. */
    static Path onPath(String... names) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String name : names) {
            for (String dir : path.split(":")) {
                Path p = Path.of(dir.isEmpty() ? "." : dir, name);
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    /** The reference's answers to {@code lines}, exactly one per line. */
    static List<String> answers(List<String> command, List<String> lines) {
        List<String> out = ReferenceProcess.run(command, lines);
        assertThat(out).as("%s answers one line per question", command).hasSameSizeAs(lines);
        return out;
    }
}
