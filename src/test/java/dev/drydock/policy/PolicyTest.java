package dev.drydock.policy;

import static dev.drydock.policy.PolicyFixtures.HTTP2_RAPID_RESET;
import static dev.drydock.policy.PolicyFixtures.LOG4SHELL;
import static dev.drydock.policy.PolicyFixtures.OPENSSL_PKCS12;
import static dev.drydock.policy.PolicyFixtures.READLINE_UNFIXED;
import static dev.drydock.policy.PolicyFixtures.ROOT;
import static dev.drydock.policy.PolicyFixtures.SCHEMES;
import static dev.drydock.policy.PolicyFixtures.SECRET;
import static dev.drydock.policy.PolicyFixtures.TODAY;
import static dev.drydock.policy.PolicyFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.scan.Finding;
import dev.drydock.scan.ScanReport;
import dev.drydock.scan.Subject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyTest {

    @TempDir
    Path dir;

    private PolicyConfig config(String yaml) throws Exception {
        return PolicyConfigs.read(write(dir, ".drydock.yaml", yaml));
    }

    private ScanReport apply(ScanReport r, PolicyConfig c, Ignores i, List<Vex> vex, ImageFacts facts) {
        return Policy.apply(r, c, i, vex, TODAY, facts, SCHEMES);
    }

    private ScanReport apply(ScanReport r, PolicyConfig c) {
        return apply(r, c, Ignores.NONE, List.of(), ImageFacts.of(r));
    }

    private static Finding find(ScanReport r, String id) {
        return r.findings().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void withoutPolicyEverythingPassesAndNothingIsSuppressed() {
        ScanReport r = apply(PolicyFixtures.all(), PolicyConfig.DEFAULT);
        assertThat(r.verdict().passed()).isTrue();
        assertThat(r.verdict().rule()).isNull();
        assertThat(r.findings()).hasSize(6).allMatch(f -> f.suppressed() == null);
    }

    @Test
    void failOnCountsOnlyUnsuppressedFindingsAtOrAboveTheThreshold() throws Exception {
        ScanReport report = PolicyFixtures.report(HTTP2_RAPID_RESET, OPENSSL_PKCS12, READLINE_UNFIXED);
        // critical: nothing that severe
        assertThat(apply(report, config("fail-on: critical\n")).verdict().passed()).isTrue();
        // high: the HTTP/2 finding
        ScanReport high = apply(report, config("fail-on: high\n"));
        assertThat(high.verdict().passed()).isFalse();
        assertThat(high.verdict().rule()).isEqualTo("fail-on: high");
        assertThat(high.verdict().reasons()).containsExactly("fail-on: high: 1 finding at HIGH or above (1 HIGH): CVE-2023-44487");
        // medium, and the high one ignored: the medium one still fails it; the ignored one is not counted
        Path ignore = write(dir, ".drydockignore", """
                ignores:
                  - id: CVE-2023-44487
                    reason: HTTP/2 is not served by this image
                """);
        ScanReport medium = apply(report, config("fail-on: medium\n"), Ignores.read(ignore), List.of(), ImageFacts.of(report));
        assertThat(medium.verdict().reasons()).containsExactly("fail-on: medium: 1 finding at MEDIUM or above (1 MEDIUM): CVE-2024-0727");
        // high with the high one ignored: passes
        ScanReport ignored = apply(report, config("fail-on: high\n"), Ignores.read(ignore), List.of(), ImageFacts.of(report));
        assertThat(ignored.verdict().passed()).isTrue();
        assertThat(find(ignored, "CVE-2023-44487").suppressed().reason()).isEqualTo("HTTP/2 is not served by this image");
        // the linter's words mean the same: warning = medium
        assertThat(apply(report, config("fail-on: warning\n")).verdict().rule()).isEqualTo("fail-on: medium");
        assertThat(apply(report, config("fail-on: none\n")).verdict().passed()).isTrue();
    }

    @Test
    void expiredIgnoreStopsApplyingAndIsListedAsExpired() throws Exception {
        Path ignore = write(dir, ".drydockignore", """
                ignores:
                  - id: CVE-2023-44487
                    package: libnghttp2-14
                    reason: HTTP/2 is not served by this image
                    expires: 2026-11-23
                  - id: GHSA-jfh8-c2jp-5v3q
                    reason: JNDI lookups are disabled with log4j2.formatMsgNoLookups
                    expires: 2026-11-24
                """);
        ScanReport r = apply(PolicyFixtures.report(HTTP2_RAPID_RESET, LOG4SHELL), config("fail-on: high\n"),
                Ignores.read(ignore), List.of(), null);
        // expires 2026-11-23 and today is 2026-11-23: it no longer applies
        assertThat(find(r, "CVE-2023-44487").suppressed()).isNull();
        // expires tomorrow, and it matches by alias: still applies, and says until when
        Finding.Suppression s = find(r, "CVE-2021-44228").suppressed();
        assertThat(s.by()).isEqualTo("ignorefile");
        assertThat(s.expires()).isEqualTo("2026-11-24");
        assertThat(s.source()).isEqualTo(ignore + ":6");
        assertThat(r.verdict().expired()).containsExactly("CVE-2023-44487 (libnghttp2-14) in .drydockignore:2 expired on 2026-11-23"
                + " and applies again to 1 finding: HTTP/2 is not served by this image");
        assertThat(r.verdict().passed()).isFalse();
        assertThat(r.verdict().reasons()).containsExactly("fail-on: high: 1 finding at HIGH or above (1 HIGH): CVE-2023-44487");
    }

    @Test
    void ignoreScopedToPackageVersionAndPath() throws Exception {
        Path ignore = write(dir, ".drydockignore", """
                ignores:
                  - id: CVE-2024-0727
                    package: {name: openssl, version: 3.0.11-1~deb12u2}
                    path: "var/lib/dpkg/*"
                    reason: PKCS12 files are never parsed
                  - id: CVE-2021-44228
                    package: {name: org.apache.logging.log4j:log4j-core, version: 2.17.0}
                    reason: only that version
                  - id: CVE-2023-44487
                    path: "usr/**"
                    reason: not this path
                """);
        ScanReport r = apply(PolicyFixtures.all(), PolicyConfig.DEFAULT, Ignores.read(ignore), List.of(), null);
        assertThat(find(r, "CVE-2024-0727").suppressed().reason()).isEqualTo("PKCS12 files are never parsed");
        assertThat(find(r, "CVE-2021-44228").suppressed()).isNull();
        assertThat(find(r, "CVE-2023-44487").suppressed()).isNull();
    }

    @Test
    void vexNotAffectedSuppressesAndSaysWhy() throws Exception {
        Path vex = write(dir, "app.openvex.json", """
                {
                  "@context": "https://openvex.dev/ns/v0.2.0",
                  "@id": "https://example.com/vex/app-1.4",
                  "author": "Team App <app@example.com>",
                  "timestamp": "2026-11-01T10:00:00Z",
                  "version": 1,
                  "statements": [
                    {
                      "vulnerability": {"name": "CVE-2023-44487"},
                      "products": [{"@id": "pkg:oci/app@sha256:%s?repository_url=registry.example.com/team/app",
                                    "subcomponents": [{"@id": "pkg:deb/debian/libnghttp2-14@1.52.0-1%%2Bdeb12u1"}]}],
                      "status": "not_affected",
                      "justification": "vulnerable_code_not_in_execute_path",
                      "impact_statement": "The image never starts an HTTP/2 server."
                    },
                    {
                      "vulnerability": {"name": "CVE-2021-44228"},
                      "products": [{"@id": "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"}],
                      "status": "under_investigation"
                    }
                  ]
                }
                """.formatted("ab".repeat(32)));
        ScanReport r = apply(PolicyFixtures.report(HTTP2_RAPID_RESET, LOG4SHELL), config("fail-on: high\n"), Ignores.NONE,
                List.of(Vex.read(vex)), null);
        Finding.Suppression s = find(r, "CVE-2023-44487").suppressed();
        assertThat(s.by()).isEqualTo("vex");
        assertThat(s.reason()).isEqualTo("VEX not_affected (vulnerable_code_not_in_execute_path): The image never starts an HTTP/2 server.");
        assertThat(s.source()).isEqualTo(vex + ":8");
        // under_investigation does not suppress, so log4shell still fails the policy
        assertThat(find(r, "CVE-2021-44228").suppressed()).isNull();
        assertThat(r.verdict().reasons()).containsExactly("fail-on: high: 1 finding at HIGH or above (1 CRITICAL): CVE-2021-44228");
    }

    @Test
    void vexIsVersionAwareAndLatestStatementWins() throws Exception {
        Path vex = write(dir, "vex.json", """
                {
                  "@context": "https://openvex.dev/ns/v0.2.0", "@id": "x", "author": "a", "timestamp": "2026-01-01T00:00:00Z", "version": 1,
                  "statements": [
                    {"vulnerability": {"name": "CVE-2021-44228"}, "timestamp": "2026-02-01T00:00:00Z",
                     "products": [{"@id": "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"}],
                     "status": "not_affected", "justification": "vulnerable_code_not_present"},
                    {"vulnerability": {"name": "CVE-2021-44228"}, "timestamp": "2026-03-01T00:00:00Z",
                     "products": [{"@id": "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"}],
                     "status": "affected", "action_statement": "upgrade"},
                    {"vulnerability": {"name": "CVE-2024-0727"},
                     "products": [{"@id": "pkg:deb/debian/libssl3@3.0.10-1"}],
                     "status": "not_affected", "justification": "vulnerable_code_not_present"},
                    {"vulnerability": {"name": "DSA-5540-1"},
                     "products": [{"@id": "pkg:deb/debian/libnghttp2-14"}],
                     "status": "fixed"}
                  ]
                }
                """);
        ScanReport r = apply(PolicyFixtures.all(), PolicyConfig.DEFAULT, Ignores.NONE, List.of(Vex.read(vex)), null);
        assertThat(find(r, "CVE-2021-44228").suppressed()).as("the later affected statement wins").isNull();
        assertThat(find(r, "CVE-2024-0727").suppressed()).as("another version").isNull();
        assertThat(find(r, "CVE-2023-44487").suppressed().reason()).as("by alias, purl without version").isEqualTo("VEX fixed");
    }

    @Test
    void cycloneDxVexSuppressesByBomRefAndVersion() throws Exception {
        Path vex = write(dir, "vex.cdx.json", """
                {
                  "bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1,
                  "components": [{"bom-ref": "log4j", "type": "library", "name": "log4j-core",
                                  "purl": "pkg:maven/org.apache.logging.log4j/log4j-core"}],
                  "vulnerabilities": [
                    {"id": "CVE-2021-44228",
                     "analysis": {"state": "not_affected", "justification": "code_not_reachable",
                                  "detail": "JndiLookup.class is removed from the jar"},
                     "affects": [{"ref": "log4j", "versions": [{"range": "vers:maven/>=2.0.0|<2.15.0"}]}]},
                    {"id": "CVE-2023-44487",
                     "analysis": {"state": "exploitable"},
                     "affects": [{"ref": "urn:cdx:3e671687-395b-41f5-a30f-a58921a69b79/1#pkg:deb/debian/libnghttp2-14@1.52.0-1%2Bdeb12u1"}]}
                  ]
                }
                """);
        ScanReport r = apply(PolicyFixtures.all(), PolicyConfig.DEFAULT, Ignores.NONE, List.of(Vex.read(vex)), null);
        assertThat(find(r, "CVE-2021-44228").suppressed().reason())
                .isEqualTo("VEX not_affected (vulnerable_code_not_in_execute_path): JndiLookup.class is removed from the jar");
        assertThat(find(r, "CVE-2023-44487").suppressed()).isNull();
    }

    @Test
    void forbiddenPackageFailsWithOneLinePerPackage() throws Exception {
        PolicyConfig c = config("""
                forbidden-packages:
                  - name: org.apache.logging.log4j:log4j-core
                    ecosystem: Maven
                    versions: ">=2.0.0, <2.17.1"
                    reason: Log4Shell
                  - name: openssl
                    ecosystem: Debian
                  - name: libnghttp2-14
                    ecosystem: npm
                  - name: libreadline8
                    versions: "<8.0 || >=9"
                """);
        ScanReport r = apply(PolicyFixtures.all(), c);
        assertThat(r.verdict().passed()).isFalse();
        assertThat(r.verdict().rule()).isEqualTo("forbidden-packages");
        assertThat(r.verdict().reasons()).containsExactly(
                "forbidden-packages: org.apache.logging.log4j:log4j-core 2.14.1 (Maven, app/lib/log4j-core-2.14.1.jar) matches"
                        + " org.apache.logging.log4j:log4j-core (Maven) >=2.0.0, <2.17.1: Log4Shell [.drydock.yaml:2]",
                "forbidden-packages: libssl3 3.0.11-1~deb12u2 (Debian:12, var/lib/dpkg/status) matches openssl (Debian) [.drydock.yaml:6]");
    }

    @Test
    void anIgnoreEntryExemptsAPackageFromAPackageRuleUntilItExpires() throws Exception {
        PolicyConfig c = config("forbidden-packages: [libreadline8]\ndeny-licenses: [GPL-3.0-or-later]\n");
        Path ignore = write(dir, ".drydockignore", """
                ignores:
                  - id: forbidden-packages
                    package: readline
                    reason: bash needs it until the shell-less image ships
                    expires: 2027-03-01
                  - id: deny-licenses
                    package: {name: libreadline8, version: 8.2-1.3}
                    reason: legal approved GPL for readline (ticket LEGAL-42)
                """);
        ScanReport r = apply(PolicyFixtures.all(), c, Ignores.read(ignore), List.of(), null);
        assertThat(r.verdict().passed()).isTrue();
        assertThat(r.diagnostics()).contains("policy: libreadline8 8.2-1.3 is exempt from forbidden-packages by forbidden-packages"
                + " (readline) in .drydockignore:2 until 2027-03-01: bash needs it until the shell-less image ships");
        ScanReport later = Policy.apply(PolicyFixtures.all(), c, Ignores.read(ignore), List.of(),
                java.time.Clock.fixed(java.time.Instant.parse("2027-03-01T00:00:00Z"), java.time.ZoneOffset.UTC), null, SCHEMES);
        assertThat(later.verdict().rule()).isEqualTo("forbidden-packages");
        assertThat(later.verdict().expired()).singleElement().asString().startsWith("forbidden-packages (readline) in .drydockignore:2 expired on 2027-03-01: ");
    }

    @Test
    void forbiddenRangeThatCannotBeComparedFailsSafe() throws Exception {
        PolicyConfig c = config("forbidden-packages:\n  - {name: libreadline8, versions: \"<9\"}\n");
        ScanReport r = Policy.apply(PolicyFixtures.all(), c, Ignores.NONE, List.of(), TODAY, null, eco -> java.util.Optional.empty());
        assertThat(r.verdict().reasons()).singleElement().asString()
                .contains("libreadline8 8.2-1.3").contains("cannot be compared in Debian:12; counted as forbidden");
    }

    @Test
    void untrustedRegistryAndDisallowedBaseImage() throws Exception {
        PolicyConfig c = config("""
                trusted-registries: [docker.io, "*.corp.example"]
                allowed-base-images: ["cgr.dev/chainguard/*", "debian:12*"]
                require-digest-pinned-base: true
                """);
        ScanReport report = PolicyFixtures.all();
        ImageFacts quay = new ImageFacts("app", "quay.io/centos/centos:stream9", null, null);
        ScanReport r = apply(report, c, Ignores.NONE, List.of(), quay);
        assertThat(r.verdict().rule()).isEqualTo("trusted-registries, allowed-base-images, require-digest-pinned-base");
        assertThat(r.verdict().reasons()).containsExactly(
                "trusted-registries: the base image quay.io/centos/centos:stream9 comes from quay.io, which is not a trusted registry"
                        + " (docker.io, *.corp.example)",
                "allowed-base-images: the base image quay.io/centos/centos:stream9 is not one of the allowed base images"
                        + " (cgr.dev/chainguard/*, debian:12*)",
                "require-digest-pinned-base: the base image quay.io/centos/centos:stream9 is named by tag, not by digest"
                        + " (write FROM quay.io/centos/centos@sha256:…, as `drydock dockerfile --fix` can)");
        String pinned = "debian:12-slim@sha256:" + "ef".repeat(32);
        assertThat(apply(report, c, Ignores.NONE, List.of(), new ImageFacts("app", pinned, null, null)).verdict().passed()).isTrue();
        ImageFacts mirror = new ImageFacts("app", "mirror.corp.example/cgr.dev/chainguard/static@sha256:" + "ef".repeat(32), null, null);
        assertThat(apply(report, c, Ignores.NONE, List.of(), mirror).verdict().rule()).isEqualTo("allowed-base-images");
    }

    @Test
    void unknownBaseImageIsADiagnosticNotAPass() throws Exception {
        ScanReport r = apply(PolicyFixtures.all(), config("trusted-registries: [docker.io]\n"));
        assertThat(r.verdict().passed()).isTrue();
        assertThat(r.diagnostics()).anyMatch(d -> d.contains("base image is not known") && d.contains("trusted-registries"));
    }

    @Test
    void requireNonRoot() throws Exception {
        PolicyConfig c = config("require-non-root: true\n");
        ScanReport report = PolicyFixtures.report(HTTP2_RAPID_RESET);
        for (String user : List.of("", "root", "0", "0:0", "root:wheel")) {
            ScanReport r = apply(report, c, Ignores.NONE, List.of(), new ImageFacts(user, null, null, null));
            assertThat(r.verdict().rule()).as(user).isEqualTo("require-non-root");
        }
        assertThat(apply(report, c, Ignores.NONE, List.of(), new ImageFacts("", null, null, null)).verdict().reasons())
                .containsExactly("require-non-root: the image runs as root (no USER is set); add a USER with a non-zero uid");
        for (String user : List.of("app", "65532", "1000:1000", "nonroot:nonroot")) {
            assertThat(apply(report, c, Ignores.NONE, List.of(), new ImageFacts(user, null, null, null)).verdict().passed()).as(user).isTrue();
        }
        // Without the config, the image check's finding (Dockle's CIS-DI-0001) decides
        assertThat(apply(PolicyFixtures.report(ROOT), c).verdict().reasons()).containsExactly("require-non-root: The image runs as root (no USER)");
        ScanReport unknown = apply(report, c);
        assertThat(unknown.verdict().passed()).isTrue();
        assertThat(unknown.diagnostics()).contains("policy: the image's user is not known, so require-non-root was not checked");
        // a directory has no user
        ScanReport dir = apply(PolicyFixtures.report(Subject.directory("."), HTTP2_RAPID_RESET), c);
        assertThat(dir.verdict().passed()).isTrue();
        assertThat(dir.diagnostics()).isEmpty();
    }

    @Test
    void maxImageSize() throws Exception {
        ScanReport r = apply(PolicyFixtures.all(), config("max-image-size: 200MB\n"));
        assertThat(r.verdict().reasons()).containsExactly("max-image-size: the image is 240.0 MB uncompressed, more than the 200.0 MB allowed");
        assertThat(apply(PolicyFixtures.all(), config("max-image-size: 250MB\n")).verdict().passed()).isTrue();
    }

    @Test
    void deniedLicences() throws Exception {
        ScanReport r = apply(PolicyFixtures.all(), config("deny-licenses: [GPL-3.0-or-later, AGPL-3.0-only]\n"));
        // readline's GPL-3.0+ is GPL-3.0-or-later; "MIT OR AGPL-3.0-only" leaves MIT to choose
        assertThat(r.verdict().reasons()).containsExactly(
                "deny-licenses: libreadline8 8.2-1.3 (Debian:12) is under GPL-3.0+, which the policy denies (GPL-3.0+)");
        assertThat(apply(PolicyFixtures.all(), config("deny-licenses: [MIT, \"AGPL-*\"]\n")).verdict().reasons()).containsExactly(
                "deny-licenses: libnghttp2-14 1.52.0-1+deb12u1 (Debian:12) is under MIT, which the policy denies (MIT)",
                "deny-licenses: dual-licensed 1.0.0 (npm) is under MIT OR AGPL-3.0-only, which the policy denies (MIT)");
    }

    @Test
    void ruleOverridesMinSeverityIgnoreUnfixedAndScanners() throws Exception {
        PolicyConfig c = config("""
                fail-on: high
                min-severity: medium
                ignore-unfixed: true
                scanners: {secret: false}
                rules:
                  CVE-2021-44228: low
                  CIS-DI-0001:
                    disabled: true
                    reason: the entrypoint drops privileges with gosu
                """);
        ScanReport r = apply(PolicyFixtures.all(), c);
        assertThat(r.findings()).extracting(Finding::id).doesNotContain("aws-access-key-id");
        Finding log4shell = find(r, "CVE-2021-44228");
        assertThat(log4shell.severity().name()).isEqualTo("LOW");
        assertThat(log4shell.suppressed().reason()).isEqualTo("below min-severity medium");
        assertThat(find(r, "DI0001").suppressed().reason()).isEqualTo("rule DI0001 is switched off in the policy: the entrypoint drops privileges with gosu");
        assertThat(find(r, "DI0001").suppressed().source()).endsWith(".drydock.yaml:7");
        assertThat(find(r, "CVE-2022-0001").suppressed().reason()).isEqualTo("below min-severity medium");
        assertThat(r.verdict().reasons()).containsExactly("fail-on: high: 1 finding at HIGH or above (1 HIGH): CVE-2023-44487");
        ScanReport unfixed = apply(PolicyFixtures.report(READLINE_UNFIXED), config("ignore-unfixed: true\n"));
        assertThat(find(unfixed, "CVE-2022-0001").suppressed().reason()).isEqualTo("no fixed version yet (ignore-unfixed)");
    }

    @Test
    void aSuppressionTheScannerMadeIsKept() {
        Finding pre = SECRET.suppress(new Finding.Suppression("config", "allow-listed test key", null, "secret rules"));
        ScanReport r = apply(PolicyFixtures.report(pre), PolicyConfig.DEFAULT.withFailOn(dev.drydock.scan.Severity.LOW));
        assertThat(find(r, "aws-access-key-id").suppressed().reason()).isEqualTo("allow-listed test key");
        assertThat(r.verdict().passed()).isTrue();
    }

    @Test
    void manyFailuresAreCappedAndOutputIsSorted() throws Exception {
        ScanReport r = apply(PolicyFixtures.all(), config("forbidden-packages: [\"*\"]\nfail-on: low\n"));
        assertThat(r.verdict().rule()).isEqualTo("fail-on: low, forbidden-packages");
        assertThat(r.verdict().reasons()).hasSize(1 + 5);
        assertThat(r.findings()).isSortedAccordingTo(ScanReport.ORDER);
    }
}
