package dev.drydock.version;

import static dev.drydock.version.VersionRows.assertInvalid;
import static dev.drydock.version.VersionRows.assertRows;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** ComposerVersion: rows from composer/semver's VersionParserTest (normalize) and ComparatorTest. */
class ComposerVersionTest {

    private static final ComposerVersion P = ComposerVersion.INSTANCE;

    @Test
    void normalizeAsVersionParser() {
        String[][] rows = {
                {"1.0.0", "1.0.0.0"}, {"1.2.3.4", "1.2.3.4"}, {"1.0.0RC1dev", "1.0.0.0-RC1-dev"},
                {"1.0.0-rC15-dev", "1.0.0.0-RC15-dev"}, {"1.0.0.RC.15-dev", "1.0.0.0-RC15-dev"},
                {"1.0.0-rc1", "1.0.0.0-RC1"}, {"1.0.0.pl3-dev", "1.0.0.0-patch3-dev"}, {"1.0-dev", "1.0.0.0-dev"},
                {"0", "0.0.0.0"}, {"10.4.13-beta", "10.4.13.0-beta"}, {"10.4.13beta2", "10.4.13.0-beta2"},
                {"10.4.13beta.2", "10.4.13.0-beta2"}, {"v1.13.11-beta.0", "1.13.11.0-beta0"},
                {"1.13.11.0-beta0", "1.13.11.0-beta0"}, {"10.4.13-b", "10.4.13.0-beta"}, {"10.4.13-b5", "10.4.13.0-beta5"},
                {"v1.0.0", "1.0.0.0"}, {"2010.01", "2010.01.0.0"}, {"2010.01.02", "2010.01.02.0"},
                {"2010-01-02", "2010.01.02"}, {"2010-01-02.5", "2010.01.02.5"}, {"20100102-203040", "20100102.203040"},
                {"20100102203040-10", "20100102203040.10"}, {"20100102-203040-p1", "20100102.203040-patch1"},
                {"dev-master", "dev-master"}, {"master", "dev-master"}, {"1.0.0+foo@dev", "1.0.0.0"},
                {"1.0.0-alpha.3.1+foo/-bar@dev", "1.0.0.0-alpha3.1"}, {"1.0.0-p1", "1.0.0.0-patch1"},
                {"1.x-dev", "1.9999999.9999999.9999999-dev"}, {"1.0 as 2.0", "1.0.0.0"}, {" 1.0.0", "1.0.0.0"},
                {"dev-feature-foo", "dev-feature-foo"}, {"DEV-FOOBAR", "dev-FOOBAR"}, {"1.0.0-stable", "1.0.0.0"},
        };
        for (String[] row : rows) {
            assertThat(ComposerVersion.normalize(row[0])).as(row[0]).isEqualTo(row[1]);
        }
        assertInvalid(P, "", "a", "1.0.0-meh", "1.0.0.0.0", "feature-foo", "1.0 .2", "1.0.0+foo bar",
                "dev-master"); // a branch: normalises, but Composer gives branches no order
        assertThat(ComposerVersion.normalize("1.0.0 as dev-master")).isEqualTo("1.0.0.0");
    }

    @Test
    void orderAsComposer() {
        assertRows(P,
                "1.25.0 > 1.24.0",
                "1.25.0 = 1.25.0.0",
                "v1.25 = 1.25.0                        # v prefix and padding",
                "1.0.0-dev < 1.0.0-alpha1              # dev < alpha < beta < RC < release < patch",
                "1.0.0-alpha1 < 1.0.0-a2               # a is alpha",
                "1.0.0-alpha2 < 1.0.0-beta1",
                "1.0.0-beta1 = 1.0.0-b1",
                "1.0.0-beta2 < 1.0.0-RC1",
                "1.0.0-rc1 = 1.0.0-RC1",
                "1.0.0-RC1 < 1.0.0",
                "1.0.0 < 1.0.0-p1                      # patch releases after the release",
                "1.0.0-pl1 = 1.0.0-patch1",
                "1.0.0-patch1 < 1.0.0-p2",
                "1.0.0-patch2 < 1.0.1",
                "1.0.0-beta.2 < 1.0.0-beta.10",
                "1.0.0+build2 = 1.0.0+build1           # build metadata dropped",
                "2010-01-02 < 2010.01.03",
                "1.x-dev > 1.99999.0                   # 1.x-dev is 1.9999999.9999999.9999999-dev",
                "1.99999999999999999999 > 1.99999999999999999998   # exact, where PHP's strtol saturates (php says 0)");
    }
}
