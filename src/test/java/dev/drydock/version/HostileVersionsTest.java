package dev.drydock.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bad input never crashes and never takes long: long and deeply repetitive strings get a typed error (or an answer)
 * from every scheme and from npm ranges, quickly. (Before the bound, Composer's regexes took minutes on 100 kB and a
 * 50,000-identifier pre-release overflowed java.util.regex's stack.)
 */
class HostileVersionsTest {

    static final List<String> HOSTILE = List.of("v".repeat(100_000), " ".repeat(100_000) + "1", "1.".repeat(50_000),
            "1.2.3-" + "a.".repeat(50_000) + "a", "1.2.3+" + "a.".repeat(50_000) + "a", "1" + ".0".repeat(50_000),
            "1.0.0" + "-p1".repeat(30_000), "2010" + "-01".repeat(30_000), "v" + "1".repeat(100_000),
            "1.0 as " + "1".repeat(100_000), "dev-" + "x".repeat(100_000), "1.2.3-" + "a.".repeat(500) + "a");

    static final List<VersionScheme> SCHEMES = List.of(SemVer.SCHEME, SemVer.NPM, GoVersion.INSTANCE,
            CargoVersion.INSTANCE, MavenVersion.INSTANCE, NuGetVersion.INSTANCE, ComposerVersion.INSTANCE);

    @Test
    void everySchemeAnswersOrRefusesQuickly() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (VersionScheme s : SCHEMES) {
                for (String v : HOSTILE) {
                    try {
                        s.compare(v, "1.0.0");
                    } catch (InvalidVersionException e) {
                        assertThat(e.getMessage()).hasSizeLessThan(1300); // quotes at most 1024 characters of the input
                    }
                }
            }
        });
        assertThatThrownBy(() -> MavenVersion.INSTANCE.compare("1" + ".0".repeat(600), "1"))
                .isInstanceOf(InvalidVersionException.class).hasMessageContaining("longer than 1024 characters");
        assertThat(SemVer.SCHEME.compare("1.2.3-" + "a.".repeat(500) + "a", "1.2.3-a")).isPositive();
    }

    @Test
    void npmRangesAnswerOrRefuseQuickly() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (String r : HOSTILE) {
                NpmRange.satisfies("1.2.3", r);
            }
            NpmRange.satisfies("1.2.3", "1.2.x-" + "a.".repeat(2000) + "a");
            NpmRange.satisfies("1.2.3", "||".repeat(2000));
            NpmRange.satisfies("1.2.3", "1.2.3 ".repeat(680));
        });
        assertThatThrownBy(() -> NpmRange.parse("1.2.3 ".repeat(1000))).isInstanceOf(InvalidVersionException.class)
                .hasMessageContaining("longer than 4096 characters");
    }
}
