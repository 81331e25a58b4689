package dev.drydock.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * RpmVersion against RPM's own code over generated tricky pairs: rpm's Python bindings (Debian's python3-rpm, one
 * process) split each label with {@code rpm.ver} and compare with {@code rpm.labelCompare}. rpmvercmp accepts any
 * string, so only pairs drydock accepts are compared; what drydock refuses is covered by {@link RpmVersionTest}.
 * Zero disagreements allowed.
 */
class RpmVersionDifferentialTest {

    private static final List<String> RPM = List.of("/usr/bin/python3", ReferenceProcess.script("rpm_compare.py"));
    private static final RpmVersion SCHEME = new RpmVersion();
    private static final int PAIRS = 10_000;

    /** Why rpm's Python bindings cannot be run, or {@code null}. */
    static String unavailable() {
        return ReferenceProcess.unavailable(RPM, "1.0~rc1\t1.0", "-1");
    }

    /** Runs pairs drydock accepts through rpm.labelCompare. */
    static VersionRows.Outcome compareWithRpm(List<String[]> pairs) {
        List<String> reference = ReferenceProcess.run(RPM, VersionRows.lines(pairs));
        assertThat(reference).hasSize(pairs.size());
        List<String> ours = new ArrayList<>();
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            String[] p = pairs.get(i);
            String mine = VersionRows.answer(SCHEME, p[0], p[1]);
            ours.add(mine);
            if (!mine.equals(reference.get(i))) {
                disagreements.add("'" + p[0] + "' vs '" + p[1] + "': rpm " + reference.get(i) + ", drydock " + mine);
            }
        }
        return new VersionRows.Outcome(ours, disagreements, "");
    }

    /** The pairs of rpm's own rpmvercmp test suite (tests/rpmvercmp.at), including its documented oddities. */
    private static final String RPM_TEST_SUITE = """
            1.0 1.0|1.0 2.0|2.0.1 2.0.1|2.0 2.0.1|2.0.1a 2.0.1a|2.0.1a 2.0.1|5.5p1 5.5p1|5.5p1 5.5p2|5.5p10 5.5p10
            5.5p1 5.5p10|10xyz 10.1xyz|xyz10 xyz10|xyz10 xyz10.1|xyz.4 xyz.4|xyz.4 8|xyz.4 2|5.5p2 5.6p1|5.6p1 6.5p1
            6.0.rc1 6.0|10b2 10a1|10a2 10b2|1.0aa 1.0aa|1.0a 1.0aa|10.0001 10.0001|10.0001 10.1|10.0001 10.0039
            4.999.9 5.0|20101121 20101121|20101121 20101122|2_0 2_0|2.0 2_0|a a|a+ a+|a+ a_|+a +a|+a _a|+_ +_|_+ +_
            _+ _+|+ _|1.0~rc1 1.0~rc1|1.0~rc1 1.0|1.0~rc1 1.0~rc2|1.0~rc1~git123 1.0~rc1~git123|1.0~rc1~git123 1.0~rc1
            1.0^ 1.0^|1.0^ 1.0|1.0^git1 1.0^git1|1.0^git1 1.0|1.0^git1 1.0^git2|1.0^git1 1.01|1.0^20160101 1.0^20160101
            1.0^20160101 1.0.1|1.0^20160101^git1 1.0^20160101^git1|1.0^20160102 1.0^20160101^git1
            1.0~rc1^git1 1.0~rc1^git1|1.0~rc1^git1 1.0~rc1|1.0^git1~pre 1.0^git1~pre|1.0^git1 1.0^git1~pre
            1b.fc17 1b.fc17|1b.fc17 1.fc17|1g.fc17 1g.fc17|1g.fc17 1.fc17
            """;

    @Test
    void agreesWithRpmOnItsOwnTestSuite() {
        String why = unavailable();
        assumeTrue(why == null, () -> "skipped: needs rpm's Python bindings (python3-rpm; .ci/install-version-tools.sh): " + why);
        List<String[]> pairs = new ArrayList<>();
        for (String pair : RPM_TEST_SUITE.strip().split("[|\\n]")) {
            String[] p = pair.strip().split(" ");
            pairs.add(p);
            pairs.add(new String[] {p[1], p[0]});
        }
        VersionRows.Outcome o = compareWithRpm(pairs);
        System.out.printf("rpm vs rpm.labelCompare on rpm's rpmvercmp test suite: %d pairs, answers %s, %d disagreements%n",
                pairs.size(), o.histogram(), o.disagreements().size());
        assertThat(o.disagreements()).as("disagreements with rpm.labelCompare").isEmpty();
        assertThat(o.ours()).doesNotContain("E");
    }

    @Test
    void agreesWithRpmLabelCompare() {
        String why = unavailable();
        assumeTrue(why == null, () -> "skipped: needs rpm's Python bindings (python3-rpm; .ci/install-version-tools.sh): " + why);
        TrickyVersions gen = TrickyVersions.rpm(TrickyVersions.seed());
        List<String[]> pairs = new ArrayList<>();
        int refused = 0;
        while (pairs.size() < PAIRS) {
            for (String[] p : gen.pairs(1000)) {
                if (VersionRows.answer(SCHEME, p[0], p[1]).equals("E")) {
                    refused++;
                } else if (pairs.size() < PAIRS) {
                    pairs.add(p);
                }
            }
        }
        VersionRows.Outcome o = compareWithRpm(pairs);
        Map<String, Integer> h = o.histogram();
        System.out.printf("rpm vs rpm.labelCompare: %d pairs, answers %s, %d disagreements (%d generated pairs refused"
                + " by drydock's validation and not compared)%n", pairs.size(), h, o.disagreements().size(), refused);
        assertThat(o.disagreements()).as("disagreements with rpm.labelCompare").isEmpty();
        assertThat(h.get("-1")).isGreaterThan(PAIRS / 10);
        assertThat(h.get("1")).isGreaterThan(PAIRS / 10);
        assertThat(h.get("0")).isGreaterThan(PAIRS / 20);
    }
}
