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
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.maven.artifact.versioning.ComparableVersion;
import org.junit.jupiter.api.Test;

/**
 * The real versions of the advisory snapshot (../shared/vulndb: golang/vulndb, RustSec, GitHub's Maven records),
 * compared with the real references: neighbours after sorting with drydock's scheme, and random real pairs, must get
 * the reference's answer. Skips, saying so, when the snapshot or a reference is absent.
 */
class RealAdvisoryPairsTest {

    static TreeSet<String> versions(String ecosystem) throws IOException {
        Path dir = RealAdvisoryVersionsTest.osvDir().resolve(ecosystem);
        assumeTrue(Files.isDirectory(dir), "skipped: " + dir + " is absent (the shared vulndb snapshot; set -Ddrydock.shared=DIR)");
        ObjectMapper json = new ObjectMapper();
        TreeSet<String> out = new TreeSet<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        for (Path file : files) {
            for (JsonNode affected : json.readTree(file.toFile()).path("affected")) {
                for (JsonNode range : affected.path("ranges")) {
                    if (!range.path("type").asText().equals("GIT")) {
                        for (JsonNode event : range.path("events")) {
                            String v = event.elements().next().asText();
                            if (!v.equals("0")) {
                                out.add(v);
                            }
                        }
                    }
                }
                affected.path("versions").forEach(v -> out.add(v.asText()));
            }
        }
        return out;
    }

    /** Neighbours in drydock's order, then seeded random pairs. */
    static List<String[]> pairs(VersionScheme scheme, TreeSet<String> versions, int random) {
        List<String> sorted = new ArrayList<>(versions);
        sorted.sort(scheme::compare);
        List<String[]> pairs = new ArrayList<>();
        for (int i = 0; i + 1 < sorted.size(); i++) {
            pairs.add(new String[] {sorted.get(i), sorted.get(i + 1)});
        }
        Random r = new Random(20261123L + Oracles.SEED);
        for (int i = 0; i < random; i++) {
            pairs.add(new String[] {sorted.get(r.nextInt(sorted.size())), sorted.get(r.nextInt(sorted.size()))});
        }
        return pairs;
    }

    /** Pairs through an oracle answering "validA validB cmp" per "A<TAB>B" line; the v prefix added for x/mod. */
    static List<String> disagreements(Path oracle, VersionScheme scheme, List<String[]> pairs, boolean prefixV) {
        List<String> lines = new ArrayList<>();
        for (String[] p : pairs) {
            lines.add(prefixV ? v(p[0]) + "\t" + v(p[1]) : p[0] + "\t" + p[1]);
        }
        List<String> expected = Oracles.answers(List.of(oracle.toString()), lines);
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            String ours = "true true " + Integer.signum(scheme.compare(pairs.get(i)[0], pairs.get(i)[1]));
            if (!ours.equals(expected.get(i))) {
                bad.add(pairs.get(i)[0] + " vs " + pairs.get(i)[1] + ": reference " + expected.get(i) + ", drydock " + ours);
            }
        }
        return bad;
    }

    /** OSV's Go versions without their v, as x/mod/semver wants them (the real string otherwise unchanged). */
    private static String v(String version) {
        return version.startsWith("v") ? version : "v" + version;
    }

    @Test
    void goVersionsAsXModSemver() throws Exception {
        TreeSet<String> versions = versions("Go");
        GoVersionDifferentialTest.build();
        List<String[]> pairs = pairs(GoVersion.INSTANCE, versions, 5000);
        List<String> bad = disagreements(GoVersionDifferentialTest.oracle, GoVersion.INSTANCE, pairs, true);
        System.out.println("go, real versions: " + versions.size() + " distinct, " + pairs.size() + " pairs, "
                + bad.size() + " disagreements with x/mod/semver");
        assertThat(bad).isEmpty();
    }

    @Test
    void crateVersionsAsTheSemverCrate() throws Exception {
        TreeSet<String> versions = versions("crates.io");
        CargoVersionDifferentialTest.build();
        List<String[]> pairs = pairs(CargoVersion.INSTANCE, versions, 5000);
        List<String> bad = disagreements(CargoVersionDifferentialTest.oracle, CargoVersion.INSTANCE, pairs, false);
        System.out.println("cargo, real versions: " + versions.size() + " distinct, " + pairs.size() + " pairs, "
                + bad.size() + " disagreements with the semver crate");
        assertThat(bad).isEmpty();
    }

    @Test
    void mavenVersionsAsComparableVersion() throws Exception {
        TreeSet<String> versions = versions("Maven");
        List<String[]> pairs = pairs(MavenVersion.INSTANCE, versions, 2000);
        List<String> bad = new ArrayList<>();
        for (String[] p : pairs) {
            int expected = Integer.signum(new ComparableVersion(p[0]).compareTo(new ComparableVersion(p[1])));
            if (expected != MavenVersion.INSTANCE.compare(p[0], p[1])) {
                bad.add(p[0] + " vs " + p[1]);
            }
        }
        System.out.println("maven, real versions: " + versions.size() + " distinct, " + pairs.size() + " pairs, "
                + bad.size() + " disagreements with ComparableVersion");
        assertThat(bad).isEmpty();
    }
}
