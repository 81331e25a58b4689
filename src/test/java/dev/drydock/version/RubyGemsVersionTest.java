package dev.drydock.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Hand-picked rows; every expected answer is what Gem::Version (RubyGems 3.3.15, Debian's ruby 3.1) printed. */
class RubyGemsVersionTest {

    private static final RubyGemsVersion GEM = new RubyGemsVersion();

    static Stream<Arguments> rows() {
        return VersionRows.parse("""
                # trailing zeros do not count, in the release or in the prerelease part
                1.0 = 1
                1.0.0 = 1
                1.0.a = 1.0.0.a                  # both canonicalise to 1,a
                1.0.a.0 = 1.a
                0.a < 0                          # canonical segments: just "a"
                # a letter segment makes a prerelease, older than the release
                1.0.a < 1.0
                2.7.0.rc1 < 2.7.0
                1.a < 1.0.1
                1.0.a < 1.0.b
                1.0.A < 1.0.a                    # letters compare bytewise: 'A' < 'a'
                1.0.rc1 > 1.0.beta               # 'rc' > 'beta', strings
                1.0.a.1 > 1.0.a
                1.a.b < 1.a                      # a missing segment is 0, and a string sorts before a number
                1.b > 1.a.z
                # digits and letters split without dots
                1.0.a1 = 1.0.a.1
                1.0.b1 = 1.0.b.1
                1.0a = 1.0.a
                # "-" is ".pre."
                1.0-beta = 1.0.pre.beta
                1.0-1 < 1.0
                1.0-1 > 1.0.a                    # 'pre' > 'a'
                # numbers of any length, leading zeros ignored
                1.01 = 1.1
                1.10 > 1.9
                1.13.10 > 1.13.9
                1.0.99999999999999999999999 > 1.0.99999999999999999999998
                18446744073709551616 > 18446744073709551615
                # real gem versions
                1.8.0.beta.2 < 1.8.0.beta.10
                7.0.4.3 > 7.0.4
                5.2.8.1 > 5.2.8
                """);
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("rows")
    void ordersLikeGemVersion(String a, int sign, String b, String why) {
        VersionRows.assertOrder(GEM, a, sign, b, why);
    }

    @Test
    void acceptsSurroundingWhitespaceLikeGemVersion() {
        assertThat(GEM.compare(" 1.0 ", "1.0")).isZero();
        assertThat(GEM.compare("1.0\n", "1")).isZero();
    }

    @Test
    void canonicalSegmentsMatchGemVersion() {
        assertThat(RubyGemsVersion.canonicalSegments("1.0-1")).containsExactly("1", "pre", "1");
        assertThat(RubyGemsVersion.canonicalSegments("0.a")).containsExactly("a");
        assertThat(RubyGemsVersion.canonicalSegments("1.0-a-b.c")).containsExactly("1", "pre", "a", "pre", "b", "c");
        assertThat(RubyGemsVersion.canonicalSegments("2.7.0.rc1.0")).isEqualTo(List.of("2", "7", "rc", "1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0-", "-1", "1..0", ".1", "1.0_1", "1.0 1", "a", "1.0-a.", "1.0.", "1.0-.a", "1.0+1",
        "1a1", "v1.0", "1.0\u00e9"})
    void refusesWhatGemVersionRefuses(String bad) {
        assertThatThrownBy(() -> GEM.validate(bad))
                .isInstanceOf(InvalidVersionException.class)
                .hasMessageContaining("invalid gem version")
                .hasMessageContaining("malformed version number string");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t"})
    void refusesBlankVersionsWhichGemVersionReadsAsZero(String blank) {
        assertThatThrownBy(() -> GEM.validate(blank)).isInstanceOf(InvalidVersionException.class)
                .hasMessageContaining("version is empty");
    }

    @Test
    void generatedVersionsSortConsistently() {
        VersionRows.assertConsistent(GEM, TrickyVersions.rubygems(7).versions(400));
    }

    @Test
    void registeredForRubyGems() {
        assertThat(VersionSchemes.forEcosystem("RubyGems")).containsInstanceOf(RubyGemsVersion.class);
    }
}
