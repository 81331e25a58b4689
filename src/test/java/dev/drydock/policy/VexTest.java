package dev.drydock.policy;

import static dev.drydock.policy.PolicyFixtures.HTTP2_RAPID_RESET;
import static dev.drydock.policy.PolicyFixtures.LOG4SHELL;
import static dev.drydock.policy.PolicyFixtures.TODAY;
import static dev.drydock.policy.PolicyFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.scan.Finding;
import dev.drydock.scan.ScanReport;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VexTest {

    @TempDir
    Path dir;

    private static ScanReport apply(Vex vex) {
        return Policy.apply(PolicyFixtures.report(HTTP2_RAPID_RESET, LOG4SHELL), PolicyConfig.DEFAULT, Ignores.NONE,
                List.of(vex), TODAY, null, PolicyFixtures.SCHEMES);
    }

    private static Finding.Suppression suppression(ScanReport r, String id) {
        return r.findings().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow().suppressed();
    }

    @Test
    void readsOpenVex() throws Exception {
        Vex v = Vex.read(write(dir, "a.json", """
                {"@context": "https://openvex.dev/ns/v0.2.0", "@id": "https://example.com/vex/1", "author": "a",
                 "timestamp": "2026-11-01T10:00:00+01:00", "version": 1,
                 "statements": [{"vulnerability": {"@id": "https://nvd.nist.gov/vuln/detail/CVE-2023-44487", "name": "CVE-2023-44487",
                                                   "aliases": ["GHSA-qppj-fm5r-hxr3"]},
                                 "products": [{"@id": "x", "identifiers": {"purl": "pkg:deb/debian/libnghttp2-14"},
                                               "subcomponents": [{"@id": "y"}]}],
                                 "status": "fixed", "last_updated": "2026-11-02T00:00:00Z", "x-vendor": "ignored"}]}
                """));
        assertThat(v.format()).isEqualTo("openvex");
        assertThat(v.timestamp()).hasToString("2026-11-01T09:00:00Z");
        Vex.Statement s = v.statements().get(0);
        assertThat(s.vulnerability()).isEqualTo("CVE-2023-44487");
        assertThat(s.aliases()).containsExactly("GHSA-qppj-fm5r-hxr3", "https://nvd.nist.gov/vuln/detail/CVE-2023-44487");
        assertThat(s.products()).containsExactly(new Vex.Product("pkg:deb/debian/libnghttp2-14", List.of("y"), null));
        assertThat(s.timestamp()).hasToString("2026-11-02T00:00:00Z");
        assertThat(s.status()).isEqualTo(VexStatus.FIXED);
    }

    @Test
    void readsTheOlderOpenVexShape() throws Exception {
        // OpenVEX v0.0.1, as vexctl 0.1 wrote it: vulnerability and products as strings, subcomponents on the statement
        Vex v = Vex.read(write(dir, "old.json", """
                {"@context": "https://openvex.dev/ns", "@id": "https://openvex.dev/docs/example/vex-9fb3463de1b57",
                 "author": "Wolfi J Inkinson", "role": "Document Creator", "timestamp": "2023-01-08T18:02:03.647787998-06:00",
                 "version": "1",
                 "statements": [{"vulnerability": "CVE-2023-44487",
                                 "products": ["pkg:oci/app@sha256%%3A%s"],
                                 "subcomponents": ["pkg:deb/debian/libnghttp2-14@1.52.0-1%%2Bdeb12u1"],
                                 "status": "not_affected", "justification": "component_not_present"}]}
                """.formatted("ab".repeat(32))));
        assertThat(suppression(apply(v), "CVE-2023-44487").reason()).isEqualTo("VEX not_affected (component_not_present)");
    }

    @Test
    void theImageMayBeNamedByDigestOrName() throws Exception {
        for (String product : List.of("sha256:" + "ab".repeat(32), "registry.example.com/team/app:1.4", "pkg:oci/app",
                "pkg:oci/app@sha256%3A" + "cd".repeat(32))) {
            Vex v = Vex.read(write(dir, "p.json", """
                    {"@context": "https://openvex.dev/ns/v0.2.0", "@id": "x", "author": "a", "timestamp": "2026-11-01T00:00:00Z",
                     "version": 1, "statements": [{"vulnerability": {"name": "CVE-2021-44228"}, "products": [{"@id": "%s"}],
                     "status": "not_affected", "impact_statement": "the application never logs user input"}]}
                    """.formatted(product)));
            assertThat(suppression(apply(v), "CVE-2021-44228")).as(product).isNotNull();
            assertThat(suppression(apply(v), "CVE-2023-44487")).as(product).isNull();
        }
        for (String other : List.of("sha256:" + "ef".repeat(32), "pkg:oci/other", "pkg:oci/app@sha256%3A" + "ef".repeat(32))) {
            Vex v = Vex.read(write(dir, "q.json", """
                    {"@context": "https://openvex.dev/ns/v0.2.0", "@id": "x", "author": "a", "timestamp": "2026-11-01T00:00:00Z",
                     "version": 1, "statements": [{"vulnerability": {"name": "CVE-2021-44228"}, "products": [{"@id": "%s"}],
                     "status": "not_affected", "justification": "component_not_present"}]}
                    """.formatted(other)));
            assertThat(suppression(apply(v), "CVE-2021-44228")).as(other).isNull();
        }
    }

    @Test
    void purlQualifiersThatDisagreeDoNotMatch() throws Exception {
        Vex v = Vex.read(write(dir, "arch.json", """
                {"@context": "https://openvex.dev/ns/v0.2.0", "@id": "x", "author": "a", "timestamp": "2026-11-01T00:00:00Z",
                 "version": 1, "statements": [{"vulnerability": {"name": "CVE-2023-44487"},
                 "products": [{"@id": "pkg:deb/debian/libnghttp2-14?arch=arm64"}],
                 "status": "not_affected", "justification": "component_not_present"}]}
                """));
        assertThat(suppression(apply(v), "CVE-2023-44487")).isNull();
    }

    @Test
    void cycloneDxWarnsAboutWhatItCannotResolve() throws Exception {
        Vex v = Vex.read(write(dir, "c.json", """
                {"bomFormat": "CycloneDX", "specVersion": "1.6",
                 "metadata": {"timestamp": "2026-11-01T00:00:00Z"},
                 "vulnerabilities": [
                   {"id": "CVE-2023-44487", "references": [{"id": "GHSA-qppj-fm5r-hxr3"}],
                    "analysis": {"state": "false_positive"},
                    "affects": [{"ref": "nowhere"}, {"ref": "pkg:deb/debian/libnghttp2-14"}]},
                   {"id": "CVE-2099-0001"}
                 ]}
                """));
        assertThat(v.format()).isEqualTo("cyclonedx");
        assertThat(v.statements()).hasSize(1);
        assertThat(v.warnings()).hasSize(2);
        assertThat(v.warnings().get(0)).contains(":6: affects ref 'nowhere' of CVE-2023-44487");
        assertThat(v.warnings().get(1)).contains("CVE-2099-0001 has no analysis.state");
        ScanReport r = apply(v);
        assertThat(suppression(r, "CVE-2023-44487").reason()).isEqualTo("VEX not_affected: false positive");
        assertThat(r.diagnostics()).containsAll(v.warnings());
    }
}
