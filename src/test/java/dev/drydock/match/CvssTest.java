package dev.drydock.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.scan.Severity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Base scores against FIRST's published values: the v3.1 and v4.0 calculators at first.org/cvss/calculator (and the
 * specification documents' examples), and NVD's scores for the CVEs named.
 */
class CvssTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            # v3.1: CVE-2021-44228 (log4shell), NVD 10.0
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H | 10.0 | CRITICAL
            # v3.1: the commonest NVD vector, 9.8
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H | 9.8 | CRITICAL
            # v3.0: local privilege escalation, 7.8
            CVSS:3.0/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H | 7.8 | HIGH
            # v3.1: CVE-2023-32681 (requests), GitHub 6.1
            CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:C/C:H/I:N/A:N | 6.1 | MEDIUM
            # v3.1: availability low only, 5.3
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L | 5.3 | MEDIUM
            # v3.1: no impact, 0.0
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N | 0.0 | LOW
            # v4.0: FIRST calculator's default-high vector, 9.3
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N | 9.3 | CRITICAL
            # v4.0: everything high, 10.0
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H | 10.0 | CRITICAL
            # v4.0: local, low privileges, 8.5
            CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N | 8.5 | HIGH
            # v4.0: low confidentiality and integrity, 6.9
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:L/VA:N/SC:N/SI:N/SA:N | 6.9 | MEDIUM
            # v4.0: XSS shapes as GitHub advisories score them (e.g. GHSA-wwp2-x4rj-j8rm 5.3): passive 5.3, active 5.1,
            # passive with low privileges 5.1
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:P/VC:N/VI:N/VA:N/SC:L/SI:L/SA:N | 5.3 | MEDIUM
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:A/VC:N/VI:N/VA:N/SC:L/SI:L/SA:N | 5.1 | MEDIUM
            CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:P/VC:N/VI:N/VA:N/SC:L/SI:L/SA:N | 5.1 | MEDIUM
            # v4.0: attack requirements present 7.7; high privileges 8.3; with threat metric E:U (unreported) 5.6 and 6.6
            CVSS:4.0/AV:N/AC:L/AT:P/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N | 7.7 | HIGH
            CVSS:4.0/AV:L/AC:L/AT:N/PR:H/UI:N/VC:H/VI:H/VA:N/SC:N/SI:N/SA:N | 8.3 | HIGH
            CVSS:4.0/AV:L/AC:L/AT:N/PR:H/UI:N/VC:H/VI:H/VA:N/SC:N/SI:N/SA:N/E:U | 5.6 | MEDIUM
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:H/SC:N/SI:N/SA:L/E:U | 6.6 | MEDIUM
            # v4.0: no impact, 0.0
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N | 0.0 | LOW
            # v2 (NVD's scale has no critical): AV:N/AC:L/Au:N/C:C/I:C/A:C is 10.0, HIGH
            AV:N/AC:L/Au:N/C:C/I:C/A:C | 10.0 | HIGH
            """)
    void baseScores(String vector, double score, Severity severity) {
        Cvss c = Cvss.parse(vector).orElseThrow();
        assertThat(c.score()).as(vector).isEqualTo(score);
        assertThat(c.severity()).as(vector).isEqualTo(severity);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "CVSS:3.1/", "CVSS:3.1/AV:X/AC:L", "CVSS:9.9/AV:N", "not a vector",
            "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H"})
    void malformedVectorsAreEmpty(String vector) {
        assertThat(Cvss.parse(vector)).as(vector).isEmpty();
    }
}
