package dev.drydock.report;

import dev.drydock.analyzer.Package;
import dev.drydock.analyzer.os.OperatingSystem;
import dev.drydock.layer.Efficiency;
import dev.drydock.layer.LayersReport;
import dev.drydock.scan.Finding;
import dev.drydock.scan.Finding.Location;
import dev.drydock.scan.Finding.Status;
import dev.drydock.scan.Finding.Suppression;
import dev.drydock.scan.Finding.Vulnerability;
import dev.drydock.scan.Inventory;
import dev.drydock.scan.ScanReport;
import dev.drydock.scan.Severity;
import dev.drydock.scan.Subject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One fixed scan report for every writer's golden file: a Debian 12 image with a Node app, as a full scan would
 * report it. Vulnerabilities are real advisories with the data OSV, Debian's tracker and CISA's KEV list give for them
 * (ids, CVSS vectors, fixed versions); packages, digests and sizes are made up but consistent.
 * <ul>
 *   <li>OS (dpkg) and npm vulnerabilities, with and without a fix, one in CISA KEV (CVE-2023-4911), one without a
 *       rating (a Debian TEMP id), one the distribution will not fix</li>
 *   <li>an AWS key in app/.env added in layer 3 and deleted in layer 4 (still extractable)</li>
 *   <li>image checks (root user, no HEALTHCHECK, apt lists left behind, ADD in history whose text carries markup: the
 *       HTML report must show it as text) and a Dockerfile lint finding with a line</li>
 *   <li>one finding suppressed by .drydockignore (reason, expiry) and one by an OpenVEX not_affected statement</li>
 *   <li>layers with wasted bytes, and a failing verdict with an expired ignore</li>
 * </ul>
 */
final class ScanReportFixture {

    static final String XSS = "<script>window.__xss=1</script>";
    static final String L1 = "sha256:1a4f3c1b8e0a2d7f6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a3928170611";
    static final String L2 = "sha256:2b5e4d2c9f1b3e8a7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a3928170622";
    static final String L3 = "sha256:3c6f5e3dab2c4f9b8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a39281733";
    static final String L4 = "sha256:4d7a6f4ebc3d5a0c9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a392844";

    /** SOURCE_DATE_EPOCH of the goldens: 2026-11-01T00:00:00Z. */
    static final Map<String, String> ENV = Map.of("SOURCE_DATE_EPOCH", "1793491200");

    private ScanReportFixture() {
    }

    static ReportSettings settings() {
        return ReportSettings.of(ENV, Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC));
    }

    static ScanReport report() {
        Subject subject = new Subject("docker-archive:build/shop-api.tar",
                "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                "sha256:60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752",
                List.of("registry.example.com/shop/api:latest"), "2026-10-30T09:12:44.123456789Z", "linux/amd64");
        OperatingSystem os = new OperatingSystem("debian", "12", "Debian GNU/Linux 12 (bookworm)", false, "Debian:12",
                "2028-06-30", "etc/os-release");
        List<Package> pkgs = new ArrayList<>(List.of(
                deb("curl", "7.88.1-10+deb12u5", "curl", L2, "curl"),
                deb("libc6", "2.36-9+deb12u1", "glibc", L1, "libc6"),
                deb("libssl3", "3.0.11-1~deb12u2", "openssl", L1, "libssl3"),
                deb("zlib1g", "1:1.2.13.dfsg-1", "zlib", L1, "zlib1g"),
                npm("express", "4.17.1", List.of("MIT")),
                npm("lodash", "4.17.20", List.of("MIT")),
                npm("minimist", "1.2.5", List.of("MIT"))));
        pkgs.sort(Inventory.ORDER);
        Inventory inventory = new Inventory(subject, os, pkgs, List.of());

        List<Finding> findings = List.of(
                vuln("CVE-2023-4911", List.of("DSA-5514-1"), Severity.HIGH,
                        "glibc: buffer overflow in ld.so leading to privilege escalation (Looney Tunables)",
                        "A buffer overflow was discovered in the GNU C Library's dynamic loader ld.so while processing the"
                                + " GLIBC_TUNABLES environment variable.",
                        "debian 12 (dpkg)", L1, "Debian:12", "libc6", "glibc", "2.36-9+deb12u1", List.of("2.36-9+deb12u3"),
                        Status.FIXED, "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", 7.8, true, "osv:Debian"),
                vuln("TEMP-0841856-B18BAF", List.of(), Severity.UNKNOWN,
                        "glibc: getaddrinfo may return stale results under memory pressure", null,
                        "debian 12 (dpkg)", L1, "Debian:12", "libc6", "glibc", "2.36-9+deb12u1", List.of(),
                        Status.AFFECTED, null, null, false, "osv:Debian"),
                vuln("CVE-2023-5363", List.of("DSA-5532-1"), Severity.HIGH,
                        "openssl: incorrect cipher key and IV length processing",
                        "Issue summary: A bug has been identified in the processing of key and initialisation vector (IV)"
                                + " lengths. This can lead to potential truncation or overruns during the initialisation of"
                                + " some symmetric ciphers.",
                        "debian 12 (dpkg)", L1, "Debian:12", "libssl3", "openssl", "3.0.11-1~deb12u2",
                        List.of("3.0.11-1~deb12u3"), Status.FIXED, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", 7.5,
                        false, "osv:Debian"),
                vuln("CVE-2023-45853", List.of(), Severity.CRITICAL,
                        "zlib: integer overflow and resultant heap-based buffer overflow in zipOpenNewFileInZip4_6",
                        "MiniZip in zlib through 1.3 has an integer overflow and resultant heap-based buffer overflow in"
                                + " zipOpenNewFileInZip4_64 via a long filename, comment, or extra field.",
                        "debian 12 (dpkg)", L1, "Debian:12", "zlib1g", "zlib", "1:1.2.13.dfsg-1", List.of(),
                        Status.WILL_NOT_FIX, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8, false, "osv:Debian"),
                vuln("CVE-2024-2398", List.of(), Severity.MEDIUM,
                        "curl: HTTP/2 push headers memory-leak",
                        "When an application tells libcurl it wants to allow HTTP/2 server push, and the amount of received"
                                + " headers for the push surpasses the maximum allowed limit (1000), libcurl aborts the server"
                                + " push without freeing all headers.",
                        "debian 12 (dpkg)", L2, "Debian:12", "curl", "curl", "7.88.1-10+deb12u5",
                        List.of("7.88.1-10+deb12u6"), Status.FIXED, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L", 5.3,
                        false, "osv:Debian")
                        .suppress(new Suppression("vex", "not_affected (vulnerable_code_not_in_execute_path): the image never"
                                + " enables HTTP/2 server push", null, "vex/shop-api.openvex.json")),
                vuln("CVE-2021-23337", List.of("GHSA-35jh-r3h4-6jhm"), Severity.HIGH,
                        "Command Injection in lodash",
                        "Lodash versions prior to 4.17.21 are vulnerable to Command Injection via the template function.",
                        "app/package-lock.json", L3, "npm", "lodash", null, "4.17.20", List.of("4.17.21"), Status.FIXED,
                        "CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H", 7.2, false, "osv:npm"),
                vuln("CVE-2021-44906", List.of("GHSA-xvch-5gv4-984h"), Severity.CRITICAL,
                        "Prototype Pollution in minimist",
                        "Minimist <=1.2.5 is vulnerable to Prototype Pollution via file index.js, function setKey()"
                                + " (lines 69-95).",
                        "app/package-lock.json", L3, "npm", "minimist", null, "1.2.5", List.of("1.2.6"), Status.FIXED,
                        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8, false, "osv:npm"),
                vuln("CVE-2024-29041", List.of("GHSA-rv95-896h-c2vc"), Severity.MEDIUM,
                        "Express.js Open Redirect in malformed URLs",
                        "Versions of Express.js prior to 4.19.2 and pre-release alpha and beta versions before 5.0.0-beta.3"
                                + " are affected by an open redirect vulnerability using malformed URLs.",
                        "app/package-lock.json", L3, "npm", "express", null, "4.17.1", List.of("4.19.2"), Status.FIXED,
                        "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:L/I:L/A:N", 6.1, false, "osv:npm")
                        .suppress(new Suppression("ignorefile", "express only answers internal health checks; res.location"
                                + " is never called with user input", "2026-12-31", ".drydockignore")),
                new Finding(Finding.Kind.SECRET, "aws-access-key-id", List.of(), Severity.CRITICAL,
                        "AWS access key ID (AKIA************MPLE)",
                        "An AWS access key ID in a file a later layer deleted: deleting a file in a later layer does not"
                                + " remove it from the image; anyone who pulls the image can extract it.",
                        "app/.env", new Location("app/.env", 3, 19, 2, L3, 3, null), null,
                        "Rotate the key now (it is in the image for good), then pass secrets at build time with"
                                + " RUN --mount=type=secret and never COPY them.",
                        List.of("https://docs.docker.com/build/building/secrets/"), null),
                check("DI0001", List.of("CIS-DI-0001", "CIS-4.1"), Severity.HIGH, "Image runs as root (no USER)",
                        "The image config sets no user, so processes run as root unless the runtime overrides it.",
                        Location.config("User"), "Add a non-root user and 'USER 10001' as the last USER instruction."),
                check("DI0002", List.of("CIS-DI-0006", "CIS-4.6"), Severity.LOW, "No HEALTHCHECK instruction",
                        "Without a HEALTHCHECK the runtime cannot tell a hung container from a healthy one.",
                        Location.config("Healthcheck"), "Add a HEALTHCHECK that probes the service, e.g."
                                + " HEALTHCHECK CMD [\"/app/healthcheck\"]."),
                new Finding(Finding.Kind.MISCONFIGURATION, "DI0006", List.of("DKL-DI-0005"), Severity.MEDIUM,
                        "Package manager indexes left behind: /var/lib/apt/lists (18.4 MB)",
                        "apt's package lists are only needed to install packages; left in the image they add size and"
                                + " date the image.", "layers",
                        new Location("var/lib/apt/lists", null, null, 1, L2, null, null), null,
                        "Run 'rm -rf /var/lib/apt/lists/*' in the same RUN as apt-get install.", List.of(), null),
                check("DI0007", List.of("CIS-4.9"), Severity.LOW, "ADD in history: ADD " + XSS + " /app/",
                        "ADD fetches URLs and unpacks archives implicitly; COPY does only what it says.",
                        Location.config("history[2]"), "Use COPY for local files, and curl plus checksum verification for URLs."),
                new Finding(Finding.Kind.LINT, "DL3007", List.of("DS001"), Severity.MEDIUM,
                        "Using latest is prone to errors if the image will ever update",
                        "FROM node:latest moves whenever the node image is updated, so builds are not reproducible.",
                        "Dockerfile", new Location("Dockerfile", 1, 1, null, null, null, null), null,
                        "Pin a version tag or, better, a digest: FROM node:20.18-bookworm-slim@sha256:…",
                        List.of("https://github.com/hadolint/hadolint/wiki/DL3007"), null));

        LayersReport layers = new LayersReport("docker-archive:build/shop-api.tar", "linux/amd64",
                subject.imageId(), null, "debian 12",
                List.of(new LayersReport.LayerRow(1, "sha256:a1e1", L1, "application/vnd.docker.image.rootfs.diff.tar.gzip",
                                29_151_232, 78_643_200, "/bin/sh -c #(nop) ADD file:4b03b5f551e3fbdf47ec609712007327 in / ",
                                4_213, 0, 0, true),
                        new LayersReport.LayerRow(2, "sha256:b2e2", L2, "application/vnd.docker.image.rootfs.diff.tar.gzip",
                                9_437_184, 24_117_248, "RUN /bin/sh -c apt-get update && apt-get install -y curl # buildkit",
                                612, 41, 0, true),
                        new LayersReport.LayerRow(3, "sha256:c3e3", L3, "application/vnd.docker.image.rootfs.diff.tar.gzip",
                                4_718_592, 15_728_640, "ADD " + XSS + " /app/ # buildkit", 2_961, 0, 0, true),
                        new LayersReport.LayerRow(4, "sha256:d4e4", L4, "application/vnd.docker.image.rootfs.diff.tar.gzip",
                                1_048_576, 3_145_728, "RUN /bin/sh -c rm -f /app/.env && npm ci --omit=dev # buildkit",
                                310, 12, 1, true)),
                new LayersReport.Totals(44_355_584, 121_634_816, 106_954_752, 42_991_616, 14_680_064, 0.8793, 0.3415, 7_843),
                List.of(new LayersReport.FileRow("/usr/lib/x86_64-linux-gnu/libcrypto.so.3", 4_709_016, 1),
                        new LayersReport.FileRow("/app/node_modules/.cache/bundle.js", 3_145_728, 4)),
                List.of(new Efficiency.Inefficiency("/var/lib/apt/lists", 2, 9_633_792),
                        new Efficiency.Inefficiency("/app/node_modules", 2, 4_194_304),
                        new Efficiency.Inefficiency("/app/.env", 2, 852_000)),
                List.of(), List.of());

        ScanReport.Verdict verdict = new ScanReport.Verdict(false, "fail-on: high",
                List.of("7 findings at or above high (fail-on: high): CVE-2021-44906, CVE-2023-45853, aws-access-key-id,"
                                + " CVE-2021-23337, CVE-2023-4911, CVE-2023-5363, DI0001",
                        "forbidden-packages: curl is forbidden by .drydock.yaml (line 12)"),
                List.of("CVE-2022-0778 (libssl3): ignore in .drydockignore expired on 2026-06-30"));
        return new ScanReport(ScanReport.SCHEMA_VERSION, subject, os, inventory, layers, List.of(),
                List.of("app/node_modules/.package-lock.json: lockfileVersion 3 read; packages without 'resolved' skipped (2)"),
                null).withFindings(findings).withVerdict(verdict);
    }

    private static Package deb(String name, String version, String source, String layer, String list) {
        return new Package("Debian:12", name, version,
                "pkg:deb/debian/" + name + "@" + version.replace(":", "%3A") + "?arch=amd64&distro=debian-12",
                source.equals(name) ? null : source, null, "amd64", List.of(), "var/lib/dpkg/status", layer, false, List.of(),
                List.of("usr/share/doc/" + list + "/copyright"));
    }

    private static Package npm(String name, String version, List<String> licences) {
        return new Package("npm", name, version, "pkg:npm/" + name + "@" + version, null, null, null, licences,
                "app/package-lock.json", L3, false, List.of(), List.of());
    }

    private static Finding vuln(String id, List<String> aliases, Severity sev, String title, String description,
                                String target, String layer, String ecosystem, String pkg, String source, String installed,
                                List<String> fixed, Status status, String vector, Double score, boolean kev,
                                String dataSource) {
        boolean npm = ecosystem.equals("npm");
        String purl = npm ? "pkg:npm/" + pkg + "@" + installed
                : "pkg:deb/debian/" + pkg + "@" + installed.replace(":", "%3A") + "?arch=amd64&distro=debian-12";
        String path = npm ? "app/package-lock.json" : "var/lib/dpkg/status";
        int layerIndex = layer.equals(L1) ? 0 : layer.equals(L2) ? 1 : 2;
        List<String> refs = new ArrayList<>();
        refs.add(id.startsWith("CVE-") ? "https://nvd.nist.gov/vuln/detail/" + id : "https://security-tracker.debian.org/tracker/" + id);
        if (!npm) {
            refs.add("https://security-tracker.debian.org/tracker/" + id);
        }
        aliases.stream().filter(a -> a.startsWith("GHSA-")).forEach(a -> refs.add("https://github.com/advisories/" + a));
        return new Finding(Finding.Kind.VULNERABILITY, id, aliases, sev, title, description, target,
                new Location(path, null, null, layerIndex, layer, null, null),
                new Vulnerability(ecosystem, pkg, source == null || source.equals(pkg) ? null : source, installed, fixed,
                        status, purl, vector, score, vector == null ? "none" : "cvss_v3", kev, dataSource),
                null, refs.stream().distinct().toList(), null);
    }

    private static Finding check(String id, List<String> aliases, Severity sev, String title, String description,
                                 Location location, String fix) {
        return new Finding(Finding.Kind.MISCONFIGURATION, id, aliases, sev, title, description, "image config", location,
                null, fix, List.of(), null);
    }
}
