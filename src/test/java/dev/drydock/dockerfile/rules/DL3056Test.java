package dev.drydock.dockerfile.rules;

import java.util.List;
import org.junit.jupiter.api.Test;

class DL3056Test {

    @Test
    void semver() {
        LabelTypeChecks.check(new DL3056(), "semver", "semver",
                List.of("not-sem-ver",                                // Hadolint spec
                        "v1.0.0",
                        "1.0",
                        "1",
                        "latest",
                        "01.2.3",                                     // leading zero
                        "1.2.3-",
                        "1.2.3.4"),
                List.of("1.0.0",                                      // Hadolint spec
                        "2.0.1-rc1",                                  // Hadolint spec
                        "0.1.0",
                        "1.4.2-alpha.1",
                        "1.4.2+build.5",
                        "1.0.0-rc.1+sha.5114f85"));
    }
}
