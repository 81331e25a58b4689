package dev.drydock.dockerfile.rules;

import java.util.List;
import org.junit.jupiter.api.Test;

class DL3055Test {

    @Test
    void gitHashes() {
        LabelTypeChecks.check(new DL3055(), "githash", "hash",
                List.of("not-git-hash",                               // Hadolint spec
                        "main",
                        "v1.4.2",
                        "2dbfae",                                     // too short
                        "2DBFAE9",                                    // git prints lower case
                        "43c572f1272b6b3171dd1db9e41b7027128ce0801",  // 41 digits
                        "sha256:43c572f1272b6b3171dd1db9e41b7027128ce080"),
                List.of("2dbfae9",                                    // Hadolint spec
                        "43c572f1272b6b3171dd1db9e41b7027128ce080",   // Hadolint spec
                        // git rev-parse --short in a large repository prints more than 7 digits
                        "2dbfae91c4",
                        // a SHA-256 repository's object name
                        "43c572f1272b6b3171dd1db9e41b7027128ce08043c572f1272b6b3171dd1db9"));
    }
}
