package dev.drydock.policy;

import static dev.drydock.policy.PolicyFixtures.DOTTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VersionRangeTest {

    @ParameterizedTest(name = "{1} in {0}: {2}")
    @CsvSource(delimiter = ';', textBlock = """
            # range ; version ; match
            <2.17.1 ;  2.14.1 ;  YES
            <2.17.1 ;  2.17.1 ;  NO
            <=2.17.1 ;  2.17.1 ;  YES
            '>=2.0.0, <2.17.1' ;  2.0.0 ;  YES
            '>=2.0.0, <2.17.1' ;  1.9 ;  NO
            # 2.3 < 2.17: compared as numbers, not strings
            '>=2.0.0, <2.17.1' ;  2.3 ;  YES
            <1.2.3 || >=2.0.0, <2.4.1 ;  1.0 ;  YES
            <1.2.3 || >=2.0.0, <2.4.1 ;  1.5 ;  NO
            <1.2.3 || >=2.0.0, <2.4.1 ;  2.4.0 ;  YES
            2.14.1 ;  2.14.1.0 ;  YES
            !=2.14.1 ;  2.14.1 ;  NO
            >2 ;  2.0.1 ;  YES
            # vers: intervals read from the sorted constraints
            vers:maven/>=2.0.0|<2.15.0 ;  2.14.1 ;  YES
            vers:maven/>=2.0.0|<2.15.0 ;  2.15.0 ;  NO
            vers:npm/<1.0.0|>=2.0.0|<2.1.0 ;  0.9 ;  YES
            vers:npm/<1.0.0|>=2.0.0|<2.1.0 ;  1.5 ;  NO
            vers:npm/<1.0.0|>=2.0.0|<2.1.0 ;  2.0.5 ;  YES
            vers:npm/>=3.0.0 ;  9.0 ;  YES
            vers:npm/1.0.0|2.0.0 ;  2.0.0 ;  YES
            vers:npm/* ;  7 ;  YES
            # a version the scheme cannot read: undecided, never a string comparison
            <2.17.1 ;  abc ;  UNKNOWN
            """)
    void table(String range, String version, VersionRange.Match want) {
        assertThat(VersionRange.parse(range).test(version, DOTTED)).isEqualTo(want);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            <2.17.1  | 2.14.1 | UNKNOWN
            =2.14.1  | 2.14.1 | YES
            =2.14.1  | 2.14.2 | UNKNOWN
            !=2.14.1 | 2.14.1 | NO
            """)
    void withoutASchemeOnlyEqualityIsDecided(String range, String version, VersionRange.Match want) {
        assertThat(VersionRange.parse(range).test(version, null)).isEqualTo(want);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "<<2", ">= ", "vers:npm", "<1, >"})
    void badRanges(String range) {
        assertThatThrownBy(() -> VersionRange.parse(range)).isInstanceOf(IllegalArgumentException.class);
    }
}
