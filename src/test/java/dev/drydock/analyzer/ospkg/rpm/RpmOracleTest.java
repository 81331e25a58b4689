package dev.drydock.analyzer.ospkg.rpm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.drydock.analyzer.Analysis;
import dev.drydock.analyzer.AnalysisInput;
import dev.drydock.analyzer.Analyzers;
import dev.drydock.analyzer.Package;
import dev.drydock.analyzer.PackageList;
import dev.drydock.analyzer.os.OsReleaseAnalyzer;
import dev.drydock.image.SourceOptions;
import dev.drydock.layer.FileInfo;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The oracle: Debian's rpm tools. Three packages are built with rpmbuild and installed with {@code rpm -i --justdb}
 * into a fresh SQLite database; the analyzer must agree with {@code rpm -qa} on it. The same header blobs are then
 * written into a Berkeley DB hash {@code Packages} by {@code db5.3_load} (libdb's own loader) and read back by rpm's
 * {@code bdb_ro} backend, so the BDB reader has a real oracle too. NDB cannot be produced by Debian's rpm (built
 * without it), so {@link NdbWriter} lays the same blobs out per rpm's rpmpkg.c. Last, the SQLite database goes into
 * a buildah-built image and is read back through the oci-archive source and the layer walker.
 */
class RpmOracleTest {

    static final String QF = "%{NAME} %{EPOCHNUM}:%{VERSION}-%{RELEASE} %{ARCH} %{SOURCERPM} %{LICENSE}"
            + " %{MODULARITYLABEL}\\n";

    @TempDir
    static Path dir;
    static Path sqliteDb;

    @BeforeAll
    static void build() throws Exception {
        if (!onPath("rpmbuild") || !onPath("rpm")) {
            return;
        }
        Path top = dir.resolve("top");
        Files.createDirectories(top.resolve("SPECS"));
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            many.append("/usr/share/drydock-data/file-with-a-longish-name-").append(i).append(".txt\n");
        }
        spec(top, "drydock-hello", "Epoch: 2\nVersion: 1.2\nRelease: 3.fc40\nLicense: MIT AND Apache-2.0\n"
                + "Vendor: Drydock Test\nBuildArch: x86_64\n", List.of("/usr/bin/hello", "/etc/hello/hello.conf"));
        spec(top, "drydock-data", "Version: 0.9~rc1\nRelease: 1\nLicense: GPL-2.0-or-later\nBuildArch: noarch\n",
                many.toString().lines().toList());
        spec(top, "drydock-mod", "Version: 10\nRelease: 1.module+el8\nLicense: BSD\nBuildArch: x86_64\n"
                + "ModularityLabel: nodejs:10:8000020190801:abc\n", List.of("/opt/mod/x"));
        List<String> rpms = new ArrayList<>();
        try (var s = Files.walk(top.resolve("RPMS"))) {
            s.filter(p -> p.toString().endsWith(".rpm")).forEach(p -> rpms.add(p.toString()));
        }
        assertThat(rpms).hasSize(3);
        sqliteDb = dir.resolve("db");
        run(List.of("rpm", "--initdb", "--dbpath", sqliteDb.toString(), "--define", "_db_backend sqlite"));
        List<String> install = new ArrayList<>(List.of("rpm", "-i", "--nodeps", "--justdb", "--dbpath",
                sqliteDb.toString(), "--define", "_db_backend sqlite"));
        install.addAll(rpms);
        run(install);
    }

    static void spec(Path top, String name, String header, List<String> files) throws Exception {
        StringBuilder install = new StringBuilder();
        for (String f : files) {
            install.append("mkdir -p %{buildroot}").append(f, 0, f.lastIndexOf('/')).append('\n')
                    .append("echo x > %{buildroot}").append(f).append('\n');
        }
        Path spec = top.resolve("SPECS").resolve(name + ".spec");
        Files.writeString(spec, "Name: " + name + "\n" + header + "Summary: test\n%description\ntest\n%install\n"
                + install + "%files\n" + String.join("\n", files) + "\n");
        run(List.of("rpmbuild", "-bb", "--nodeps", "--define", "_topdir " + top, "--define", "__os_install_post %{nil}",
                "--define", "debug_package %{nil}", spec.toString()));
    }

    @Test
    void sqliteEqualsRpmQa() throws Exception {
        assumeTrue(sqliteDb != null, "skipped: rpm and rpmbuild are not installed (run .ci/install-inventory-tools.sh)");
        TreeSet<String> expected = rpmQa(sqliteDb, "sqlite");
        PackageList list = analyze(sqliteDb.resolve("rpmdb.sqlite"), "var/lib/rpm/rpmdb.sqlite");
        assertThat(list.diagnostics()).isEmpty();
        assertThat(lines(list)).containsExactlyElementsOf(expected);
        assertThat(expected).hasSize(3);

        Package hello = list.packages().stream().filter(p -> p.name().equals("drydock-hello")).findFirst().orElseThrow();
        assertThat(hello.version()).isEqualTo("2:1.2-3.fc40");
        assertThat(hello.sourceName()).isEqualTo("drydock-hello");
        assertThat(hello.purl()).isEqualTo("pkg:rpm/drydock-hello@1.2-3.fc40?arch=x86_64&epoch=2");
        // rpm -ql lists the files (and nothing else for these packages)
        String ql = run(List.of("rpm", "-ql", "--dbpath", sqliteDb.toString(), "drydock-hello"));
        assertThat(hello.files()).containsExactlyInAnyOrderElementsOf(
                ql.lines().map(l -> l.substring(1)).toList());
        Package data = list.packages().stream().filter(p -> p.name().equals("drydock-data")).findFirst().orElseThrow();
        assertThat(data.files()).hasSize(300);
    }

    @Test
    void berkeleyDbEqualsRpmQa() throws Exception {
        assumeTrue(sqliteDb != null, "skipped: rpm and rpmbuild are not installed (run .ci/install-inventory-tools.sh)");
        assumeTrue(onPath("db5.3_load"), "skipped: db5.3_load is not installed (db5.3-util)");
        Path bdb = Files.createDirectories(dir.resolve("bdb"));
        StringBuilder dump = new StringBuilder("VERSION=3\nformat=bytevalue\ntype=hash\ndb_pagesize=4096\nHEADER=END\n");
        dump.append(" 00000000\n 04000000\n"); // rpm's key 0: the next header instance
        // 100 copies of each header under their own instance numbers: many buckets, split hash pages, long
        // overflow chains, as in a real RHEL database of a few hundred packages
        int instance = 1;
        for (int copy = 0; copy < 100; copy++) {
            for (byte[] blob : blobs()) {
                int n = instance++;
                dump.append(' ').append(HexFormat.of().formatHex(new byte[] {(byte) n, (byte) (n >> 8), 0, 0}))
                        .append('\n').append(' ').append(HexFormat.of().formatHex(blob)).append('\n');
            }
        }
        dump.append("DATA=END\n");
        Files.writeString(dir.resolve("dump.txt"), dump);
        run(List.of("db5.3_load", "-f", dir.resolve("dump.txt").toString(), bdb.resolve("Packages").toString()));

        List<String> expected = rpmQaAll(bdb, "bdb_ro");
        assertThat(expected).hasSize(300);
        assertThat(new TreeSet<>(expected)).isEqualTo(rpmQa(sqliteDb, "sqlite"));
        PackageList list = analyze(bdb.resolve("Packages"), "var/lib/rpm/Packages");
        assertThat(list.diagnostics()).isEmpty();
        assertThat(list.packages()).hasSize(300);
        List<String> actual = new ArrayList<>();
        for (Package p : list.packages()) {
            actual.addAll(lines(new PackageList(List.of(p), List.of())));
        }
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void ndbHoldsTheSamePackages() throws Exception {
        assumeTrue(sqliteDb != null, "skipped: rpm and rpmbuild are not installed (run .ci/install-inventory-tools.sh)");
        Path ndb = dir.resolve("Packages.db");
        Files.write(ndb, NdbWriter.write(blobs()));
        PackageList list = analyze(ndb, "usr/lib/sysimage/rpm/Packages.db");
        assertThat(list.diagnostics()).isEmpty();
        assertThat(lines(list)).containsExactlyElementsOf(rpmQa(sqliteDb, "sqlite"));
    }

    @Test
    void throughABuildahImage() throws Exception {
        assumeTrue(sqliteDb != null, "skipped: rpm and rpmbuild are not installed (run .ci/install-inventory-tools.sh)");
        assumeTrue(onPath("buildah"), "skipped: buildah is not installed (run .ci/install-image-tools.sh)");
        Path ctx = Files.createDirectories(dir.resolve("ctx"));
        Files.copy(sqliteDb.resolve("rpmdb.sqlite"), ctx.resolve("rpmdb.sqlite"));
        Files.writeString(ctx.resolve("os-release"), "NAME=\"Rocky Linux\"\nID=\"rocky\"\nID_LIKE=\"rhel centos fedora\"\n"
                + "VERSION_ID=\"9.3\"\n");
        Files.writeString(ctx.resolve("Dockerfile"), "FROM scratch\nCOPY os-release /etc/os-release\n"
                + "COPY rpmdb.sqlite /var/lib/rpm/rpmdb.sqlite\n");
        List<String> buildah = List.of("buildah", "--root", dir.resolve("storage").toString(), "--runroot",
                dir.resolve("run").toString(), "--storage-driver", "vfs");
        List<String> bud = new ArrayList<>(buildah);
        bud.addAll(List.of("bud", "--isolation", "chroot", "--layers", "-t", "drydock-rpm", ctx.toString()));
        run(bud);
        Path archive = dir.resolve("rpm.oci.tar");
        List<String> push = new ArrayList<>(buildah);
        push.addAll(List.of("push", "drydock-rpm", "oci-archive:" + archive + ":latest"));
        run(push);

        OsReleaseAnalyzer os = new OsReleaseAnalyzer();
        RpmAnalyzer rpm = new RpmAnalyzer();
        Analysis a = Analysis.of("oci-archive:" + archive, null, Analyzers.of(List.of(os, rpm)), null,
                SourceOptions.defaults());
        List<PackageList> found = new ArrayList<>();
        a.layers().forEach(l -> l.results(rpm).forEach(r -> found.add(r.value())));
        assertThat(found).singleElement().satisfies(l -> {
            assertThat(l.diagnostics()).isEmpty();
            assertThat(lines(l)).containsExactlyElementsOf(rpmQa(sqliteDb, "sqlite"));
        });
        assertThat(os.identify(a.view(), a.layers()).orElseThrow().ecosystem()).isEqualTo("Rocky Linux:9");
        List<String> rmi = new ArrayList<>(buildah);
        rmi.addAll(List.of("rmi", "--all", "--force"));
        run(rmi);
    }

    static List<byte[]> blobs() {
        return SqliteRpmdb.query(sqliteDb.resolve("rpmdb.sqlite"), "x").headers();
    }

    static TreeSet<String> lines(PackageList list) {
        TreeSet<String> out = new TreeSet<>();
        for (Package p : list.packages()) {
            String evr = p.version().contains(":") ? p.version() : "0:" + p.version();
            String srpm = p.sourceName() + "-" + (p.sourceVersion() == null ? p.version() : p.sourceVersion())
                    .replaceFirst("^\\d+:", "") + ".src.rpm";
            String mod = p.purl().contains("modularitylabel=")
                    ? java.net.URLDecoder.decode(p.purl().replaceFirst(".*modularitylabel=([^&]*).*", "$1"),
                    StandardCharsets.UTF_8) : "(none)";
            out.add(p.name() + " " + evr + " " + p.arch() + " " + srpm + " " + String.join(" ", p.licenses()) + " " + mod);
        }
        return out;
    }

    static TreeSet<String> rpmQa(Path db, String backend) throws Exception {
        return new TreeSet<>(run(List.of("rpm", "-qa", "--dbpath", db.toString(), "--define", "_db_backend " + backend,
                "--qf", QF.replace("\\n", "\n"))).lines().toList());
    }

    static List<String> rpmQaAll(Path db, String backend) throws Exception {
        return run(List.of("rpm", "-qa", "--dbpath", db.toString(), "--define", "_db_backend " + backend,
                "--qf", QF.replace("\\n", "\n"))).lines().toList();
    }

    static PackageList analyze(Path file, String path) throws Exception {
        RpmAnalyzer a = new RpmAnalyzer();
        FileInfo info = new FileInfo(path, FileInfo.Type.FILE, Files.size(file), 0644, 0, 0, "", 0);
        assertThat(a.required(path, info)).isTrue();
        try (InputStream in = Files.newInputStream(file)) {
            return a.analyze(new AnalysisInput(path, info, in, null));
        }
    }

    static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    static String run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", cmd)).isZero();
        return out;
    }
}
