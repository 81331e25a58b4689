package dev.drydock.version;

import static dev.drydock.version.VersionRows.assertInvalid;
import static dev.drydock.version.VersionRows.assertRows;
import static dev.drydock.version.VersionRows.assertValid;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** SemVer 2.0.0 precedence and node-semver's compare; rows from semver.org §11 and node-semver's test fixtures. */
class SemVerTest {

    @Test
    void specPrecedence() {
        assertRows(SemVer.SCHEME,
                // semver.org §11 example chain
                "1.0.0-alpha < 1.0.0-alpha.1",
                "1.0.0-alpha.1 < 1.0.0-alpha.beta   # numeric identifiers below alphanumeric",
                "1.0.0-alpha.beta < 1.0.0-beta",
                "1.0.0-beta < 1.0.0-beta.2          # more identifiers, equal prefix: higher",
                "1.0.0-beta.2 < 1.0.0-beta.11       # numeric identifiers numerically",
                "1.0.0-beta.11 < 1.0.0-rc.1",
                "1.0.0-rc.1 < 1.0.0                 # a pre-release sorts before its release",
                "1.9.0 < 1.10.0                     # numbers, not strings",
                "1.0.0+build.1 = 1.0.0+build.2      # build metadata ignored",
                "1.0.0+x = 1.0.0",
                "1.0.0-a-b < 1.0.0-a-c              # hyphens are identifier characters",
                "1.0.0-0A < 1.0.0-0a                # ASCII order: uppercase first",
                "1.0.0-1a > 1.0.0-999               # 1a is alphanumeric",
                "1.0.0--- > 1.0.0-0",
                "123456789012345678901234567890.0.0 > 123456789012345678901234567889.9.9   # any length",
                "1.0.0-123456789012345678901234567890 > 1.0.0-9007199254740993");
    }

    @Test
    void strictGrammar() {
        assertValid(SemVer.SCHEME, "0.0.0", "1.2.3-0", "1.2.3-0a", "1.2.3+007", "1.2.3----RC-SNAPSHOT.12.9.1--.12+788");
        assertInvalid(SemVer.SCHEME, "", "1", "1.2", "1.2.3.4", "v1.2.3", " 1.2.3", "01.2.3", "1.02.3", "1.2.03",
                "1.2.3-01", "1.2.3-", "1.2.3+", "1.2.3-a..b", "1.2.3+a..b", "1.2.3-a_b", "1.2.3-é", "1.2.3 ", "a.b.c");
    }

    @Test
    void npmIsNodeSemversCompare() {
        assertRows(SemVer.NPM,
                "v1.2.3 = 1.2.3              # node-semver takes a leading v",
                "\u00a01.2.3\ufeff = 1.2.3      # JavaScript's trim(): NBSP and BOM are whitespace",
                "1.2.3-beta.2 < 1.2.3-beta.11",
                "1.2.3+a > 1.2.2+z",
                "9007199254740991.0.0 > 1.0.0   # Number.MAX_SAFE_INTEGER is the largest");
        // '=' is a range operator, not part of a version
        assertInvalid(SemVer.NPM, "=1.2.3", "V1.2.3", "vv1.2.3", "1.2", "9007199254740992.0.0", "1.2.3-01",
                "1.2.3 x", "1." + "0".repeat(260) + ".0");
        assertThat(SemVer.parseNpm(" v1.2.3-rc.1+b ").toString()).isEqualTo("1.2.3-rc.1+b");
    }

    @Test
    void npmRanges() {
        String[][] rows = {
                // range, satisfied, not satisfied — rows from node-semver's range-include/range-exclude fixtures
                {"^1.2.3", "1.8.1", "2.0.0-0"},
                {"^0.1.2", "0.1.9", "0.2.0"},
                {"^0.0.1", "0.0.1", "0.0.2"},
                {"~1.2.3", "1.2.9", "1.3.0"},
                {"~1", "1.9.9", "2.0.0"},
                {"1.x || >=2.5.0 || 5.0.0 - 7.2.3", "7.2.3", "2.4.0"},
                {"1.2.3 - 2.3.4", "2.3.4", "2.3.5"},
                {"1.2 - 2.3", "2.3.9", "2.4.0"},
                {"*", "0.0.0", "1.0.0-rc.1"},
                {">=1.2.3-beta.1 <2", "1.2.3-beta.2", "1.2.4-beta.2   # pre-releases only of the same major.minor.patch"},
                {"<1.2.3-rc.2", "1.2.3-rc.1", "1.2.3-rc.2"},
                {">= 1.0.0", "1.0.0", "0.9.9    # a space after the operator"},
                {"~> 1.2", "1.2.5", "1.3.0"},
                {"=1.2.3", "1.2.3", "1.2.4"},
                {"1.2.3+build", "1.2.3", "1.2.4   # build metadata ignored"},
        };
        for (String[] row : rows) {
            assertThat(NpmRange.satisfies(row[1], row[0])).as("%s in %s", row[1], row[0]).isTrue();
            String no = row[2].split(" +#")[0].strip();
            assertThat(NpmRange.satisfies(no, row[0])).as("%s not in %s", no, row[0]).isFalse();
        }
        assertThat(NpmRange.parse("~1.2.3").toString()).isEqualTo(">=1.2.3 <1.3.0-0");
        assertThat(NpmRange.parse("1.x || >=2.5.0").toString()).isEqualTo(">=1.0.0 <2.0.0-0||>=2.5.0");
        assertThat(NpmRange.satisfies("not-a-version", "*")).isFalse();
        assertThat(NpmRange.satisfies("1.2.3", "not a range")).isFalse();
    }
}
