package dev.drydock.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ComposerVersion against composer/semver itself (Debian's {@code php-cli} and {@code php-composer-semver} 3.3):
 * {@code VersionParser::normalize}, PHP's {@code version_compare} on raw strings, and the two together, over
 * thousands of seeded, edge-case-biased inputs; zero disagreements.
 */
class ComposerVersionDifferentialTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final java.util.regex.Pattern LONG_DIGITS = java.util.regex.Pattern.compile("[0-9]{19}");
    static Path php;

    @BeforeAll
    static void reference() {
        php = Oracles.onPath("php");
        assumeTrue(php != null, "skipped: php is not installed (apt-get install php-cli php-composer-semver; see .ci/install-version-tools.sh)");
        assumeTrue(Files.isRegularFile(Path.of("/usr/share/php/Composer/Semver/autoload.php")),
                "skipped: composer/semver is not installed (apt-get install php-composer-semver)");
    }

    static final String[] NUMS = {"0", "1", "2", "10", "01", "00", "99999", "123456", "2010", "20100102", "1234"};
    static final String[] MODS = {"stable", "beta", "b", "RC", "rc", "alpha", "a", "patch", "pl", "p", "dev", "Beta",
            "ALPHA", "DEV", "foo", "pre", "snapshot", "x", "*"};
    static final String[] SEPS = {"", "", ".", "-", "_", "+", "..", " ", ":"};

    static String pick(Random r, String[] a) {
        return a[r.nextInt(a.length)];
    }

    static String version(Random r) {
        StringBuilder b = new StringBuilder();
        int k = r.nextInt(30);
        if (k == 0) {
            return pick(r, new String[] {"dev-master", "master", "trunk", "default", "DEV-foo", "dev-", "1.0.x-dev",
                    "1.x-dev", "v2.*-dev", "feature-dev", " 1.0 ", "1.0 as 2.0", "1.0@beta", "1.0@stable", "", "v", "1.0+"});
        }
        if (r.nextInt(8) == 0) {
            b.append(r.nextBoolean() ? "v" : "V");
        }
        if (r.nextInt(10) == 0) {
            b.append(pick(r, new String[] {"2010", "2024", "1999"})).append(pick(r, new String[] {"-", ".", "", ":"}))
                    .append(String.format("%02d", 1 + r.nextInt(12)));
            if (r.nextBoolean()) {
                b.append(pick(r, new String[] {"-", ".", ""})).append(String.format("%02d", 1 + r.nextInt(28)));
            }
        } else {
            int parts = 1 + r.nextInt(5);
            for (int i = 0; i < parts; i++) {
                b.append(i == 0 ? "" : ".").append(r.nextInt(4) == 0 ? pick(r, NUMS) : String.valueOf(r.nextInt(3)));
            }
        }
        if (r.nextInt(2) == 0) {
            b.append(pick(r, SEPS)).append(pick(r, MODS));
            if (r.nextBoolean()) {
                b.append(pick(r, new String[] {"", ".", "-"})).append(r.nextInt(4));
                if (r.nextInt(4) == 0) {
                    b.append(pick(r, new String[] {".", "-"})).append(r.nextInt(3));
                }
            }
        }
        if (r.nextInt(6) == 0) {
            b.append(pick(r, new String[] {"-dev", ".dev", "dev", "+build", "+001", "@dev", "@RC", "-p1", "-pl2"}));
        }
        return b.toString();
    }

    static List<String> reference(List<List<String>> queries) throws Exception {
        List<String> lines = new ArrayList<>();
        for (List<String> q : queries) {
            lines.add(JSON.writeValueAsString(q));
        }
        String script = ReferenceProcess.script("composer_semver.php");
        List<String> out = Oracles.answers(List.of(php.toString(), script), lines);
        List<String> decoded = new ArrayList<>();
        for (String o : out) {
            decoded.add(JSON.readValue(o, String.class));
        }
        return decoded;
    }

    @Test
    void normalizeAgreesWithVersionParser() throws Exception {
        Random r = new Random(20261123L + Oracles.SEED);
        List<List<String>> queries = new ArrayList<>();
        for (int i = 0; i < 8000 * Oracles.SCALE; i++) {
            queries.add(List.of("normalize", version(r)));
        }
        List<String> expected = reference(queries);
        List<String> disagreements = new ArrayList<>();
        int valid = 0;
        for (int i = 0; i < queries.size(); i++) {
            String ours;
            try {
                ours = ComposerVersion.normalize(queries.get(i).get(1));
                valid++;
            } catch (InvalidVersionException e) {
                ours = "E";
            }
            if (!ours.equals(expected.get(i))) {
                disagreements.add("'" + queries.get(i).get(1) + "': composer " + expected.get(i) + ", drydock " + ours);
            }
        }
        System.out.println("composer normalize: " + queries.size() + " versions, " + valid + " valid, " + disagreements.size() + " disagreements");
        assertThat(disagreements).isEmpty();
        assertThat(valid).isGreaterThan(3000);
    }

    @Test
    void compareAgreesWithComposer() throws Exception {
        Random r = new Random(99L + Oracles.SEED);
        List<List<String>> queries = new ArrayList<>();
        for (int i = 0; i < 8000 * Oracles.SCALE; i++) {
            String a = version(r);
            queries.add(List.of("compare", a, r.nextInt(5) == 0 ? a.toUpperCase(java.util.Locale.ROOT) : version(r)));
        }
        List<String> expected = reference(queries);
        List<String> disagreements = new ArrayList<>();
        int compared = 0;
        for (int i = 0; i < queries.size(); i++) {
            String a = queries.get(i).get(1);
            String b = queries.get(i).get(2);
            String ours;
            try {
                ours = String.valueOf(ComposerVersion.INSTANCE.compare(a, b));
                compared++;
            } catch (InvalidVersionException e) {
                ours = "E";
            }
            boolean branch = !expected.get(i).equals("E") && ours.equals("E")
                    && (ComposerVersion.normalize(a).startsWith("dev-") || ComposerVersion.normalize(b).startsWith("dev-"));
            if (!ours.equals(expected.get(i)) && !branch) { // branches: Composer never orders them, drydock says so
                disagreements.add("'" + a + "' vs '" + b + "': composer " + expected.get(i) + ", drydock " + ours);
            }
        }
        System.out.println("composer compare: " + queries.size() + " pairs, " + compared + " compared, " + disagreements.size() + " disagreements");
        assertThat(disagreements).isEmpty();
        assertThat(compared).isGreaterThan(2000);
    }

    @Test
    void versionCompareAgreesWithPhp() throws Exception {
        Random r = new Random(5L + Oracles.SEED);
        String[] atoms = {"1", "0", "2", "10", "01", "dev", "alpha", "a", "beta", "b", "RC", "rc", "#", "pl", "p", "patch",
                "x", "Alpha", "foo", ".", "-", "_", "+", "..", "#N#", "922337203685477580", " ", "~", "é"};
        List<List<String>> queries = new ArrayList<>();
        for (int i = 0; i < 8000 * Oracles.SCALE; i++) {
            StringBuilder a = new StringBuilder();
            StringBuilder b = new StringBuilder();
            for (int k = r.nextInt(6); k >= 0; k--) {
                a.append(pick(r, atoms));
            }
            for (int k = r.nextInt(6); k >= 0; k--) {
                b.append(pick(r, atoms));
            }
            queries.add(List.of("vc", a.toString(), r.nextInt(5) == 0 ? a.toString() : b.toString()));
        }
        List<String> expected = reference(queries);
        List<String> disagreements = new ArrayList<>();
        int saturated = 0;
        for (int i = 0; i < queries.size(); i++) {
            String ours = String.valueOf(ComposerVersion.versionCompare(queries.get(i).get(1), queries.get(i).get(2)));
            if (LONG_DIGITS.matcher(queries.get(i).get(1) + " " + queries.get(i).get(2)).find()) {
                saturated++; // PHP's strtol saturates at 2^63-1; drydock compares exactly (documented difference)
                continue;
            }
            if (!ours.equals(expected.get(i))) {
                disagreements.add("'" + queries.get(i).get(1) + "' vs '" + queries.get(i).get(2) + "': php " + expected.get(i) + ", drydock " + ours);
            }
        }
        System.out.println("php version_compare: " + queries.size() + " pairs (" + saturated + " with numbers past 2^63-1 left out), "
                + disagreements.size() + " disagreements");
        assertThat(saturated).isLessThan(queries.size() / 4);
        assertThat(disagreements).isEmpty();
    }
}
