package dev.drydock.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * DebianVersion against dpkg itself over generated tricky pairs: all pairs through dpkg's own Perl implementation
 * (Dpkg::Version from libdpkg-perl, one process), and a sample plus every disputed pair through the dpkg binary
 * ({@code dpkg --compare-versions}, which has no batch mode). Zero disagreements allowed.
 *
 * <p>The Perl module has two known limits: its check accepts a few strings dpkg's C parser refuses ({@code 1:}, a
 * colon in the revision), and it compares digit runs as Perl numbers, which are doubles past 2^53, so runs of 16 or
 * more digits may compare equal there. Where the Perl module and drydock differ for one of those two reasons, the dpkg
 * binary decides: its C code compares digit strings exactly, and it must refuse (error) or warn about a string
 * drydock refuses.
 */
class DebianVersionDifferentialTest {

    private static final List<String> PERL = List.of("perl", ReferenceProcess.script("dpkg_compare.pl"));
    private static final List<String> DPKG = List.of("bash", ReferenceProcess.script("dpkg_binary_compare.sh"));
    private static final int PAIRS = 10_000;
    private static final int BINARY_SAMPLE = 300;
    private static final java.util.regex.Pattern LONG_NUMBER = java.util.regex.Pattern.compile("[0-9]{16}");

    private static final DebianVersion DEB = new DebianVersion();

    /** Why the Perl module cannot be run, or {@code null}. */
    static String unavailable() {
        return ReferenceProcess.unavailable(PERL, "1.0~rc1\t1.0", "-1");
    }

    /** Runs the pairs through Dpkg::Version, and the disputes the Perl module is known to get wrong through dpkg. */
    static VersionRows.Outcome compareWithDpkg(List<String[]> pairs) {
        List<String> perl = ReferenceProcess.run(PERL, VersionRows.lines(pairs));
        assertThat(perl).hasSize(pairs.size());
        List<String[]> disputed = new ArrayList<>();
        List<String> disagreements = new ArrayList<>();
        List<String> ours = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            String[] p = pairs.get(i);
            String mine = VersionRows.answer(DEB, p[0], p[1]);
            ours.add(mine);
            if (mine.equals(perl.get(i))) {
                continue;
            }
            if (mine.equals("E") || perl.get(i).equals("E") || LONG_NUMBER.matcher(p[0] + " " + p[1]).find()) {
                disputed.add(p);
            } else {
                disagreements.add(describe(p, perl.get(i), mine));
            }
        }
        // the dpkg binary settles disputes where the Perl module is known to be wrong
        if (!disputed.isEmpty()) {
            List<String> dpkg = ReferenceProcess.run(DPKG, VersionRows.lines(disputed));
            for (int i = 0; i < disputed.size(); i++) {
                String[] p = disputed.get(i);
                String mine = VersionRows.answer(DEB, p[0], p[1]);
                String binary = dpkg.get(i).equals("W") ? "E" : dpkg.get(i);
                if (!binary.equals(mine)) {
                    disagreements.add(describe(p, "dpkg binary " + dpkg.get(i), mine));
                }
            }
        }
        return new VersionRows.Outcome(ours, disagreements,
                disputed.size() + " disputes (validity, numbers past 2^53) settled by the dpkg binary");
    }

    @Test
    void agreesWithDpkgPerlModule() {
        String why = unavailable();
        assumeTrue(why == null, () -> "skipped: needs perl with Dpkg::Version (libdpkg-perl; .ci/install-version-tools.sh): " + why);
        List<String[]> pairs = TrickyVersions.debian(TrickyVersions.seed()).pairs(PAIRS);
        VersionRows.Outcome o = compareWithDpkg(pairs);
        Map<String, Integer> h = o.histogram();
        System.out.printf("deb vs Dpkg::Version: %d pairs, answers %s, %s, %d disagreements%n",
                pairs.size(), h, o.note(), o.disagreements().size());
        assertThat(o.disagreements()).as("disagreements with dpkg").isEmpty();
        assertThat(h.get("-1")).isGreaterThan(PAIRS / 10);
        assertThat(h.get("1")).isGreaterThan(PAIRS / 10);
        assertThat(h.get("0")).isGreaterThan(PAIRS / 20);
        assertThat(h.get("E")).isGreaterThan(PAIRS / 100);
    }

    @Test
    void agreesWithDpkgBinary() {
        String why = ReferenceProcess.unavailable(DPKG, "1.0~rc1\t1.0", "-1");
        assumeTrue(why == null, () -> "skipped: needs dpkg: " + why);
        List<String[]> pairs = TrickyVersions.debian(5L).pairs(BINARY_SAMPLE);
        List<String> dpkg = ReferenceProcess.run(DPKG, VersionRows.lines(pairs));
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            String[] p = pairs.get(i);
            String mine = VersionRows.answer(DEB, p[0], p[1]);
            String binary = dpkg.get(i).equals("W") ? "E" : dpkg.get(i);
            if (!binary.equals(mine)) {
                disagreements.add(describe(p, dpkg.get(i), mine));
            }
        }
        System.out.printf("deb vs dpkg --compare-versions: %d pairs, answers %s, %d disagreements%n",
                pairs.size(), VersionRows.histogram(dpkg), disagreements.size());
        assertThat(disagreements).as("disagreements with dpkg --compare-versions").isEmpty();
    }

    private static String describe(String[] p, String reference, String mine) {
        return "'" + p[0] + "' vs '" + p[1] + "': reference " + reference + ", drydock " + mine;
    }
}
