package dev.drydock.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.maven.artifact.versioning.ComparableVersion;
import org.junit.jupiter.api.Test;

/**
 * MavenVersion against Maven's own {@code ComparableVersion} (org.apache.maven:maven-artifact 3.9.9, test scope,
 * called in-process): seeded, edge-case-biased versions, zero disagreements in order and canonical form.
 */
class MavenVersionDifferentialTest {

    static final String[] NUMBERS = {"0", "1", "2", "9", "10", "00", "01", "007", "0000000000", "0000000000000000000",
            "2147483647", "2147483648", "999999999", "1000000000", "999999999999999999", "1000000000000000000",
            "9223372036854775807", "9223372036854775808", "123456789012345678901234567890", "\u0663"};
    static final String[] QUALIFIERS = {"alpha", "beta", "milestone", "rc", "cr", "snapshot", "ga", "final", "release",
            "sp", "a", "b", "m", "x", "foo", "", "ALPHA", "Beta", "RC", "SNAPSHOT", "Final", "GA", "SP", "pre", "dev",
            "jre", "android", "M", "z", "abc", "\u0130", "u"};
    static final String[] SEPARATORS = {".", ".", ".", "-", "-", "", "..", "--", ".-", "-."};

    static String version(Random r) {
        StringBuilder b = new StringBuilder();
        if (r.nextInt(15) == 0) {
            b.append(r.nextBoolean() ? "-" : ".");
        }
        int tokens = 1 + r.nextInt(6);
        for (int i = 0; i < tokens; i++) {
            if (i > 0) {
                b.append(SEPARATORS[r.nextInt(SEPARATORS.length)]);
            }
            if (r.nextInt(3) == 0) {
                b.append(QUALIFIERS[r.nextInt(QUALIFIERS.length)]);
            } else if (r.nextInt(4) == 0) {
                b.append(NUMBERS[r.nextInt(NUMBERS.length)]);
            } else {
                b.append(r.nextInt(4));
            }
        }
        if (r.nextInt(15) == 0) {
            b.append(r.nextBoolean() ? "-" : ".");
        }
        return b.isEmpty() ? "0" : b.toString();
    }

    @Test
    void agreesWithComparableVersion() {
        Random r = new Random(20261123L + Oracles.SEED);
        List<String> disagreements = new ArrayList<>();
        int pairs = 30000 * Oracles.SCALE;
        int[] signs = new int[3];
        for (int i = 0; i < pairs; i++) {
            String a = version(r);
            String b = r.nextInt(5) == 0 ? a.toUpperCase(java.util.Locale.ROOT) : version(r);
            int expected = Integer.signum(new ComparableVersion(a).compareTo(new ComparableVersion(b)));
            int ours = MavenVersion.INSTANCE.compare(a, b);
            signs[ours + 1]++;
            if (expected != ours) {
                disagreements.add(a + " vs " + b + ": maven " + expected + ", drydock " + ours);
            }
            String canonical = new ComparableVersion(a).getCanonical();
            if (!canonical.equals(MavenVersion.canonical(a))) {
                disagreements.add(a + " canonical: maven " + canonical + ", drydock " + MavenVersion.canonical(a));
            }
        }
        System.out.println("maven: " + pairs + " pairs (" + signs[0] + " <, " + signs[1] + " =, " + signs[2] + " >), "
                + disagreements.size() + " disagreements");
        assertThat(disagreements).isEmpty();
        assertThat(signs[1]).isGreaterThan(pairs / 50);
    }
}
