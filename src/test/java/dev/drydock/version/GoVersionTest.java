package dev.drydock.version;

import static dev.drydock.version.VersionRows.assertInvalid;
import static dev.drydock.version.VersionRows.assertRows;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * GoVersion: x/mod/semver's order (rows from its semver_test.go), OSV's unprefixed versions as golang/vulndb's
 * data/osv files write them, and Go release tags converted as vulndb's GoTagToSemver converts them.
 */
class GoVersionTest {

    private static final GoVersion G = GoVersion.INSTANCE;

    @Test
    void modulesAsXModSemver() {
        assertRows(G,
                "v1 = v1.0.0                                    # shorthands",
                "v1.2 = v1.2.0",
                "v1.2.3+incompatible = v1.2.3                  # build metadata ignored",
                "v2.0.0+incompatible > v1.9.9",
                "v1.2.3-pre < v1.2.3",
                "v1.2.3-pre.1 < v1.2.3-pre.2",
                "v1.2.3-pre.2 < v1.2.3-pre.10                  # numeric identifiers numerically",
                "v1.2.3-pre.10 < v1.2.3-pre.a",
                "v0.0.0-20191109021931-daa7c04131f5 < v0.0.0-20200101000000-000000000000   # pseudo-versions by time",
                "v0.0.0-20191109021931-daa7c04131f5 < v0.1.0",
                "v1.2.4-0.20191109021931-daa7c04131f5 > v1.2.3  # a pseudo-version after v1.2.3",
                "v1.2.4-0.20191109021931-daa7c04131f5 < v1.2.4",
                "v1.2.3-pre.0.20191109021931-daa7c04131f5 > v1.2.3-pre",
                "v123456789012345678901234567890.0.0 > v9.0.0   # numbers of any length");
        assertInvalid(G, "", "v", "v1.2.3.4", "v01.2.3", "v1.02", "v1.2-pre", "v1.2.3-", "v1.2.3-01", "v1.2.3+",
                "v1.2.3-a..b", "V1.2.3", "v1.2.3 ", "latest", "master");
    }

    @Test
    void osvUnprefixedAndGoReleases() {
        assertRows(G,
                "1.2.3 = v1.2.3                    # OSV's Go records drop the v",
                "0 = v0.0.0                        # OSV's introduced: 0",
                "0.0.0-20220314234659-1baeb1ce4c0b < 0.0.0-20220315000000-000000000000",
                "go1.21.3 = v1.21.3",
                "go1.21rc2 = v1.21.0-rc.2          # vulndb's GoTagToSemver",
                "1.21rc2 = 1.21.0-rc.2             # the same without go",
                "go1.21rc2 < go1.21.0",
                "go1.9beta1 = v1.9.0-beta.1",
                "go1.9beta1 < go1.9rc1",
                "go1.20 = 1.20.0                   # before Go 1.21 the first release had no .0",
                "go1 = v1.0.0",
                "go1.20.8 < 1.20.10                # stdlib fixed versions in OSV",
                "go1.22.0 > go1.21.13");
        assertInvalid(G, "go1.0", "go", "go1.21.3 X:nocoverageredesign", "go1.21-rc2", "gox", "1.2.3.4");
        assertThat(GoVersion.toSemver("go1.21rc2")).isEqualTo("v1.21.0-rc.2");
        assertThat(GoVersion.toSemver("1.2.3+incompatible")).isEqualTo("v1.2.3");
    }
}
