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
