package dev.drydock.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * GoVersion against {@code golang.org/x/mod/semver} itself (Debian's {@code golang-go} and
 * {@code golang-golang-x-mod-dev}; a small program built under target/ in GOPATH mode): thousands of seeded,
 * edge-case-biased pairs, zero disagreements in validity and order.
 */
class GoVersionDifferentialTest {

    static final Path GOPATH = Path.of("/usr/share/gocode");
    static Path oracle;

    @BeforeAll
    static void build() throws Exception {
        Path go = Oracles.onPath("go");
        assumeTrue(go != null, "skipped: go is not installed (apt-get install golang-go; see .ci/install-version-tools.sh)");
        assumeTrue(Files.isDirectory(GOPATH.resolve("src/golang.org/x/mod/semver")),
                "skipped: golang.org/x/mod/semver is not installed (apt-get install golang-golang-x-mod-dev)");
        Path dir = Path.of("target/go-semver-oracle").toAbsolutePath();
        Files.createDirectories(dir);
        Files.copy(Path.of(ReferenceProcess.script("go_semver.go")), dir.resolve("main.go"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        oracle = dir.resolve("go-semver-oracle");
        ProcessBuilder pb = new ProcessBuilder(go.toString(), "build", "-o", oracle.toString(), "main.go")
                .directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(Map.of("GOPATH", GOPATH.toString(), "GO111MODULE", "off", "GOFLAGS", "",
                "GOCACHE", dir.resolve("cache").toString()));
        Process p = pb.start();
        String log = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("go build: %s", log).isZero();
    }

    static final String[] NUMS = {"0", "1", "2", "10", "01", "00", "9", "123456789012345678901234567890", ""};
    static final String[] PRE = {"alpha", "beta", "rc", "0", "1", "2", "10", "01", "a1", "1a", "-", "x", "", "rc.1",
            "rc1", "20191109021931-daa7c04131f5", "0.20191109021931-daa7c04131f5", "pre.0.20200101000000-abcdef123456",
            "A", "a..b", "a.", "9007199254740993"};
    static final String[] BUILD = {"incompatible", "001", "a.b", "", "x-y", "a..b", "+"};

    static String version(Random r) {
        StringBuilder b = new StringBuilder(r.nextInt(25) == 0 ? (r.nextBoolean() ? "" : "V") : "v");
        int parts = r.nextInt(8) == 0 ? 1 + r.nextInt(4) : 3;
        for (int i = 0; i < parts; i++) {
            b.append(i == 0 ? "" : ".").append(r.nextInt(3) == 0 ? NUMS[r.nextInt(NUMS.length)] : String.valueOf(r.nextInt(3)));
        }
        if (r.nextInt(3) == 0) {
            b.append('-').append(PRE[r.nextInt(PRE.length)]);
            if (r.nextInt(3) == 0) {
                b.append('.').append(PRE[r.nextInt(PRE.length)]);
            }
        }
        if (r.nextInt(5) == 0) {
            b.append('+').append(BUILD[r.nextInt(BUILD.length)]);
        }
        if (r.nextInt(40) == 0) {
            b.append(" ");
        }
        return b.toString();
    }

    @Test
    void agreesWithXModSemver() throws Exception {
        Random r = new Random(20261123L + Oracles.SEED);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 20000 * Oracles.SCALE; i++) {
            String a = version(r);
            lines.add(a + "\t" + (r.nextInt(5) == 0 ? a : version(r)));
        }
        List<String> expected = Oracles.answers(List.of(oracle.toString()), lines);
        List<String> disagreements = new ArrayList<>();
        int bothValid = 0;
        for (int i = 0; i < lines.size(); i++) {
            String[] ab = lines.get(i).split("\t", 2);
            boolean va = valid(ab[0]);
            boolean vb = valid(ab[1]);
            String ours = va + " " + vb + " ";
            if (va && vb) {
                bothValid++;
                ours += GoVersion.INSTANCE.compare(ab[0], ab[1]);
            } else {
                // x/mod orders invalid versions below valid ones; GoVersion throws instead, so only validity is compared.
                ours += expected.get(i).substring(expected.get(i).lastIndexOf(' ') + 1);
            }
            if (!ours.equals(expected.get(i))) {
                disagreements.add("'" + ab[0] + "' vs '" + ab[1] + "': x/mod " + expected.get(i) + ", drydock " + ours);
            }
        }
        System.out.println("go: " + lines.size() + " pairs, " + bothValid + " both valid, " + disagreements.size() + " disagreements");
        assertThat(disagreements).isEmpty();
        assertThat(bothValid).isGreaterThan(5000);
    }

    /** Only v-prefixed inputs go to the reference, so validity here is x/mod's (no OSV or go-tag forms). */
    static boolean valid(String v) {
        if (!v.startsWith("v")) {
            return false;
        }
        try {
            GoVersion.INSTANCE.validate(v);
            return true;
        } catch (InvalidVersionException e) {
            return false;
        }
    }
}
