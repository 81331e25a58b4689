package dev.drydock.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Real versions from the advisory snapshot in ../shared/vulndb (system property {@code drydock.shared} overrides
 * ../shared): Debian versions from the security tracker's DSA and DLA lists and Ubuntu's OSV record, AlmaLinux
 * labels, PyPI versions, RubyGems versions from the RubySec advisories. Every one must be accepted exactly when the
 * reference accepts it, and real neighbours (after sorting) and random real pairs must compare as the reference
 * compares them. Skipped, saying so, when the snapshot or a reference tool is absent.
 */
class RealVersionsTest {

    private static final long MAX_FILE = 16L << 20;
    private static final int RANDOM_PAIRS = 5_000;
    private static final Pattern TRACKER_LINE = Pattern.compile("^\\s+\\[[a-z-]+\\] - \\S+ (\\S+)");
    private static final Pattern REQUIREMENT_OPERATOR = Pattern.compile("^\\s*(~>|>=|<=|!=|>|<|=)?\\s*");

    private static Path vulndb() {
        Path dir = Path.of(System.getProperty("drydock.shared", "../shared")).resolve("vulndb");
        assumeTrue(Files.isDirectory(dir), () -> "skipped: the advisory snapshot " + dir.toAbsolutePath()
                + " is absent (set -Ddrydock.shared=DIR to point at the folder holding vulndb/)");
        return dir;
    }

    @Test
    void debianAndUbuntuVersionsAgreeWithDpkg() throws IOException {
        Path db = vulndb();
        String why = DebianVersionDifferentialTest.unavailable();
        assumeTrue(why == null, () -> "skipped: needs perl with Dpkg::Version: " + why);
        Set<String> versions = new TreeSet<>();
        for (String list : List.of("debian-security-tracker/data/DSA/list", "debian-security-tracker/data/DLA/list")) {
            for (String line : read(db.resolve(list)).split("\n")) {
                Matcher m = TRACKER_LINE.matcher(line);
                if (m.find() && !m.group(1).startsWith("<")) {
                    versions.add(m.group(1));
                }
            }
        }
        versions.addAll(osvVersions(db.resolve("osv/Ubuntu")));
        assertThat(versions).hasSizeGreaterThan(1000);
        VersionRows.Outcome o = DebianVersionDifferentialTest.compareWithDpkg(pairs(new DebianVersion(), versions));
        report("deb", versions, o);
    }

    @Test
    void almaLinuxLabelsAgreeWithRpm() throws IOException {
        Path db = vulndb();
        String why = RpmVersionDifferentialTest.unavailable();
        assumeTrue(why == null, () -> "skipped: needs rpm's Python bindings: " + why);
        Set<String> versions = osvVersions(db.resolve("osv/AlmaLinux"));
        assertThat(versions).hasSizeGreaterThan(1000);
        RpmVersion rpm = new RpmVersion();
        List<String> refused = versions.stream().filter(v -> VersionRows.answer(rpm, v, v).equals("E")).toList();
        assertThat(refused).as("AlmaLinux labels drydock refuses").isEmpty();
        VersionRows.Outcome o = RpmVersionDifferentialTest.compareWithRpm(pairs(rpm, versions));
        report("rpm", versions, o);
    }

    @Test
    void pypiVersionsAgreeWithPackaging() throws IOException {
        Path db = vulndb();
        String python = "/usr/bin/python3";
        String why = Pep440VersionDifferentialTest.unavailable(python);
        assumeTrue(why == null, () -> "skipped: needs python3-packaging: " + why);
        Set<String> versions = osvVersions(db.resolve("osv/PyPI"));
        assertThat(versions).hasSizeGreaterThan(1000);
        VersionRows.Outcome o = Pep440VersionDifferentialTest.compareWithPackaging(python, pairs(new Pep440Version(), versions));
        report("pep440", versions, o);
    }

    @Test
    void rubySecVersionsAgreeWithGemVersion() throws IOException {
        Path db = vulndb();
        String why = RubyGemsVersionDifferentialTest.unavailable();
        assumeTrue(why == null, () -> "skipped: needs ruby: " + why);
        Set<String> versions = new TreeSet<>();
        YAMLMapper yaml = new YAMLMapper();
        try (Stream<Path> files = Files.walk(db.resolve("rubysec"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yml")).sorted().toList()) {
                JsonNode advisory = yaml.readTree(read(f));
                for (String field : List.of("patched_versions", "unaffected_versions")) {
                    for (JsonNode requirement : advisory.path(field)) {
                        for (String part : requirement.asText().split(",")) {
                            String v = REQUIREMENT_OPERATOR.matcher(part).replaceFirst("").strip();
                            if (!v.isEmpty()) {
                                versions.add(v);
                            }
                        }
                    }
                }
            }
        }
        assertThat(versions).hasSizeGreaterThan(500);
        VersionRows.Outcome o = RubyGemsVersionDifferentialTest.compareWithGemVersion(pairs(new RubyGemsVersion(), versions));
        report("gem", versions, o);
    }

    /**
     * Each version with itself (so validity is compared), the valid ones sorted by drydock with each next neighbour
     * (the comparisons that decide "fixed or not"), and random pairs.
     */
    private static List<String[]> pairs(VersionScheme scheme, Set<String> versions) {
        List<String[]> out = new ArrayList<>();
        List<String> valid = new ArrayList<>();
        for (String v : versions) {
            out.add(new String[] {v, v});
            if (!VersionRows.answer(scheme, v, v).equals("E")) {
                valid.add(v);
            }
        }
        valid.sort(scheme::compare);
        for (int i = 0; i + 1 < valid.size(); i++) {
            out.add(new String[] {valid.get(i), valid.get(i + 1)});
        }
        Random random = new Random(42);
        for (int i = 0; i < RANDOM_PAIRS && !valid.isEmpty(); i++) {
            out.add(new String[] {valid.get(random.nextInt(valid.size())), valid.get(random.nextInt(valid.size()))});
        }
        return out;
    }

    private static void report(String scheme, Set<String> versions, VersionRows.Outcome o) {
        System.out.printf("%s, real versions: %d distinct, %d pairs, answers %s%s, %d disagreements%n", scheme,
                versions.size(), o.ours().size(), o.histogram(), o.note().isEmpty() ? "" : ", " + o.note(),
                o.disagreements().size());
        assertThat(o.disagreements()).as("disagreements on real %s versions", scheme).isEmpty();
    }

    /** Every version an OSV record names in an ECOSYSTEM range event or its versions list (JSON and YAML records). */
    private static Set<String> osvVersions(Path dir) throws IOException {
        Set<String> out = new TreeSet<>();
        ObjectMapper json = new ObjectMapper();
        YAMLMapper yaml = new YAMLMapper();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                ObjectMapper mapper = name.endsWith(".json") ? json : name.endsWith(".yaml") ? yaml : null;
                if (mapper == null) {
                    continue;
                }
                JsonNode record = mapper.readTree(read(f));
                for (JsonNode affected : record.path("affected")) {
                    for (JsonNode range : affected.path("ranges")) {
                        if (!range.path("type").asText().equals("ECOSYSTEM")) {
                            continue;
                        }
                        for (JsonNode event : range.path("events")) {
                            event.fields().forEachRemaining(e -> out.add(e.getValue().asText()));
                        }
                    }
                    for (JsonNode v : affected.path("versions")) {
                        out.add(v.asText());
                    }
                }
            }
        }
        return out;
    }

    private static String read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_FILE) {
            throw new IOException(file + " is " + size + " bytes, more than the " + MAX_FILE + " this test reads");
        }
        return Files.readString(file);
    }
}
