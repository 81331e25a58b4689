package dev.drydock.version;

import static dev.drydock.version.VersionRows.assertInvalid;
import static dev.drydock.version.VersionRows.assertRows;

import org.junit.jupiter.api.Test;

/** CargoVersion: the semver crate's parse errors and order (rows from its tests/test_version.rs and src/impls.rs). */
class CargoVersionTest {

    private static final CargoVersion C = CargoVersion.INSTANCE;

    @Test
    void order() {
        assertRows(C,
                "1.2.3 < 1.2.4",
                "1.2.3-alpha < 1.2.3                    # pre-release below release",
                "1.2.3-alpha.2 < 1.2.3-alpha.11",
                "1.2.3-alpha.11 < 1.2.3-alpha.a",
                "1.0.0 < 1.0.0+build                    # unlike SemVer precedence, the crate orders build metadata",
                "1.0.0+0 < 1.0.0+00                     # 0 < 00 < 1 < 01 < 001 < 2",
                "1.0.0+00 < 1.0.0+1",
                "1.0.0+1 < 1.0.0+01",
                "1.0.0+01 < 1.0.0+001",
                "1.0.0+001 < 1.0.0+2",
                "1.0.0+9 < 1.0.0+a                      # numeric below alphanumeric",
                "1.0.0+a < 1.0.0+a.0",
                "1.0.0-rc.1+zzz < 1.0.0-rc.2+aaa        # pre-release decides before build",
                "18446744073709551615.0.0 > 1.0.0       # u64::MAX is the largest number");
        assertInvalid(C, "", "1", "1.2", "1.2.3.4", "v1.2.3", " 1.2.3", "01.2.3", "1.2.3-01", "1.2.3-", "1.2.3+",
                "1.2.3-a..b", "1.2.3+a..b", "1.2.3-a_b", "18446744073709551616.0.0", "1.2.3 ");
    }
}
