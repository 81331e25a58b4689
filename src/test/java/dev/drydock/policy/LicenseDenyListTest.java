package dev.drydock.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LicenseDenyListTest {

    private static final LicenseDenyList DENY = new LicenseDenyList(List.of("GPL-3.0-only", "GPL-3.0-or-later", "AGPL-*", "SSPL-1.0"));

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # declared                                   | denied by
            MIT                                          | -
            GPL-3.0-only                                 | GPL-3.0-only
            gpl-3.0-only                                 | gpl-3.0-only
            # deprecated spellings
            GPL-3.0                                      | GPL-3.0
            GPL-3.0+                                     | GPL-3.0+
            GPL-2.0-or-later                             | -
            # OR: the user may choose the allowed one; AND: both apply
            MIT OR AGPL-3.0-only                         | -
            SSPL-1.0 OR AGPL-3.0-only                    | SSPL-1.0
            MIT AND AGPL-3.0-only                        | AGPL-3.0-only
            (MIT OR GPL-3.0-only) AND Apache-2.0         | -
            (SSPL-1.0 OR GPL-3.0-only) AND Apache-2.0    | SSPL-1.0
            GPL-3.0-only WITH GCC-exception-3.1          | GPL-3.0-only
            Apache-2.0 WITH LLVM-exception               | -
            # free text is compared whole
            Some Custom Licence                          | -
            SSPL-1.0                                     | SSPL-1.0
            """)
    void table(String declared, String deniedBy) {
        assertThat(DENY.evaluate(declared).orElse(null)).isEqualTo(deniedBy);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            MIT;Apache-2.0          | -
            MIT;GPL-3.0-only        | GPL-3.0-only
            """)
    void severalDeclaredLicencesAllApply(String declared, String deniedBy) {
        assertThat(DENY.deniedBy(List.of(declared.split(";"))).orElse(null)).isEqualTo(deniedBy);
    }
}
