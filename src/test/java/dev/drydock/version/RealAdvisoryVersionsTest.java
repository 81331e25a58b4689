package dev.drydock.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every version in the real OSV records of ../shared/vulndb (golang/vulndb, RustSec, GitHub advisories) parses in its
 * ecosystem's scheme, and no range's {@code introduced} is above its {@code fixed} / {@code last_affected}: the
 * schemes hold on the data the matcher will see. Skips, saying so, when ../shared is absent.
 */
class RealAdvisoryVersionsTest {

    static Path osvDir() {
        String shared = System.getProperty("drydock.shared");
        Path dir = (shared != null ? Path.of(shared) : Path.of("..", "shared")).resolve("vulndb/osv");
        return dir.toAbsolutePath().normalize();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Go", "crates.io", "Maven", "npm", "NuGet"})
    void everyVersionParsesAndRangesAreOrdered(String ecosystem) throws IOException {
        Path dir = osvDir().resolve(ecosystem);
        assumeTrue(Files.isDirectory(dir), "skipped: " + dir + " is absent (the shared vulndb snapshot; set -Ddrydock.shared=DIR)");
        VersionScheme scheme = VersionSchemes.forEcosystem(ecosystem).orElseThrow();
        ObjectMapper json = new ObjectMapper();
        List<String> problems = new ArrayList<>();
        int versions = 0;
        int ranges = 0;
        int empty = 0;
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        for (Path file : files) {
            JsonNode record = json.readTree(file.toFile());
            for (JsonNode affected : record.path("affected")) {
                if (!affected.path("package").path("ecosystem").asText().equals(ecosystem)) {
                    continue;
                }
                for (JsonNode range : affected.path("ranges")) {
                    if (range.path("type").asText().equals("GIT")) {
                        continue;
                    }
                    ranges++;
                    String introduced = null;
                    for (JsonNode event : range.path("events")) {
                        var field = event.fields().next();
                        String v = field.getValue().asText();
                        if (field.getKey().equals("introduced") && v.equals("0")) {
                            introduced = null; // OSV's "from the beginning", not a version
                            continue;
                        }
                        versions++;
                        try {
                            scheme.validate(v);
                        } catch (InvalidVersionException e) {
                            problems.add(file.getFileName() + ": " + e.getMessage());
                            continue;
                        }
                        if (field.getKey().equals("introduced")) {
                            introduced = v;
                        } else if (introduced != null && !field.getKey().equals("limit")) {
                            int c = scheme.compare(introduced, v);
                            if (c > 0) {
                                problems.add(file.getFileName() + ": introduced " + introduced + " above "
                                        + field.getKey() + " " + v);
                            } else if (c == 0 && field.getKey().equals("fixed")) {
                                empty++; // RustSec writes a few: introduced X, fixed X (affects nothing)
                            }
                        }
                    }
                }
                for (JsonNode v : affected.path("versions")) {
                    versions++;
                    try {
                        scheme.validate(v.asText());
                    } catch (InvalidVersionException e) {
                        problems.add(file.getFileName() + ": listed " + e.getMessage());
                    }
                }
            }
        }
        System.out.println(ecosystem + ": " + files.size() + " records, " + ranges + " ranges, " + versions
                + " versions, " + empty + " empty (introduced = fixed) intervals, " + problems.size() + " problems");
        assertThat(problems).isEmpty();
        assertThat(versions).isPositive();
    }
}
