package dev.drydock.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CargoVersion against the Rust {@code semver} crate itself (Debian's {@code librust-semver-dev} sources, compiled
 * with {@code rustc} under target/ together with a small stdin reader): thousands of seeded, edge-case-biased pairs,
 * zero disagreements in validity and order (build metadata included, as the crate orders it).
 */
class CargoVersionDifferentialTest {

    static Path oracle;

    @BeforeAll
    static void build() throws Exception {
        Path rustc = Oracles.onPath("rustc");
        if (rustc == null && Files.isExecutable(Path.of(System.getProperty("user.home"), ".cargo/bin/rustc"))) {
            rustc = Path.of(System.getProperty("user.home"), ".cargo/bin/rustc");
        }
        assumeTrue(rustc != null, "skipped: rustc is not installed (apt-get install rustc; see .ci/install-version-tools.sh)");
        Path crate = null;
        try (var dirs = Files.list(Path.of("/usr/share/cargo/registry"))) {
            crate = dirs.filter(d -> d.getFileName().toString().startsWith("semver-1.")).sorted().reduce((x, y) -> y).orElse(null);
        } catch (java.io.IOException e) {
            // no Debian Rust registry
        }
        assumeTrue(crate != null, "skipped: the semver crate is not installed (apt-get install librust-semver-dev)");
        Path dir = Path.of("target/cargo-semver-oracle").toAbsolutePath();
        Files.createDirectories(dir);
        oracle = dir.resolve("oracle");
        run(dir, rustc.toString(), "--edition", "2018", "--crate-type", "rlib", "--crate-name", "semver", "-O",
                crate.resolve("src/lib.rs").toString(), "-o", dir.resolve("libsemver.rlib").toString());
        run(dir, rustc.toString(), "--edition", "2018", "-O",
                ReferenceProcess.script("cargo_semver.rs"),
                "--extern", "semver=" + dir.resolve("libsemver.rlib"), "-o", oracle.toString());
        System.out.println("cargo reference: " + crate.getFileName());
    }

    private static void run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("%s: %s", String.join(" ", command), log).isZero();
    }

    static final String[] NUMS = {"0", "1", "2", "10", "01", "00", "18446744073709551615", "18446744073709551616",
            "123456789012345678901234567890", ""};
    static final String[] IDS = {"alpha", "beta", "rc", "0", "1", "2", "10", "01", "00", "a1", "1a", "-", "x", "",
            "alpha-1", "A", "Z", "a", "000", "9"};

    static String ids(Random r) {
        StringBuilder b = new StringBuilder(IDS[r.nextInt(IDS.length)]);
        while (r.nextInt(3) == 0) {
            b.append('.').append(IDS[r.nextInt(IDS.length)]);
        }
        return b.toString();
    }

    static String version(Random r) {
        StringBuilder b = new StringBuilder(r.nextInt(30) == 0 ? (r.nextBoolean() ? "v" : " ") : "");
        int parts = r.nextInt(10) == 0 ? 2 + r.nextInt(3) : 3;
        for (int i = 0; i < parts; i++) {
            b.append(i == 0 ? "" : ".").append(r.nextInt(5) == 0 ? NUMS[r.nextInt(NUMS.length)] : String.valueOf(r.nextInt(3)));
        }
        if (r.nextInt(3) == 0) {
            b.append('-').append(ids(r));
        }
        if (r.nextInt(3) == 0) {
            b.append('+').append(ids(r));
        }
        return b.toString();
    }

    @Test
    void agreesWithTheSemverCrate() throws Exception {
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
            String ours = va + " " + vb + " " + (va && vb ? CargoVersion.INSTANCE.compare(ab[0], ab[1]) : 0);
            bothValid += va && vb ? 1 : 0;
            if (!ours.equals(expected.get(i))) {
                disagreements.add("'" + ab[0] + "' vs '" + ab[1] + "': semver crate " + expected.get(i) + ", drydock " + ours);
            }
        }
        System.out.println("cargo: " + lines.size() + " pairs, " + bothValid + " both valid, " + disagreements.size() + " disagreements");
        assertThat(disagreements).isEmpty();
        assertThat(bothValid).isGreaterThan(4000);
    }

    static boolean valid(String v) {
        try {
            CargoVersion.INSTANCE.validate(v);
            return true;
        } catch (InvalidVersionException e) {
            return false;
        }
    }
}
