package dev.drydock.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The normalised forms {@code drydock version compare --explain} shows. */
class VersionReadingsTest {

    @Test
    void eachSchemeShowsWhatItCompares() {
        assertThat(VersionReadings.describe(SemVer.NPM, " v1.2.3-rc.1+b7 ")).isEqualTo("1.2.3-rc.1 (build b7 ignored)");
        assertThat(VersionReadings.describe(SemVer.SCHEME, "1.2.3")).isEqualTo("1.2.3");
        assertThat(VersionReadings.describe(GoVersion.INSTANCE, "go1.21rc2")).isEqualTo("v1.21.0-rc.2");
        assertThat(VersionReadings.describe(CargoVersion.INSTANCE, "1.0.0+00")).isEqualTo("1.0.0+00");
        assertThat(VersionReadings.describe(MavenVersion.INSTANCE, "1.0.0-FINAL")).isEqualTo("1");
        assertThat(VersionReadings.describe(NuGetVersion.INSTANCE, " 01.2-Beta+x")).isEqualTo("1.2.0-Beta");
        assertThat(VersionReadings.describe(ComposerVersion.INSTANCE, "v2.0-b3")).isEqualTo("2.0.0.0-beta3");
        assertThatThrownBy(() -> VersionReadings.describe(SemVer.NPM, "1.2")).isInstanceOf(InvalidVersionException.class);
    }
}
