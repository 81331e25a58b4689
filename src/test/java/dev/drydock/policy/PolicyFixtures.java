package dev.drydock.policy;

import dev.drydock.analyzer.Package;
import dev.drydock.analyzer.os.OperatingSystem;
import dev.drydock.layer.LayersReport;
import dev.drydock.scan.Finding;
import dev.drydock.scan.Inventory;
import dev.drydock.scan.ScanReport;
import dev.drydock.scan.Severity;
import dev.drydock.scan.Subject;
import dev.drydock.version.InvalidVersionException;
import dev.drydock.version.VersionScheme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A small, fixed scan report to apply policies to: a Debian 12 image with an HTTP/2 library, OpenSSL and a Java
 * application carrying Log4j 2.14.1, and the findings a scan of it gives (ids, versions and purls as Trivy and
 * drydock's inventory write them for debian:12 and log4j-core 2.14.1).
 */
final class PolicyFixtures {

    static final String DIGEST = "sha256:" + "ab".repeat(32);
    static final String CONFIG = "sha256:" + "cd".repeat(32);
    static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-23T11:00:00Z"), ZoneOffset.UTC);

    static final Package NGHTTP2 = pkg("Debian:12", "libnghttp2-14", "1.52.0-1+deb12u1", "nghttp2",
            "pkg:deb/debian/libnghttp2-14@1.52.0-1%2Bdeb12u1?arch=amd64&distro=debian-12", List.of("MIT"), "var/lib/dpkg/status");
    static final Package OPENSSL = pkg("Debian:12", "libssl3", "3.0.11-1~deb12u2", "openssl",
            "pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64&distro=debian-12", List.of("Apache-2.0"), "var/lib/dpkg/status");
    static final Package LOG4J = pkg("Maven", "org.apache.logging.log4j:log4j-core", "2.14.1", null,
            "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", List.of("Apache-2.0"), "app/lib/log4j-core-2.14.1.jar");
    static final Package READLINE = pkg("Debian:12", "libreadline8", "8.2-1.3", "readline",
            "pkg:deb/debian/libreadline8@8.2-1.3?arch=amd64&distro=debian-12", List.of("GPL-3.0+"), "var/lib/dpkg/status");
    static final Package MIXED = pkg("npm", "dual-licensed", "1.0.0", null, "pkg:npm/dual-licensed@1.0.0",
            List.of("MIT OR AGPL-3.0-only"), "app/package-lock.json");

    private PolicyFixtures() {
    }

    static Package pkg(String eco, String name, String version, String source, String purl, List<String> licenses, String path) {
        return new Package(eco, name, version, purl, source, null, "amd64", licenses, path, "sha256:" + "01".repeat(32), false,
                List.of(), List.of());
    }

    static Finding vuln(String id, List<String> aliases, Severity s, Package p, List<String> fixed) {
        return new Finding(Finding.Kind.VULNERABILITY, id, aliases, s, id + " in " + p.name(), null,
                p.ecosystem().startsWith("Debian") ? "debian 12 (dpkg)" : p.path(), Finding.Location.file(p.path(), null),
                new Finding.Vulnerability(p.ecosystem(), p.name(), p.sourceName(), p.version(), fixed,
                        fixed.isEmpty() ? Finding.Status.AFFECTED : Finding.Status.FIXED, p.purl(), null, null, "cvss_v3", false, "osv"),
                null, List.of(), null);
    }

    static final Finding HTTP2_RAPID_RESET = vuln("CVE-2023-44487", List.of("DSA-5540-1", "GHSA-qppj-fm5r-hxr3"), Severity.HIGH,
            NGHTTP2, List.of("1.52.0-1+deb12u2"));
    static final Finding LOG4SHELL = vuln("CVE-2021-44228", List.of("GHSA-jfh8-c2jp-5v3q"), Severity.CRITICAL, LOG4J, List.of("2.15.0"));
    static final Finding OPENSSL_PKCS12 = vuln("CVE-2024-0727", List.of(), Severity.MEDIUM, OPENSSL, List.of("3.0.13-1~deb12u1"));
    static final Finding READLINE_UNFIXED = vuln("CVE-2022-0001", List.of(), Severity.LOW, READLINE, List.of());
    static final Finding ROOT = new Finding(Finding.Kind.MISCONFIGURATION, "DI0001", List.of("CIS-DI-0001"), Severity.HIGH,
            "The image runs as root (no USER)", null, "image config", Finding.Location.config("User"), null,
            "Add a USER with a non-zero uid.", List.of(), null);
    static final Finding SECRET = new Finding(Finding.Kind.SECRET, "aws-access-key-id", List.of(), Severity.CRITICAL,
            "AWS access key id AKIA****************", null, "app/.env", Finding.Location.file("app/.env", 3), null, null,
            List.of(), null);

    static ScanReport report(Finding... findings) {
        return report(new Subject("registry.example.com/team/app:1.4", DIGEST, CONFIG, List.of("registry.example.com/team/app:1.4"),
                "2026-11-01T00:00:00Z", "linux/amd64"), findings);
    }

    static ScanReport report(Subject subject, Finding... findings) {
        OperatingSystem os = new OperatingSystem("debian", "12", "Debian GNU/Linux 12 (bookworm)", false, "Debian:12",
                "2028-06-30", "etc/os-release");
        Inventory inv = new Inventory(subject, os, List.of(LOG4J, NGHTTP2, OPENSSL, READLINE, MIXED), List.of());
        LayersReport layers = new LayersReport(subject.name(), "linux/amd64", CONFIG, DIGEST, os.name(), List.of(),
                new LayersReport.Totals(90_000_000L, 240_000_000L, 230_000_000L, 100_000_000L, 10_000_000L, 0.96, 0.1, 4000),
                List.of(), List.of(), List.of(), List.of());
        return new ScanReport(ScanReport.SCHEMA_VERSION, subject, os, inv, layers, List.of(), List.of(), null)
                .withFindings(List.of(findings));
    }

    static ScanReport all() {
        return report(HTTP2_RAPID_RESET, LOG4SHELL, OPENSSL_PKCS12, READLINE_UNFIXED, ROOT, SECRET);
    }

    /**
     * Dotted numeric versions with a Debian-ish revision ignored past the first non-digit: enough to test ranges and
     * version-aware matching without depending on the scheme engineers' classes (the real ones plug in through
     * VersionSchemes).
     */
    static final VersionScheme DOTTED = new VersionScheme() {
        @Override
        public String name() {
            return "dotted";
        }

        @Override
        public int compare(String a, String b) {
            String[] x = numbers(a);
            String[] y = numbers(b);
            for (int i = 0; i < Math.max(x.length, y.length); i++) {
                long p = i < x.length ? Long.parseLong(x[i]) : 0;
                long q = i < y.length ? Long.parseLong(y[i]) : 0;
                if (p != q) {
                    return Long.compare(p, q);
                }
            }
            return 0;
        }

        private String[] numbers(String v) {
            String head = v.split("[^0-9.]", 2)[0];
            if (head.isEmpty() || !head.matches("[0-9]+(\\.[0-9]+)*")) {
                throw new InvalidVersionException("dotted", v, "not dotted numbers");
            }
            return head.split("\\.");
        }
    };

    static final Function<String, Optional<VersionScheme>> SCHEMES = eco -> Optional.of(DOTTED);

    static Path write(Path dir, String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    /** ../shared, or the drydock.shared system property. */
    static Path shared() {
        return Path.of(System.getProperty("drydock.shared", "../shared"));
    }
}
