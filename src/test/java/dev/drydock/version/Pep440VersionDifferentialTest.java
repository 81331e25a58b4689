package dev.drydock.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pep440Version against {@code packaging.version.Version} over generated tricky pairs: the ordering, which strings
 * are invalid, and the normalised spelling of each version. Runs with every Python that has packaging: Debian's
 * python3-packaging under /usr/bin/python3 and whatever {@code python3} is first on the PATH (it may be a newer
 * packaging). Zero disagreements allowed.
 */
class Pep440VersionDifferentialTest {

    private static final int PAIRS = 10_000;
    private static final Pep440Version SCHEME = new Pep440Version();

    private static List<String> command(String python) {
        return List.of(python, ReferenceProcess.script("pep440_compare.py"));
    }

    /** Why {@code python} with packaging cannot be run, or {@code null}. */
    static String unavailable(String python) {
        return ReferenceProcess.unavailable(command(python), "1.0rc1\t1.0", "-1\t1.0rc1\t1.0");
    }

    static String packagingVersion(String python) {
        return String.join("", ReferenceProcess.run(
                List.of(python, "-c", "import packaging; print(packaging.__version__)"), List.of()));
    }

    /** Runs the pairs through packaging: order (or E), and both normal forms (or !). */
    static VersionRows.Outcome compareWithPackaging(String python, List<String[]> pairs) {
        List<String> reference = ReferenceProcess.run(command(python), VersionRows.lines(pairs));
        assertThat(reference).hasSize(pairs.size());
        List<String> disagreements = new ArrayList<>();
        List<String> ours = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            String[] p = pairs.get(i);
            String mine = VersionRows.answer(SCHEME, p[0], p[1]) + "\t" + normal(p[0]) + "\t" + normal(p[1]);
            ours.add(mine);
            if (!mine.equals(reference.get(i))) {
                disagreements.add("'" + p[0] + "' vs '" + p[1] + "': packaging " + reference.get(i) + ", drydock " + mine);
            }
        }
        return new VersionRows.Outcome(ours, disagreements, "packaging " + packagingVersion(python));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/usr/bin/python3", "python3"})
    void agreesWithPackaging(String python) {
        String why = unavailable(python);
        assumeTrue(why == null, () -> "skipped: needs " + python + " with packaging (python3-packaging;"
                + " .ci/install-version-tools.sh): " + why);
        List<String[]> pairs = TrickyVersions.pep440(TrickyVersions.seed()).pairs(PAIRS);
        VersionRows.Outcome o = compareWithPackaging(python, pairs);
        Map<String, Integer> h = o.histogram();
        System.out.printf("pep440 vs %s (%s): %d pairs, answers %s, %d disagreements%n",
                o.note(), python, pairs.size(), h, o.disagreements().size());
        assertThat(o.disagreements()).as("disagreements with packaging").isEmpty();
        assertThat(h.get("-1")).isGreaterThan(PAIRS / 10);
        assertThat(h.get("1")).isGreaterThan(PAIRS / 10);
        assertThat(h.get("0")).isGreaterThan(PAIRS / 20);
        assertThat(h.get("E")).isGreaterThan(PAIRS / 100);
    }

    private static String normal(String v) {
        try {
            return Pep440Version.normalize(v);
        } catch (InvalidVersionException e) {
            return "!";
        }
    }
}
