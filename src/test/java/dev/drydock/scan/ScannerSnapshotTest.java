package dev.drydock.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.drydock.image.SourceOptions;
import dev.drydock.image.TestImages;
import dev.drydock.match.TestVulnDbs;
import dev.drydock.vulndb.VulnDb;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The known answers the issue asks for, from the real advisory snapshot ({@code ../shared/vulndb}, imported by
 * drydock's own importer) and images built here: log4shell in a jar, an old Go toolchain's standard library, AlmaLinux 9
 * advisories over a real rpm database.
 */
class ScannerSnapshotTest {

    @TempDir
    static Path dir;
    static VulnDb db;

    @BeforeAll
    static void open() throws IOException {
        Path snapshot = TestVulnDbs.snapshotDb();
        db = snapshot == null ? null : VulnDb.open(snapshot);
    }

    @AfterAll
    static void close() {
        if (db != null) {
            db.close();
        }
    }

    static ScanReport scan(Path image) throws IOException {
        return new Scanner(Scanner.Options.defaults().withStore(db))
                .image("docker-archive:" + image, null, null, SourceOptions.defaults());
    }

    static byte[] jar(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(b)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return b.toByteArray();
    }

    static byte[] log4j(String version) throws IOException {
        return jar(Map.of("META-INF/MANIFEST.MF", ("Manifest-Version: 1.0\nImplementation-Title: Apache Log4j Core\n"
                        + "Implementation-Version: " + version + "\n").getBytes(StandardCharsets.UTF_8),
                "META-INF/maven/org.apache.logging.log4j/log4j-core/pom.properties",
                ("groupId=org.apache.logging.log4j\nartifactId=log4j-core\nversion=" + version + "\n").getBytes(StandardCharsets.UTF_8)));
    }

    static List<Finding> of(ScanReport r, String pkg, String version) {
        return r.findings().stream().filter(f -> f.vulnerability() != null && f.vulnerability().packageName().equals(pkg)
                && f.vulnerability().installedVersion().equals(version)).toList();
    }

    @Test
    void log4shellInAJarAndInAFatJar() throws Exception {
        assumeTrue(db != null, TestVulnDbs.snapshotMissing());
        // GitHub's own example of a leaked token shape, split so this file is not a finding itself
        String token = "ghp_" + "Vb6Nm3Tc8Ys5Gf0Je2UaQh7Zr2Lk9Wd4Xp1L";
        byte[] fat = jar(Map.of("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n".getBytes(StandardCharsets.UTF_8),
                "BOOT-INF/lib/log4j-core-2.12.1.jar", log4j("2.12.1")));
        Path image = TestImages.dockerArchive()
                .layer(TestImages.layer().file("etc/os-release", "ID=debian\nVERSION_ID=\"12\"\nPRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n"),
                        "ADD rootfs.tar.gz /")
                .layer(TestImages.layer().file("opt/app/lib/log4j-core-2.14.1.jar", log4j("2.14.1"))
                        .file("opt/app/app.jar", fat).file("opt/app/.env", "GITHUB_TOKEN=" + token + "\n"), "COPY app /opt/app")
                .layer(TestImages.layer().whiteout("opt/app/.env"), "RUN rm /opt/app/.env")
                .writeTo(dir.resolve("log4j.tar"));
        ScanReport r = scan(image);

        // GHSA-jfh8-c2jp-5v3q: 2.13.0 <= v < 2.15.0 fixed in 2.15.0; 2.4 <= v < 2.12.2 fixed in 2.12.2 (as the data says)
        Finding direct = of(r, "org.apache.logging.log4j:log4j-core", "2.14.1").stream()
                .filter(f -> f.id().equals("CVE-2021-44228")).findFirst().orElseThrow();
        assertThat(direct.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(direct.aliases()).containsExactly("GHSA-jfh8-c2jp-5v3q");
        assertThat(direct.vulnerability().fixedVersions()).containsExactly("2.15.0");
        assertThat(direct.vulnerability().status()).isEqualTo(Finding.Status.FIXED);
        assertThat(direct.vulnerability().cvssScore()).isEqualTo(10.0);
        assertThat(direct.vulnerability().knownExploited()).isTrue();
        assertThat(direct.target()).isEqualTo("opt/app/lib/log4j-core-2.14.1.jar");
        assertThat(direct.location().layerIndex()).isEqualTo(1);
        Finding nested = of(r, "org.apache.logging.log4j:log4j-core", "2.12.1").stream()
                .filter(f -> f.id().equals("CVE-2021-44228")).findFirst().orElseThrow();
        assertThat(nested.vulnerability().fixedVersions()).containsExactly("2.12.2");
        assertThat(nested.target()).isEqualTo("opt/app/app.jar");
        // CVE-2021-45046 (GHSA-7rjr-3q55-vv33) too, fixed in 2.16.0 for 2.14.1 and 2.12.2 for 2.12.1
        assertThat(of(r, "org.apache.logging.log4j:log4j-core", "2.14.1")).extracting(Finding::id)
                .contains("CVE-2021-45046");

        // the deleted .env is still in layer 2: a secret finding, redacted
        assertThat(r.findings()).filteredOn(f -> f.kind() == Finding.Kind.SECRET).singleElement().satisfies(f -> {
            assertThat(f.location().path()).isEqualTo("opt/app/.env");
            assertThat(f.location().layerIndex()).isEqualTo(1);
            assertThat(f.location().deletedInLayer()).isEqualTo(2);
            assertThat(f.description()).doesNotContain(token);
            assertThat(f.title()).doesNotContain(token);
        });
        assertThat(r.layers()).isNotNull();
        assertThat(r.layers().layers()).hasSize(3);
        assertThat(r.inventory().packages()).hasSize(2);
        assertThat(r.findings()).isSortedAccordingTo(ScanReport.ORDER);
    }

    @Test
    void goBinaryFromAnOldToolchainReportsStdlib() throws Exception {
        assumeTrue(db != null, TestVulnDbs.snapshotMissing());
        Path go = onPath("go");
        assumeTrue(go != null, "skipped: go is not installed (apt-get install golang-go)");
        Path src = Files.createDirectories(dir.resolve("gosrc"));
        Files.writeString(src.resolve("go.mod"), "module example.com/hello\n\ngo 1.19\n");
        Files.writeString(src.resolve("main.go"), "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"hi\") }\n");
        Path bin = dir.resolve("hello");
        run(src, List.of(go.toString(), "build", "-o", bin.toString(), "."));
        String version = run(src, List.of(go.toString(), "env", "GOVERSION")).strip(); // e.g. go1.19.8
        Path image = TestImages.dockerArchive()
                .layer(TestImages.layer().file("usr/local/bin/hello", Files.readAllBytes(bin), 0755), "COPY hello /usr/local/bin/")
                .writeTo(dir.resolve("go.tar"));
        ScanReport r = scan(image);
        List<Finding> stdlib = of(r, "stdlib", version.substring(2));
        assertThat(stdlib).as("stdlib findings for " + version).isNotEmpty();
        assertThat(stdlib).allSatisfy(f -> {
            assertThat(f.target()).isEqualTo("usr/local/bin/hello");
            assertThat(f.vulnerability().ecosystem()).isEqualTo("Go");
            assertThat(f.aliases()).anyMatch(a -> a.startsWith("GO-"));
        });
        if (version.startsWith("go1.19.")) {
            // GO-2023-2102 (HTTP/2 rapid reset): introduced 0, fixed 1.20.10; CVE-2023-39325 is in KEV
            assertThat(stdlib).filteredOn(f -> f.id().equals("CVE-2023-39325")).singleElement().satisfies(f -> {
                assertThat(f.vulnerability().fixedVersions()).containsExactly("1.20.10");
                assertThat(f.vulnerability().knownExploited()).isTrue();
            });
        }
        assertThat(r.diagnostics()).noneMatch(d -> d.contains("could not decide"));
    }

    @Test
    void almaLinux9AdvisoriesMatchAnRpmDatabase() throws Exception {
        assumeTrue(db != null, TestVulnDbs.snapshotMissing());
        assumeTrue(onPath("rpmbuild") != null && onPath("rpm") != null,
                "skipped: rpm and rpmbuild are not installed (run .ci/install-inventory-tools.sh)");
        Path top = Files.createDirectories(dir.resolve("rpm").resolve("SPECS"));
        // the source package openssl builds the binary openssl-libs, as in AlmaLinux 9.5
        Files.writeString(top.resolve("openssl.spec"), "Name: openssl\nEpoch: 1\nVersion: 3.2.2\nRelease: 6.el9_5\n"
                + "License: Apache-2.0\nSummary: test\nBuildArch: x86_64\n%description\ntest\n"
                + "%package libs\nSummary: libs\n%description libs\nlibs\n"
                + "%install\nmkdir -p %{buildroot}/usr/lib64\necho x > %{buildroot}/usr/lib64/libssl.so.3\n"
                + "%files libs\n/usr/lib64/libssl.so.3\n");
        Path rpmTop = top.getParent();
        run(rpmTop, List.of("rpmbuild", "-bb", "--nodeps", "--define", "_topdir " + rpmTop, "--define",
                "__os_install_post %{nil}", "--define", "debug_package %{nil}", top.resolve("openssl.spec").toString()));
        List<String> rpms = new ArrayList<>();
        try (var s = Files.walk(rpmTop.resolve("RPMS"))) {
            s.filter(p -> p.toString().endsWith(".rpm")).forEach(p -> rpms.add(p.toString()));
        }
        Path rpmdb = dir.resolve("rpmdb");
        run(rpmTop, List.of("rpm", "--initdb", "--dbpath", rpmdb.toString(), "--define", "_db_backend sqlite"));
        List<String> install = new ArrayList<>(List.of("rpm", "-i", "--nodeps", "--justdb", "--dbpath", rpmdb.toString(),
                "--define", "_db_backend sqlite"));
        install.addAll(rpms);
        run(rpmTop, install);
        Path image = TestImages.dockerArchive()
                .layer(TestImages.layer().file("etc/os-release", "NAME=\"AlmaLinux\"\nID=\"almalinux\"\nVERSION_ID=\"9.5\"\n"
                                + "PRETTY_NAME=\"AlmaLinux 9.5 (Teal Serval)\"\n")
                        .file("var/lib/rpm/rpmdb.sqlite", Files.readAllBytes(rpmdb.resolve("rpmdb.sqlite"))), "ADD rootfs /")
                .writeTo(dir.resolve("alma.tar"));
        ScanReport r = scan(image);
        assertThat(r.os().ecosystem()).isEqualTo("AlmaLinux:9");
        List<Finding> libs = of(r, "openssl-libs", "1:3.2.2-6.el9_5");
        // ALSA-2024:9333 is fixed in exactly this version: not reported. Every later openssl advisory is, once
        // (found by the binary name and again by the source name, reported once).
        assertThat(libs).extracting(Finding::id).containsExactlyInAnyOrder("ALSA-2025:1330", "ALSA-2025:21255",
                "ALSA-2026:1473", "ALSA-2026:19218", "ALSA-2026:22312", "ALSA-2026:25239");
        assertThat(libs).filteredOn(f -> f.id().equals("ALSA-2025:1330")).singleElement().satisfies(f -> {
            assertThat(f.vulnerability().fixedVersions()).containsExactly("1:3.2.2-6.el9_5.1");
            assertThat(f.severity()).isEqualTo(Severity.HIGH); // "Important: openssl security update"
            assertThat(f.vulnerability().severitySource()).isEqualTo("source");
            assertThat(f.target()).isEqualTo("almalinux 9.5 (rpm)");
        });
        assertThat(r.diagnostics()).noneMatch(d -> d.contains("could not decide"));
    }

    @Test
    void ubuntuSourcePackageFromADpkgDatabase() throws Exception {
        assumeTrue(db != null, TestVulnDbs.snapshotMissing());
        String status = "Package: libssl3\nStatus: install ok installed\nPriority: optional\nArchitecture: amd64\n"
                + "Source: openssl\nVersion: 3.0.2-0ubuntu1.10\nDescription: TLS\n\n"
                + "Package: openssl\nStatus: install ok installed\nArchitecture: amd64\nVersion: 3.0.2-0ubuntu1.14\n"
                + "Description: TLS tools\n\n";
        Path image = TestImages.dockerArchive()
                .layer(TestImages.layer().file("etc/os-release", "NAME=\"Ubuntu\"\nID=ubuntu\nVERSION_ID=\"22.04\"\n"
                                + "PRETTY_NAME=\"Ubuntu 22.04.3 LTS\"\n")
                        .file("var/lib/dpkg/status", status), "ADD rootfs /")
                .writeTo(dir.resolve("ubuntu.tar"));
        ScanReport r = scan(image);
        assertThat(r.os().ecosystem()).isEqualTo("Ubuntu:22.04:LTS");
        // canonical/ubuntu-security-notices CVE-2024-0727: openssl (source) fixed in 3.0.2-0ubuntu1.14 for 22.04
        assertThat(of(r, "libssl3", "3.0.2-0ubuntu1.10")).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo("CVE-2024-0727");
            assertThat(f.vulnerability().sourceName()).isEqualTo("openssl");
            assertThat(f.vulnerability().fixedVersions()).containsExactly("3.0.2-0ubuntu1.14");
            assertThat(f.vulnerability().cvssScore()).isEqualTo(5.5); // its CVSS 3.1 vector, before Ubuntu's "low"
            assertThat(f.target()).isEqualTo("ubuntu 22.04 (dpkg)");
        });
        assertThat(of(r, "openssl", "3.0.2-0ubuntu1.14")).isEmpty(); // the fixed version itself
    }

    static Path onPath(String name) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path p = Path.of(d.isEmpty() ? "." : d, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    static String run(Path cwd, List<String> command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true);
        pb.environment().put("GOCACHE", dir.resolve("gocache").toString());
        pb.environment().put("GOPATH", dir.resolve("gopath").toString());
        pb.environment().put("GOFLAGS", "-mod=mod");
        pb.environment().put("GOTOOLCHAIN", "local");
        pb.environment().put("GOPROXY", "off");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(command + " failed: " + out);
        }
        return out;
    }
}
