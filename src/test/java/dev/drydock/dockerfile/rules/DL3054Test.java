package dev.drydock.dockerfile.rules;

import java.util.List;
import org.junit.jupiter.api.Test;

class DL3054Test {

    @Test
    void spdx() {
        LabelTypeChecks.check(new DL3054(), "spdxlabel", "spdx",
                List.of("not-spdx",                                   // Hadolint spec
                        "Apache 2",
                        "Apache License 2.0",
                        "GPLv3",
                        "MIT and Apache-2.0",                         // operators are upper case
                        "MIT OR",
                        "(MIT OR Apache-2.0",
                        "GPL-2.0-only WITH MIT",                      // MIT is no exception
                        "MIT WITH",
                        ""),
                List.of("BSD-3-Clause",                               // Hadolint spec
                        "MIT",
                        "Apache-2.0",
                        "apache-2.0",                                 // ids are case-insensitive
                        "MIT OR Apache-2.0",
                        "(MIT AND BSD-3-Clause) OR GPL-2.0-or-later",
                        "GPL-2.0-only WITH Classpath-exception-2.0",
                        "GPL-2.0+",
                        "GPL-3.0",                                    // deprecated id, still valid
                        "LicenseRef-acme-proprietary",
                        "DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2",
                        "Apache-2.0 AND (MIT OR GPL-2.0-only WITH Linux-syscall-note)"));
    }
}
