package dev.drydock.version;

import static dev.drydock.version.VersionRows.assertInvalid;
import static dev.drydock.version.VersionRows.assertRows;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** MavenVersion: rows from Maven's ComparableVersionTest and the POM reference's version order specification. */
class MavenVersionTest {

    private static final MavenVersion M = MavenVersion.INSTANCE;

    @Test
    void qualifiersAndItems() {
        assertRows(M,
                "1 = 1.0",
                "1.0.0 = 1-0                          # trailing zeros dropped",
                "1-ga = 1                             # ga, final, release are the release",
                "1-final = 1.0",
                "1-RELEASE = 1                        # case-insensitive",
                "1-alpha < 1-beta",
                "1-beta < 1-milestone",
                "1-milestone < 1-rc",
                "1-rc = 1-cr                          # cr is rc",
                "1-rc < 1-snapshot",
                "1-snapshot < 1",
                "1 < 1-sp",
                "1-sp < 1-abc                         # unknown qualifiers after the known ones",
                "1-abc < 1-abd                        # and among themselves alphabetically",
                "1-sp < 1.1",
                "1-a1 = 1-alpha-1                     # a1 is alpha-1 (a letter followed by a digit)",
                "1-b2 = 1-beta-2",
                "1-m3 = 1-milestone-3",
                "1.0.0.X1 < 1.0.0-X2                  # .X is treated as -X",
                "1-1 < 1.1                            # sub-list below a number",
                "1-1 > 1-sp                           # sub-list above a qualifier",
                "1.0-alpha1 < 1.0-alpha2",
                "1.0-alpha-1 = 1.0-alpha1",
                "2.0.0.RC1 < 2.0.0",
                "1.2.3-SNAPSHOT < 1.2.3",
                "1.2.3 < 1.2.4-SNAPSHOT",
                "2.14.1 < 2.15.0                      # log4j-core: the CVE-2021-44228 fix",
                "2.12.2 < 2.14.1",
                "1.0.RELEASE = 1.0",
                "1.5.1 < 1.0000000000.1               # maven-artifact's quirk: ten zeros are a long item, above any int item",
                "2147483648 > 2147483647               # numbers of any length",
                "123456789012345678901234567890 > 123456789012345678901234567889",
                "1..1 = 1.0.1                          # an empty item is 0",
                "1-0.1 > 1");
        assertThat(MavenVersion.canonical("1.0-GA")).isEqualTo("1");
        assertThat(MavenVersion.canonical("1.0.0.X1")).isEqualTo("1-x-1");
    }

    @Test
    void rejectsOnlyWhatCannotBeAVersion() {
        assertInvalid(M, "", "1.0 ", " 1.0", "1 0", "1.0\n", "1.0\t1");
        M.validate("anything-goes.0");
    }
}
