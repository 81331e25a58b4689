package dev.drydock.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hand-picked rows; every expected answer is what {@code rpm.labelCompare} (python3-rpm 4.18.0, labels split by
 * {@code rpm.ver}) printed for the pair.
 */
class RpmVersionTest {

    private static final RpmVersion RPM = new RpmVersion();

    static Stream<Arguments> rows() {
        return VersionRows.parse("""
                # epochs
                1:1.0 > 2.0                       # epoch 1 beats a missing epoch (0)
                0:1.0 = 1.0
                :1.0 = 0:1.0                      # an empty epoch is 0, as rpm's parseEVR says
                00:1 = 0:1
                1:3.0.7-24.el9 > 3.0.7-27.el9
                # tilde sorts before everything, even the end
                1.0~rc1 < 1.0
                1.0~~ < 1.0~
                # caret sorts after the end but before anything else
                1.0^ > 1.0
                1.0^git1 > 1.0
                1.0^git1 < 1.0.1
                1.0~rc1^git1 > 1.0~rc1
                1.0^git1~1 < 1.0^git1
                # segments: separators only split, numbers beat letters, letters beat the end
                1.0a > 1.0                        # unlike dpkg, a trailing letter segment is newer
                1.0 < 1.0.0
                1.0a < 1.0.0                      # numeric segment 0 beats alphabetic segment a
                1.0.a < 1.0.1
                1.a < 1.1
                1.0_1 = 1.0.1                     # '_' and '.' are both just separators
                1.0+1 = 1.0.1
                1.0Z < 1.0a                       # letters compare bytewise
                abc < abd
                a < 1
                # numbers of any length, leading zeros ignored
                1.01 = 1.1
                1.10 > 1.9
                18446744073709551616 > 18446744073709551615
                1.0.99999999999999999999999 > 1.0.99999999999999999999998
                # releases: labelCompare puts a label without release below any with one
                1.0-1 > 1.0
                1.0 < 1.0-0
                1.0-1 < 1.0-1.0
                1.0-2 < 1.0-10
                # real AlmaLinux, RHEL and SUSE labels
                1.0-1.el9 < 1.0-1.el9_2
                2.9.13-3.el9_2 > 2.9.13-3.el9
                3.0.7-24.el9 < 3.0.7-27.el9
                5.14.0-284.11.1.el9_2 < 5.14.0-284.30.1.el9_2
                1.2.3-150400.1.1 < 1.2.3-150400.1.11
                """);
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("rows")
    void ordersLikeRpm(String a, int sign, String b, String why) {
        VersionRows.assertOrder(RPM, a, sign, b, why);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",            // empty
        "1:",          // empty version
        "-1",          // empty version
        "1:-1",        // empty version
        "1.0-",        // empty release
        "1.0-1-2",     // the release is after the last hyphen, so the version holds one
        "1.0 1",       // whitespace
        " 1.0",
        "1.0\t",
        "1:2:3",       // ':' in the version
        "a:1.0",       // not an epoch, so ':' in the version
        "1.0/2",       // characters rpmbuild refuses in Version and Release
        "1.0@2",
        "1.0-%{dist}", // an unexpanded macro
        "1.0\u00e9",
    })
    void refusesWhatRpmbuildRefuses(String bad) {
        assertThatThrownBy(() -> RPM.validate(bad))
                .isInstanceOf(InvalidVersionException.class)
                .hasMessageContaining("invalid rpm version");
        assertThatThrownBy(() -> RPM.compare(bad, "1.0")).isInstanceOf(InvalidVersionException.class);
    }

    @Test
    void errorsSayWhatIsWrong() {
        assertThatThrownBy(() -> RPM.validate("1.0-")).hasMessageContaining("release is empty");
        assertThatThrownBy(() -> RPM.validate("1:")).hasMessageContaining("version is empty");
        assertThatThrownBy(() -> RPM.validate("1.0/2")).hasMessageContaining("invalid character '/' in version");
        assertThatThrownBy(() -> RPM.validate(null)).hasMessageContaining("version is empty");
    }

    @Test
    void splitsLikeRpmParseEvr() {
        assertThat(RpmVersion.parse("1:2.3-4.el9")).isEqualTo(new RpmVersion.Parts("1", "2.3", "4.el9"));
        assertThat(RpmVersion.parse("2.3")).isEqualTo(new RpmVersion.Parts(null, "2.3", null));
        assertThat(RpmVersion.parse(":2.3-1")).isEqualTo(new RpmVersion.Parts("0", "2.3", "1"));
        assertThat(RpmVersion.parse("12-3")).isEqualTo(new RpmVersion.Parts(null, "12", "3"));
    }

    @Test
    void generatedVersionsSortConsistently() {
        VersionRows.assertConsistent(RPM, TrickyVersions.rpm(7).versions(400));
    }

    @Test
    void registeredForRpmDistributions() {
        for (String eco : new String[] {"Red Hat", "AlmaLinux:9", "Rocky Linux:9", "SUSE:Linux Enterprise Server 15",
            "openSUSE:Leap 15.5", "Mageia:9", "openEuler:22.03-LTS"}) {
            assertThat(VersionSchemes.forEcosystem(eco)).as(eco).containsInstanceOf(RpmVersion.class);
        }
    }
}
