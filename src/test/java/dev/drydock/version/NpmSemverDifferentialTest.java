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
 * SemVer.NPM and NpmRange against node-semver itself (the {@code semver} package from the npm registry, run by
 * Debian's {@code nodejs}): thousands of seeded, edge-case-biased versions and ranges, zero disagreements.
 * Install the reference with {@code .ci/install-version-tools.sh} (npm install semver into ~/.cache/drydock-test/npm).
 */
class NpmSemverDifferentialTest {

    static final Path SEMVER_DIR = Path.of(System.getProperty("drydock.npmSemverDir",
            System.getProperty("user.home") + "/.cache/drydock-test/npm"));
    static final ObjectMapper JSON = new ObjectMapper();
    static Path node;

    @BeforeAll
    static void reference() {
        node = Oracles.onPath("node", "nodejs");
        assumeTrue(node != null, "skipped: node is not installed (apt-get install nodejs npm; see .ci/install-version-tools.sh)");
        assumeTrue(Files.isDirectory(SEMVER_DIR.resolve("node_modules/semver")),
                "skipped: node-semver is not installed in " + SEMVER_DIR + " (run .ci/install-version-tools.sh)");
    }

    static final String[] NUMS = {"0", "1", "2", "3", "9", "10", "01", "00", "999999999", "9007199254740991",
            "9007199254740992", "123456789012345678901234567890"};
    static final String[] PRE = {"alpha", "beta", "rc", "0", "1", "2", "10", "01", "a1", "1a", "-", "--", "x", "X",
            "alpha-1", "", "0a", "9007199254740990", "Alpha", "ALPHA", "a.b", "1.2", "beta.11", "beta.2"};
    static final String[] BUILD = {"build", "001", "a.b", "", "x-y", "sha.5114f85", "1"};
    static final String[] PREFIX = {"", "", "", "", "v", "V", "=", " ", "\u00a0", "\ufeff", "\t", "vv", "v "};

    static String pick(Random r, String[] a) {
        return a[r.nextInt(a.length)];
    }

    static String number(Random r) {
        return r.nextInt(4) == 0 ? pick(r, NUMS) : String.valueOf(r.nextInt(4));
    }

    static String version(Random r) {
        StringBuilder b = new StringBuilder(pick(r, PREFIX));
        int parts = r.nextInt(12) == 0 ? r.nextInt(5) : 3;
        for (int i = 0; i < parts; i++) {
            b.append(i == 0 ? "" : ".").append(number(r));
        }
        if (r.nextInt(3) == 0) {
            b.append('-').append(pick(r, PRE));
            if (r.nextBoolean()) {
                b.append('.').append(pick(r, PRE));
            }
        }
        if (r.nextInt(6) == 0) {
            b.append('+').append(pick(r, BUILD));
        }
        if (r.nextInt(20) == 0) {
            b.append(pick(r, PREFIX));
        }
        return b.toString();
    }

    static final String[] OPS = {"", "", "=", "<", "<=", ">", ">=", "~", "~>", "^", "==", "=<", "!"};
    static final String[] XS = {"x", "X", "*"};
    static final String[] GAPS = {"", " ", " ", "  ", "\t", "\u00a0", " \n "};

    /** Mostly well-formed: small numbers, common pre-release tags; what real ranges and installed versions look like. */
    static String plain(Random r) {
        String v = r.nextInt(3) + "." + r.nextInt(3) + "." + r.nextInt(3);
        return r.nextInt(3) == 0 ? v + "-" + pick(r, new String[] {"alpha", "beta.1", "0", "rc.2", "alpha.beta"}) : v;
    }

    static String partial(Random r) {
        int k = r.nextInt(6);
        if (k < 2) {
            return plain(r);
        }
        if (k == 2) {
            return version(r);
        }
        int parts = 1 + r.nextInt(3);
        StringBuilder b = new StringBuilder(r.nextInt(6) == 0 ? "v" : "");
        for (int i = 0; i < parts; i++) {
            b.append(i == 0 ? "" : ".").append(r.nextInt(3) == 0 ? pick(r, XS) : String.valueOf(r.nextInt(3)));
        }
        if (parts == 3 && r.nextInt(5) == 0) {
            b.append('-').append(pick(r, PRE));
        }
        return b.toString();
    }

    static String range(Random r) {
        int sets = 1 + (r.nextInt(3) == 0 ? r.nextInt(3) : 0);
        StringBuilder b = new StringBuilder();
        for (int s = 0; s < sets; s++) {
            if (s > 0) {
                b.append(pick(r, GAPS)).append("||").append(pick(r, GAPS));
            }
            if (r.nextInt(6) == 0) {
                b.append(partial(r)).append(pick(r, new String[] {" - ", " - ", "  -  ", "-", " -"})).append(partial(r));
                continue;
            }
            int comps = 1 + (r.nextInt(3) == 0 ? r.nextInt(3) : 0);
            for (int c = 0; c < comps; c++) {
                if (c > 0) {
                    b.append(pick(r, new String[] {" ", " ", "  ", ""}));
                }
                b.append(pick(r, OPS)).append(r.nextInt(5) == 0 ? pick(r, GAPS) : "").append(r.nextInt(12) == 0 ? "" : partial(r));
            }
        }
        if (r.nextInt(25) == 0) {
            return r.nextBoolean() ? b + " ||" : "|| " + b; // an empty set beside a real one
        }
        return b.toString();
    }

    static List<String> reference(List<List<String>> queries) throws Exception {
        List<String> lines = new ArrayList<>();
        for (List<String> q : queries) {
            lines.add(JSON.writeValueAsString(q));
        }
        String script = ReferenceProcess.script("npm_semver.js");
        return Oracles.answers(List.of(node.toString(), script, SEMVER_DIR.toString()), lines);
    }

    @Test
    void compareAgreesWithNodeSemver() throws Exception {
        Random r = new Random(20261123L + Oracles.SEED);
        List<List<String>> queries = new ArrayList<>();
        for (int i = 0; i < 6000 * Oracles.SCALE; i++) {
            String a = version(r);
            String b = r.nextInt(4) == 0 ? a : version(r);
            queries.add(List.of("compare", a, b));
        }
        List<String> expected = reference(queries);
        List<String> disagreements = new ArrayList<>();
        int valid = 0;
        for (int i = 0; i < queries.size(); i++) {
            String a = queries.get(i).get(1);
            String b = queries.get(i).get(2);
            String ours;
            try {
                ours = String.valueOf(Integer.signum(SemVer.NPM.compare(a, b)));
                valid++;
            } catch (InvalidVersionException e) {
                ours = "E";
            }
            if (!ours.equals(expected.get(i))) {
                disagreements.add(JSON.writeValueAsString(queries.get(i)) + " node=" + expected.get(i) + " drydock=" + ours);
            }
        }
        System.out.println("npm compare: " + queries.size() + " pairs, " + valid + " both valid, " + disagreements.size() + " disagreements");
        assertThat(disagreements).isEmpty();
        assertThat(valid).isGreaterThan(1500);
    }

    @Test
    void rangesParseAsNodeSemverParsesThem() throws Exception {
        Random r = new Random(42L + Oracles.SEED);
        List<List<String>> queries = new ArrayList<>();
        for (int i = 0; i < 6000 * Oracles.SCALE; i++) {
            queries.add(List.of("range", range(r)));
        }
        List<String> expected = reference(queries);
        List<String> disagreements = new ArrayList<>();
        int valid = 0;
        for (int i = 0; i < queries.size(); i++) {
            String ours;
            try {
                ours = NpmRange.parse(queries.get(i).get(1)).toString();
                valid++;
            } catch (InvalidVersionException e) {
                ours = "E";
            }
            if (!ours.equals(expected.get(i))) {
                disagreements.add(JSON.writeValueAsString(queries.get(i)) + " node=" + expected.get(i) + " drydock=" + ours);
            }
        }
        System.out.println("npm ranges: " + queries.size() + " ranges, " + valid + " valid, " + disagreements.size() + " disagreements");
        assertThat(disagreements).isEmpty();
        assertThat(valid).isGreaterThan(2000);
    }

    @Test
    void satisfiesAgreesWithNodeSemver() throws Exception {
        Random r = new Random(7L + Oracles.SEED);
        List<List<String>> queries = new ArrayList<>();
        for (int i = 0; i < 12000 * Oracles.SCALE; i++) {
            queries.add(List.of("satisfies", r.nextInt(3) == 0 ? version(r) : plain(r), range(r)));
        }
        List<String> expected = reference(queries);
        List<String> disagreements = new ArrayList<>();
        int satisfied = 0;
        for (int i = 0; i < queries.size(); i++) {
            boolean ours = NpmRange.satisfies(queries.get(i).get(1), queries.get(i).get(2));
            satisfied += ours ? 1 : 0;
            if (!String.valueOf(ours).equals(expected.get(i))) {
                disagreements.add(JSON.writeValueAsString(queries.get(i)) + " node=" + expected.get(i) + " drydock=" + ours);
            }
        }
        System.out.println("npm satisfies: " + queries.size() + " pairs, " + satisfied + " satisfied, " + disagreements.size() + " disagreements");
        assertThat(disagreements).isEmpty();
        assertThat(satisfied).isGreaterThan(1000);
    }
}
