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
    private static final int PAIRS = 10_000;

    private final RpmVersion rpm = new RpmVersion();

    @Test
    void agreesWithRpmLabelCompare() {
        String why = ReferenceProcess.unavailable(RPM, "1.0~rc1\t1.0", "-1");
        assumeTrue(why == null, () -> "skipped: needs rpm's Python bindings (python3-rpm; .ci/install-version-tools.sh): " + why);
        TrickyVersions gen = TrickyVersions.rpm(20261123L);
        List<String[]> pairs = new ArrayList<>();
        int refused = 0;
        while (pairs.size() < PAIRS) {
            for (String[] p : gen.pairs(1000)) {
                if (VersionRows.answer(rpm, p[0], p[1]).equals("E")) {
                    refused++;
                } else if (pairs.size() < PAIRS) {
                    pairs.add(p);
                }
            }
        }
        List<String> reference = ReferenceProcess.run(RPM, VersionRows.lines(pairs));
        assertThat(reference).hasSize(pairs.size());
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            String[] p = pairs.get(i);
            String mine = VersionRows.answer(rpm, p[0], p[1]);
            if (!mine.equals(reference.get(i))) {
                disagreements.add("'" + p[0] + "' vs '" + p[1] + "': rpm " + reference.get(i) + ", drydock " + mine);
            }
        }
        Map<String, Integer> h = VersionRows.histogram(reference);
        System.out.printf("rpm vs rpm.labelCompare: %d pairs, answers %s, %d disagreements (%d generated pairs refused"
                + " by drydock's validation and not compared)%n", pairs.size(), h, disagreements.size(), refused);
        assertThat(disagreements).as("disagreements with rpm.labelCompare").isEmpty();
        assertThat(h.get("-1")).isGreaterThan(PAIRS / 10);
        assertThat(h.get("1")).isGreaterThan(PAIRS / 10);
        assertThat(h.get("0")).isGreaterThan(PAIRS / 20);
    }
}
