package dev.drydock.version;

import static dev.drydock.version.VersionRows.assertInvalid;
import static dev.drydock.version.VersionRows.assertRows;
import static dev.drydock.version.VersionRows.assertValid;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * NuGetVersion. There is no .NET on Debian to run NuGet.Versioning itself, so the reference here is NuGet.Client's own
 * test tables (github.com/NuGet/NuGet.Client, test/NuGet.Core.Tests/NuGet.Versioning.Test: VersionComparerTests.cs,
 * NuGetVersionTest.cs, VersionParsingTests.cs), copied row for row, plus rows for the parser's corners.
 */
class NuGetVersionTest {

    private static final NuGetVersion N = NuGetVersion.INSTANCE;

    @Test
    void versionComparerTestsRows() {
        assertRows(N,
                // VersionComparisonDefaultEqual
                "1.0.0 = 1.0.0",
                "1.0.0-BETA = 1.0.0-beta                             # labels ignore case",
                "1.0.0-BETA+AA = 1.0.0-beta+aa",
                "1.0.0-BETA.X.y.5.77.0+AA = 1.0.0-beta.x.y.5.77.0+aa",
                "1.0.0 = 1.0.0+beta                                  # metadata ignored",
                // VersionComparisonDefaultEqualWithNuGetVersion / NotEqual
                "1.0 = 1.0.0.0",
                "1.0+test = 1.0.0.0",
                "1.0.0.1-1.2.A = 1.0.0.1-1.2.a+A",
                "1.0.01 = 1.0.1.0                                    # leading zeros allowed",
                "1.0 < 1.0.0.1                                       # a fourth number counts",
                "1.0+test < 1.0.0.1",
                "1.0.0.1-1.2.A < 1.0.0.1-1.2.a.A+A",
                "1.0.01 < 1.0.1.2",
                // VersionComparisonDefaultLess
                "0.0.0 < 1.0.0",
                "1.0.0 < 1.1.0",
                "1.0.0 < 1.0.1",
                "1.999.9999 < 2.1.1",
                "1.0.0-BETA < 1.0.0-beta2",
                "1.0.0-beta+AA < 1.0.0+aa",
                "1.0.0-BETA < 1.0.0-beta.1+AA",
                "1.0.0-BETA.X.y.5.77.0+AA < 1.0.0-beta.x.y.5.79.0+aa",
                "1.0.0-BETA.X.y.5.79.0+AA < 1.0.0-beta.x.y.5.790.0+abc",
                // NuGetVersionTest.SemVerLessThanAndGreaterThanOperatorsWorks
                "1.0 < 1.0.1",
                "1.23 < 1.231",
                "1.4.5.6 < 1.45.6",
                "1.4.5.6 < 1.4.5.60",
                "1.01 < 1.10",
                "1.01-alpha < 1.10-beta",
                "1.01.0-RC-1 < 1.10.0-rc-2",
                "1.01-RC-1 < 1.01",
                "1.01 < 1.2-preview",
                // NuGetVersionTest.SemVerEqualsOperatorWorks
                "1.0 = 1.0.0.0",
                "1.23.01 = 1.23.1",
                "1.45.6 = 1.45.6.0",
                "1.45.6-Alpha = 1.45.6-Alpha",
                "1.6.2-BeTa = 1.6.02-beta",
                "1.0 = 1.0.0.0+beta",
                "1.0.0.0+beta.2 = 1.0.0.0+beta.1");
        assertThat(N.compare("22.3.07     ", "22.3.07")).isZero();
    }

    @Test
    void labelCorners() {
        assertRows(N,
                "1.0.0-2 < 1.0.0-10                 # int.TryParse labels compare numerically",
                "1.0.0-10 < 1.0.0-a                 # numbers before other labels",
                "1.0.0--1 < 1.0.0-0                 # '-1' is an int to int.TryParse",
                "1.0.0--0 = 1.0.0-0",
                "1.0.0-2147483648 > 1.0.0-2147483647 # past int.MaxValue a label is text, and text sorts after numbers",
                "1.0.0-2147483648 < 1.0.0-a         # text, and '2' < 'A'",
                "1.0.0-a-b > 1.0.0-a                # longer with equal prefix",
                "1.0.0-A.1 < 1.0.0-a.2",
                "1.0.0-alpha < 1.0.0-alpha.0");
    }

    @Test
    void parsingTableRows() {
        // VersionParsingTests, NuGetVersionTest.TryParseHandlesValidVersionPatterns / ParseReads*VersionNumbers
        assertValid(N, "2", "2.0", "2.0.0", "2.0.0.0", "1.0.0-Beta", "1.0.0-Beta.2", "1.0.0+MetaOnly", "1.0.0-Beta+Meta",
                "1.0.0-RC.X+MetaAA", "1.0.0-RC.X.35.A.3455+Meta-A-B-C", "234.234234.1111", "3.5.1-x.y.z+AA",
                "   19", "   19.   19", "   19.   19.   19", "   19.   19.   19.   19", "19   ", "19   .19   ",
                "19   .19   .19   .19   ", "   19   .   19   .   19   .   19   ", "01.1.1.1", "1.1.1.01",
                "2147483647.1.1.1", "1.1.1.2147483647", "1.022", "1.3.42.10133", "1.3.42.200930-RC-2",
                "  1.022-Beta", "23.2.3-Alpha  ", "1.2.3-X.y3+0", "1.2.3-0", "1.0.0009.01-1.1+A", "3.4.0.3-RC-3",
                "1.3.2-CTP-2-Refresh-Alpha");
        assertThat(N.compare("2", "2.0.0.0")).isZero();
        assertThat(NuGetVersion.normalized("1.0.0009.01-1.1+A")).isEqualTo("1.0.9.1-1.1");
        // NuGetVersionTest.ParseThrowsIfStringIsNotAValidSemVer, every row
        assertInvalid(N, "", "         ", "1beta", "1.2Av^c", "1.2..", "1.2.3.4.5", "1.2.3.Beta",
                "1.2.3.4This version is full of awesomeness!!", "So.is.this", "1.34.2Alpha", "1.34.2Release Candidate",
                "1.4.7-", "1.4.7-*", "1.4.7+*", "1.4.7-AA.01^", "1.4.7-AA.0A^", "1.4.7-A^A", "1.4.7+AA.01^",
                "1.2147483648", "1.1.2147483648", "1.1.1.2147483648", "1.1.1.1.2147483648", "10000000000000000000",
                "1.10000000000000000000", "1.1.10000000000000000000", "1.1.1.1.10000000000000000000", "1..2", "....",
                "..1", "-1.1.1.1", "1.-1.1.1", "1.1.-1.1", "1.1.1.-1", "1.", "1.1.", "1.1.1.", "1.1.1.1.", "1.1.1.1.1.",
                "1     1.1.1.1", "1.1     1.1.1", "1.1.1     1.1", "1.1.1.1     1", " .1.1.1", "1. .1.1", "1.1. .1",
                "1.1.1. ", "1 .", "1.1 .", "1.1.1 .", "1.1.1.1 .", "2147483648.2.3.4", "1.2147483648.3.4",
                "1.2.2147483648.4", "1.2.3.2147483648", "..1.2", "-1.2.3.4", "1.-2.3.4", "1.2.-3.4", "1.2.3.-4",
                "   1 9", "   19.   1 9", "   19.   19.   1 9", "   19.   19.   19.   1 9", "1 9   ", "19   .1 9   ",
                "19   .19   .1 9   ", "19   .19   .19   .1 9   ", "   1 9   ", "   19   .   1 9   ",
                "   19   .   19   .   1 9   ", "   19   .   19   .   19   .   1 9   ",
                // and ours: labels and metadata
                "1.0.0-01", "1.0.0-a..b", "1.0.0+a..b", "1.0.0-a+", "1.0.0+", "v1.0.0", "1.0.0-é");
    }
}
