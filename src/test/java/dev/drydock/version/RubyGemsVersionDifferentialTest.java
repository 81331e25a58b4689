package dev.drydock.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * RubyGemsVersion against Ruby's own {@code Gem::Version} (Debian's ruby, one process) over generated tricky pairs:
 * the ordering, which strings are malformed, and the canonical segments of each version. Blank strings are left out:
 * Gem::Version reads them as 0, drydock refuses them (see {@link RubyGemsVersionTest}). Zero disagreements allowed.
 */
class RubyGemsVersionDifferentialTest {

    private static final List<String> RUBY = List.of("ruby", ReferenceProcess.script("gem_compare.rb"));
    private static final RubyGemsVersion SCHEME = new RubyGemsVersion();
    private static final int PAIRS = 10_000;

    /** Why ruby cannot be run, or {@code null}. */
    static String unavailable() {
        return ReferenceProcess.unavailable(RUBY, "1.0.a\t1.0", "-1\t1,a\t1");
    }

    /** Runs the pairs through Gem::Version: order (or E), and both canonical segment lists (or !). */
    static VersionRows.Outcome compareWithGemVersion(List<String[]> pairs) {
        List<String> reference = ReferenceProcess.run(RUBY, VersionRows.lines(pairs));
        assertThat(reference).hasSize(pairs.size());
        List<String> disagreements = new ArrayList<>();
        List<String> ours = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            String[] p = pairs.get(i);
            String mine = VersionRows.answer(SCHEME, p[0], p[1]) + "\t" + segments(p[0]) + "\t" + segments(p[1]);
            ours.add(mine);
            if (!mine.equals(reference.get(i))) {
                disagreements.add("'" + p[0] + "' vs '" + p[1] + "': Gem::Version " + reference.get(i) + ", drydock " + mine);
            }
        }
        String rubygems = String.join("", ReferenceProcess.run(List.of("ruby", "-e", "print Gem::VERSION"), List.of()));
        return new VersionRows.Outcome(ours, disagreements, "RubyGems " + rubygems);
    }

    @Test
    void agreesWithGemVersion() {
        String why = unavailable();
        assumeTrue(why == null, () -> "skipped: needs ruby (Gem::Version; .ci/install-version-tools.sh): " + why);
        List<String[]> pairs = new ArrayList<>();
        for (String[] p : TrickyVersions.rubygems(TrickyVersions.seed()).pairs(PAIRS * 2)) {
            if (!p[0].isBlank() && !p[1].isBlank() && pairs.size() < PAIRS) {
                pairs.add(p);
            }
        }
        VersionRows.Outcome o = compareWithGemVersion(pairs);
        Map<String, Integer> h = o.histogram();
        System.out.printf("gem vs Gem::Version (%s): %d pairs, answers %s, %d disagreements%n",
                o.note(), pairs.size(), h, o.disagreements().size());
        assertThat(o.disagreements()).as("disagreements with Gem::Version").isEmpty();
        assertThat(h.get("-1")).isGreaterThan(PAIRS / 10);
        assertThat(h.get("1")).isGreaterThan(PAIRS / 10);
        assertThat(h.get("0")).isGreaterThan(PAIRS / 20);
        assertThat(h.get("E")).isGreaterThan(PAIRS / 100);
    }

    private static String segments(String v) {
        try {
            return String.join(",", RubyGemsVersion.canonicalSegments(v));
        } catch (InvalidVersionException e) {
            return "!";
        }
    }
}
