package dev.drydock.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * ApkVersion against an apk-tools version oracle over generated tricky pairs, when one is given: Debian packages no
 * apk-tools, so this runs only with {@code -Ddrydock.apk.oracle="CMD ARGS"}, a program that reads {@code A<TAB>B}
 * lines and prints -1, 0, 1, or E when {@code apk_version_validate} refuses either side (for instance apk-tools'
 * src/version.c compiled with a small driver). Without it the test says it is skipped; {@link ApkVersionTest} checks
 * every row of apk-tools' own test data either way.
 *
 * <p>apk-tools reads numbers into 64-bit integers, which wrap past 2^64 - 1; drydock compares numbers of any length.
 * Pairs holding such a number are left out of the comparison and counted.
 */
class ApkVersionDifferentialTest {

    private static final int PAIRS = 10_000;
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final String UINT64_MAX = "18446744073709551615";

    @Test
    void agreesWithApkTools() {
        String oracle = System.getProperty("drydock.apk.oracle", "").strip();
        assumeTrue(!oracle.isEmpty(), "skipped: apk-tools is not packaged in Debian; pass -Ddrydock.apk.oracle=CMD"
                + " (a program reading A<TAB>B lines, answering -1/0/1/E from apk-tools' version.c) to run it");
        List<String> command = List.of(oracle.split("\\s+"));
        String why = ReferenceProcess.unavailable(command, "1.0_rc1\t1.0", "-1");
        assumeTrue(why == null, () -> "skipped: the apk oracle does not work: " + why);
        ApkVersion apk = new ApkVersion();
        List<String[]> pairs = new ArrayList<>();
        int beyond64Bits = 0;
        for (String[] p : TrickyVersions.apk(TrickyVersions.seed()).pairs(PAIRS)) {
            if (beyondUint64(p[0]) || beyondUint64(p[1])) {
                beyond64Bits++;
            } else {
                pairs.add(p);
            }
        }
        List<String> reference = ReferenceProcess.run(command, VersionRows.lines(pairs));
        assertThat(reference).hasSize(pairs.size());
        List<String> disagreements = new ArrayList<>();
        List<String> ours = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            String[] p = pairs.get(i);
            String mine = VersionRows.answer(apk, p[0], p[1]);
            ours.add(mine);
            if (!mine.equals(reference.get(i))) {
                disagreements.add("'" + p[0] + "' vs '" + p[1] + "': apk-tools " + reference.get(i) + ", drydock " + mine);
            }
        }
        Map<String, Integer> h = VersionRows.histogram(ours);
        System.out.printf("apk vs %s: %d pairs, answers %s, %d disagreements (%d pairs with numbers past 2^64 - 1"
                + " left out)%n", oracle, pairs.size(), h, disagreements.size(), beyond64Bits);
        assertThat(disagreements).as("disagreements with apk-tools").isEmpty();
        assertThat(h.get("-1")).isGreaterThan(PAIRS / 10);
        assertThat(h.get("1")).isGreaterThan(PAIRS / 10);
        assertThat(h.get("0")).isGreaterThan(PAIRS / 20);
        assertThat(h.get("E")).isGreaterThan(PAIRS / 100);
    }

    private static boolean beyondUint64(String v) {
        Matcher m = DIGITS.matcher(v);
        while (m.find()) {
            if (DigitStrings.compare(m.group(), UINT64_MAX) > 0) {
                return true;
            }
        }
        return false;
    }
}
