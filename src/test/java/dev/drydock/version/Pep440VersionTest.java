package dev.drydock.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hand-picked rows; every expected answer (order, normal form, validity) is what packaging 23.0 (Debian's
 * python3-packaging) printed for it, and packaging 26.2 printed the same.
 */
class Pep440VersionTest {

    private static final Pep440Version PEP = new Pep440Version();

    static Stream<Arguments> rows() {
        return VersionRows.parse("""
                # epochs and releases
                1!1.0 > 2.0                      # epoch 1 beats any version without one
                0!1.0 = 1.0
                1.0 = 1.0.0                      # trailing zeros of the release do not count
                2.0.0 < 10.0.0
                01.002 = 1.2                     # numbers lose leading zeros
                1.0.99999999999999999999999 > 1.0.99999999999999999999998   # numbers of any length
                18446744073709551616 > 18446744073709551615
                # dev < a < b < rc < final < post
                1.0.dev0 < 1.0a0                 # a bare dev release sorts before every pre-release
                1.0a0 < 1.0a1
                1.0a1 < 1.0b0
                1.0b1 < 1.0rc1
                1.0rc1 < 1.0
                1.0 < 1.0.post0
                1.0.post0 < 1.0.post1
                1.0a1.dev0 < 1.0a1               # a dev release of a pre-release sorts just below it
                1.0a1 < 1.0a1.post1
                1.0a1.post1.dev0 < 1.0a1.post1
                1.0.post1.dev0 < 1.0.post1
                1.0.post1.dev0 > 1.0             # ... but above the final release
                1.0.dev0 < 1.0.post0.dev0
                # local versions
                1.0 < 1.0+local                  # a local version sorts above the same public version
                1.0+1 > 1.0+abc                  # numeric local parts beat alphabetic ones
                1.0+abc < 1.0+abd
                1.0+abc < 1.0+abc.0              # a prefix is smaller
                1.0+1.2 < 1.0+1.10               # numeric parts compare as numbers
                1.0+01 = 1.0+1
                1.0+ubuntu-1 = 1.0+ubuntu.1      # - _ . are the same separator
                1.0+UBUNTU = 1.0+ubuntu
                # spellings that normalise to the same version
                1.0alpha1 = 1.0a1
                1.0-beta.2 = 1.0b2
                1.0c1 = 1.0rc1
                1.0pre1 = 1.0rc1
                1.0preview1 = 1.0rc1
                1.0-1 = 1.0.post1                # implicit post release
                1.0rev1 = 1.0.post1
                1.0r = 1.0.post0
                v1.0 = 1.0
                V1.0 = 1.0
                1.0RC1 = 1.0rc1
                1.0_a_1 = 1.0a1
                1.0a = 1.0a0                     # a missing number is 0
                1.0.dev = 1.0.dev0
                """);
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("rows")
    void ordersLikePackaging(String a, int sign, String b, String why) {
        VersionRows.assertOrder(PEP, a, sign, b, why);
    }

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', value = {
        "1.0-dev-1    | 1.0.dev1",
        "1.0.post-1   | 1.0.post1",
        "1.0-r1       | 1.0.post1",
        "1.0a-1       | 1.0a1",
        "1.0_post_1   | 1.0.post1",
        "1.0.post.dev | 1.0.post0.dev0",
        "1.0+a_b      | 1.0+a.b",
        "1!01.0       | 1!1.0",
        "0!1.0        | 1.0",
        "'  1.0\t'    | 1.0",
        "1.0.0        | 1.0.0",
    })
    void normalisesLikePackaging(String version, String normal) {
        assertThat(Pep440Version.normalize(version)).isEqualTo(normal);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "v", "foo", "1!", "1.0+", "1.0+a..b", "1.0+-a", "1.0.x", "1.0a1b1", "1.0dev1a1",
        "1.0..0", ".1", "1.0-", "1.0_", "1,0", "1.0-1-1", "1.0post1-1", "1.0.dev1.post1", "1.0-dev1.post1",
        "0.1dev-r123",     // a legacy version: valid before packaging 22, an error since
        "1.0\u00a0",       // packaging strips non-ASCII whitespace too; drydock refuses any non-ASCII character
        "1.0.po\u017ft1",  // packaging 23 reads the long s as 's' (a Python regex quirk), 26 refuses it, so does drydock
    })
    void refusesWhatPackagingRefuses(String bad) {
        assertThatThrownBy(() -> PEP.validate(bad))
                .isInstanceOf(InvalidVersionException.class)
                .hasMessageContaining("invalid pep440 version");
    }

    @Test
    void errorsSayWhatIsExpected() {
        assertThatThrownBy(() -> PEP.validate("foo")).hasMessageContaining("not a PEP 440 version");
        assertThatThrownBy(() -> PEP.validate(null)).hasMessageContaining("missing");
    }

    @Test
    void parsesTheParts() {
        assertThat(Pep440Version.parse("1!2.0.3rc4.post5.dev6+Ubuntu.07"))
                .isEqualTo(new Pep440Version.Parsed("1", java.util.List.of("2", "0", "3"), "rc", "4", "5", "6",
                        java.util.List.of("ubuntu", "7")));
    }

    @Test
    void generatedVersionsSortConsistently() {
        VersionRows.assertConsistent(PEP, TrickyVersions.pep440(7).versions(400));
    }

    @Test
    void registeredForPypi() {
        assertThat(VersionSchemes.forEcosystem("PyPI")).containsInstanceOf(Pep440Version.class);
    }
}
