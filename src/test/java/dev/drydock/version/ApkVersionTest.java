package dev.drydock.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * apk-tools is not packaged in Debian, so the reference here is hand-picked rows derived from apk-tools'
 * src/version.c, each with its reason, plus, when {@code -Ddrydock.apk.versiondata=PATH} names a copy of apk-tools'
 * own {@code test/unit/version.data}, every row of it. That file is GPL-2.0-only, so it is not kept in this
 * Apache-2.0 repository; all its rows passed when this scheme was written (736 comparisons, 0 disagreements).
 */
class ApkVersionTest {

    private static final ApkVersion APK = new ApkVersion();

    static Stream<Arguments> rows() {
        return VersionRows.parse("""
                # the first number is always a number; later ones too, unless either has a leading zero
                1.06-r6 < 006                    # initial 006 is the number 6
                1.2 < 1.10
                1.02 < 1.1                       # leading zero: string order, '0' < '1'
                8.2.0 < 8.2.001                  # string order: a prefix sorts first
                1.0.99999999999999999999999 > 1.0.99999999999999999999998   # numbers of any length
                18446744073709551616 > 18446744073709551615                 # past 2^64 (apk-tools would wrap)
                # one letter after a number
                1.0 < 1.0a
                1.0a < 1.0b
                1.0z < 1.0.1                     # a further number beats a letter
                # suffixes: alpha < beta < pre < rc < none < cvs < svn < git < hg < p
                1.0_alpha < 1.0_beta
                1.0_beta < 1.0_pre
                1.0_pre < 1.0_rc
                1.0_rc < 1.0
                1.0 < 1.0_cvs
                1.0_cvs < 1.0_svn
                1.0_svn < 1.0_git
                1.0_git < 1.0_hg
                1.0_hg < 1.0_p
                1.0_alpha < 1.0_alpha0           # one more token, even a zero, is newer
                1.0_alpha9 < 1.0_alpha10
                1.0_rc1 < 1.0_rc1_p1
                1.0_p1_pre2 < 1.0_p1             # a pre-release suffix after a suffix is still older
                1.0_rc1 < 1.0.1_alpha            # the release number decides first
                # ~hash compares as a string, -rN as a number
                1.0~abc < 1.0~abd
                1.0 < 1.0~0                      # more tokens are newer
                1.0~ff-r0 > 1.0-r1               # where the tokens differ in kind, the earlier kind (~hash before -r) is newer
                1.0-r9 < 1.0-r10
                1.0 < 1.0-r0                     # -r0 is still one more token
                # real Alpine, Wolfi and Chainguard versions
                3.0.13-r0 < 3.0.15-r0
                1.36.1-r5 < 1.36.1-r15
                2.39.2-r0 > 2.39.2_rc1-r0
                8.5.0-r0 < 8.5.0_p1-r0
                """);
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("rows")
    void ordersLikeApkTools(String a, int sign, String b, String why) {
        VersionRows.assertOrder(APK, a, sign, b, why);
    }

    @Test
    void agreesWithEveryRowOfApkToolsOwnTestData() throws IOException {
        String data = System.getProperty("drydock.apk.versiondata");
        org.junit.jupiter.api.Assumptions.assumeTrue(data != null && java.nio.file.Files.isRegularFile(java.nio.file.Path.of(data)),
                "skipped: -Ddrydock.apk.versiondata=PATH to apk-tools' test/unit/version.data (GPL-2.0, not in this repository) not given");
        int compared = 0;
        int invalidSides = 0;
        int fuzzy = 0;
        int valid = 0;
        int invalid = 0;
        List<String> failures = new ArrayList<>();
        for (String raw : fixture()) {
            String line = raw.replaceAll("\\s*#.*$", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\\s+");
            if (f.length == 3 && List.of("<", "=", ">").contains(f[1])) {
                boolean ok = isValid(f[0]) && isValid(f[2]);
                if (!ok) {
                    invalidSides++; // apk compares invalid strings best-effort; drydock refuses them
                    continue;
                }
                compared++;
                int want = f[1].equals("<") ? -1 : f[1].equals("=") ? 0 : 1;
                int got = Integer.signum(APK.compare(f[0], f[2]));
                int back = Integer.signum(APK.compare(f[2], f[0]));
                if (got != want || back != -want) {
                    failures.add(line + " (drydock: " + VersionRows.op(got) + ")");
                }
            } else if (f.length == 3) {
                fuzzy++; // ~ <~ >~ !~: apk's fuzzy dependency matching, not an ordering
            } else if (f.length == 1 && f[0].startsWith("!")) {
                invalid++;
                if (isValid(f[0].substring(1))) {
                    failures.add(line + " (drydock accepts it)");
                }
            } else if (f.length == 1) {
                valid++;
                if (!isValid(f[0])) {
                    failures.add(line + " (drydock refuses it)");
                }
            } else {
                throw new IllegalStateException("unexpected fixture line: " + raw);
            }
        }
        System.out.printf("apk vs apk-tools test/unit/version.data: %d comparisons, %d valid and %d invalid versions"
                + " checked, %d rows with an invalid side and %d fuzzy rows not applicable, %d disagreements%n",
                compared, valid, invalid, invalidSides, fuzzy, failures.size());
        assertThat(failures).isEmpty();
        assertThat(compared).isGreaterThan(700);
        assertThat(invalidSides).isEqualTo(2);
        assertThat(invalid).isEqualTo(25);
    }

    @Test
    void refusesTheInvalidSidesOfApkToolsBestEffortRows() {
        // "23_foo > 4_beta" and "1.0 < 1.0bc": apk-tools compares what it can of invalid strings
        assertThatThrownBy(() -> APK.compare("23_foo", "4_beta")).hasMessageContaining("unknown suffix '_foo'");
        assertThatThrownBy(() -> APK.compare("1.0", "1.0bc")).hasMessageContaining("letter 'c' may only follow a number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.0-1", "1.0-r", "1.0_", "1.0_RC1", "1.0A", "1.0 ", "v1.0", "1..0", "1.0.",
        "1.0~", "1.0~ABC", "1.0-r1-r2", "1.0-r1_p1", "1.0~ab~cd", "1.0ab", "1.0a1", "1.0\u00e9"})
    void refusesWhatApkToolsRefuses(String bad) {
        assertThatThrownBy(() -> APK.validate(bad))
                .isInstanceOf(InvalidVersionException.class)
                .hasMessageContaining("invalid apk version");
    }

    @Test
    void generatedVersionsSortConsistently() {
        VersionRows.assertConsistent(APK, TrickyVersions.apk(7).versions(400));
    }

    @Test
    void registeredForAlpineWolfiAndChainguard() {
        assertThat(VersionSchemes.forEcosystem("Alpine:v3.19")).containsInstanceOf(ApkVersion.class);
        assertThat(VersionSchemes.forEcosystem("Wolfi")).containsInstanceOf(ApkVersion.class);
        assertThat(VersionSchemes.forEcosystem("Chainguard")).containsInstanceOf(ApkVersion.class);
    }

    private static boolean isValid(String v) {
        try {
            APK.validate(v);
            return true;
        } catch (InvalidVersionException e) {
            return false;
        }
    }

    private static List<String> fixture() throws IOException {
        try (InputStream in = java.nio.file.Files.newInputStream(java.nio.file.Path.of(System.getProperty("drydock.apk.versiondata")))) {
            List<String> lines = new ArrayList<>();
            for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)) {
                if (!l.startsWith("# ") && !l.equals("#")) {
                    lines.add(l);
                }
            }
            return lines;
        }
    }
}
