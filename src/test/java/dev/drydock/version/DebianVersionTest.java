package dev.drydock.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Hand-picked rows; every expected answer is what {@code dpkg --compare-versions} 1.21.22 printed for the pair. */
class DebianVersionTest {

    private static final DebianVersion DEB = new DebianVersion();

    static Stream<Arguments> rows() {
        return VersionRows.parse("""
                # epochs
                1:1.0 > 2.0                      # epoch 1 beats epoch 0 whatever the upstream version
                0:1.0 = 1.0                      # a missing epoch is 0
                00:1.0 = 1.0                     # the epoch is a number
                1:0 > 0:99
                2147483647:1.0 > 1.0             # the largest epoch dpkg accepts
                2:1.0-1 > 1:9.9-9
                1:2:3 > 1:2.3                    # colons after the epoch belong to the upstream version; ':' > '.'
                # tilde sorts before everything, even the end of the string
                1.0~rc1 < 1.0
                1.0~~ < 1.0~
                1.0~~a < 1.0~
                1.0~ < 1.0
                1~ < 1
                1.0+~-~ < 1.0+
                1.0~rc1 < 1.0~rc1-1              # then the revision decides
                1.0~beta1~svn1245-1 < 1.0~beta1-1
                3.0.11-1~deb12u2 < 3.0.11-1      # backports and security uploads below the next upload
                1.0-1~bpo11+1 < 1.0-1
                # letters sort before all other non-digits, the end of string before anything but ~
                1.0a < 1.0+                      # letter before '+'
                1.0a < 1.0.
                1.0+ < 1.0.                      # '+' (43) before '.' (46)
                1.0Z < 1.0a                      # ASCII order among letters
                1.0 < 1.0a
                1.0 < 1.0.0                      # the end before '.'
                1.0.0 < 1.0.0.0
                0.9.8-1 < 0.9.8a-1
                1.0+dfsg-1 > 1.0-1
                # digit runs are numbers of any length
                1.01 = 1.1                       # leading zeros do not count
                1.10 > 1.9
                1.0.99999999999999999999999 > 1.0.99999999999999999999998
                18446744073709551616 > 18446744073709551615   # 2^64: no overflow
                # revisions
                1.0 = 1.0-0                      # a missing revision equals 0
                1.0-1 < 1.0-1.1
                1.2.3-1 < 1.2.3-1.0
                1.2.3-a > 1.2.3-0                # a letter beats the end
                1.0-1ubuntu1 > 1.0-1
                1.0-1-2 > 1.0-1                  # the revision is after the last hyphen: upstream 1.0-1
                1.2-3-4 > 1.2-3
                # real Debian and Ubuntu versions
                2.36-9+deb12u4 < 2.36-9+deb12u10
                1:2.38.1-5+deb12u1 > 1:2.38.1-5+b1
                7.88.1-10+deb12u5 < 7.88.1-10+deb12u12
                5.2.15-2ubuntu1 > 5.2.15-2
                10.0.0-0ubuntu0.22.04.1 > 10.0.0-0ubuntu0.20.04.1
                """);
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("rows")
    void ordersLikeDpkg(String a, int sign, String b, String why) {
        VersionRows.assertOrder(DEB, a, sign, b, why);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",                 // dpkg: version string is empty
        ":1.0",             // epoch in version is empty
        "a:1.0",            // epoch in version is empty (dpkg), not a number (Dpkg::Version)
        "+1:1.0",           // Dpkg::Version: epoch is not a number (dpkg's strtol would read +1)
        "-1:1.0",           // not a number
        "2147483648:1.0",   // epoch in version is too big
        "1:",               // nothing after colon in version number
        "1.0-",             // revision number is empty
        "-1",               // version number is empty
        "1:-1",             // version number is empty
        "a1.0",             // version number does not start with digit
        "~1",
        "1.0_1",            // invalid character in version number
        "1.0!",
        "1.0-1_2",          // invalid character in revision number
        "1:1.0-1:2",        // ':' is not allowed in a revision
        "1.0 1",            // version string has embedded spaces
        " 1.0",             // dpkg trims; Dpkg::Version refuses; so does drydock
        "1.0\u00e9",        // non-ASCII letter
    })
    void refusesWhatDpkgRefuses(String bad) {
        assertThatThrownBy(() -> DEB.validate(bad))
                .isInstanceOf(InvalidVersionException.class)
                .hasMessageContaining("invalid deb version")
                .satisfies(e -> assertThat(((InvalidVersionException) e).scheme()).isEqualTo("deb"));
        assertThatThrownBy(() -> DEB.compare("1.0", bad)).isInstanceOf(InvalidVersionException.class);
    }

    /** The parse cases of dpkg's own unit test (lib/dpkg/t/t-version.c), as dpkg 1.21 on this machine decides them. */
    @ParameterizedTest
    @ValueSource(strings = {"0", "0:0", "0:0-0", "0:0.0-0.0", "1:0", "5:1", "0:0-0-0", "0:0-0-0-0", "0:0:0-0", "0:0:0:0-0",
        "0:0:0-0-0", "0:0-0:0-0", "0:09azAZ.-+~:-0", "0:0-azAZ09.+~"})
    void acceptsWhatDpkgsUnitTestAccepts(String good) {
        DEB.validate(good);
    }

    @Test
    void refusesWhatDpkgsUnitTestRefuses() {
        for (String bad : new String[] {"", "  ", "0:", "0:0 0-1", "-1:0-1", "999999999999999999999999:0-1", "a:0-0",
            "A:0-0", "-0", "0:-0", "0:abc3-0", "0:0-0:0"}) {
            assertThatThrownBy(() -> DEB.validate(bad)).as("'%s'", bad).isInstanceOf(InvalidVersionException.class);
        }
        for (char c : "!#@$%&/|\\<>()[]{};,_=*^'".toCharArray()) {
            assertThatThrownBy(() -> DEB.validate("0:0" + c + "-0")).as("upstream with '%s'", c)
                    .hasMessageContaining("invalid character '" + c + "' in version number");
            assertThatThrownBy(() -> DEB.validate("0:0-0" + c)).as("revision with '%s'", c)
                    .hasMessageContaining("invalid character '" + c + "' in revision number");
        }
        // dpkg 1.21 refuses an empty revision ("revision number is empty"); older dpkg unit tests accepted "0:0-"
        assertThatThrownBy(() -> DEB.validate("0:0-")).hasMessageContaining("revision number is empty");
    }

    @Test
    void splitsLikeDpkgsUnitTest() {
        assertThat(DebianVersion.parse("0:0-0:0-0")).isEqualTo(new DebianVersion.Parts("0", "0-0:0", "0"));
        assertThat(DebianVersion.parse("0:0:0-0-0")).isEqualTo(new DebianVersion.Parts("0", "0:0-0", "0"));
        assertThat(DEB.compare("0:0-00", "0:00-0")).isZero();
    }

    @Test
    void errorsSayWhatIsWrong() {
        assertThatThrownBy(() -> DEB.validate("1.0-")).hasMessageContaining("revision number is empty");
        assertThatThrownBy(() -> DEB.validate("2147483648:1")).hasMessageContaining("epoch in version is too big");
        assertThatThrownBy(() -> DEB.validate("1.0_1")).hasMessageContaining("invalid character '_' in version number");
        assertThatThrownBy(() -> DEB.validate(null)).hasMessageContaining("version string is empty");
    }

    @Test
    void splitsLikeDpkg() {
        assertThat(DebianVersion.parse("1:2.3-4-5")).isEqualTo(new DebianVersion.Parts("1", "2.3-4", "5"));
        assertThat(DebianVersion.parse("2.3")).isEqualTo(new DebianVersion.Parts("0", "2.3", ""));
        assertThat(DebianVersion.parse("1:2:3")).isEqualTo(new DebianVersion.Parts("1", "2:3", ""));
    }

    @Test
    void generatedVersionsSortConsistently() {
        VersionRows.assertConsistent(DEB, TrickyVersions.debian(7).versions(400));
    }

    @Test
    void registeredForDebianAndUbuntu() {
        assertThat(VersionSchemes.forEcosystem("Debian:12")).containsInstanceOf(DebianVersion.class);
        assertThat(VersionSchemes.forEcosystem("Ubuntu:22.04:LTS")).containsInstanceOf(DebianVersion.class);
        assertThat(VersionSchemes.byName("deb")).containsInstanceOf(DebianVersion.class);
    }
}
