package dev.drydock.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.drydock.DrydockException.InputException;
import dev.drydock.analyzer.Analyzer;
import dev.drydock.analyzer.LayerCache;
import dev.drydock.analyzer.Package;
import dev.drydock.image.Digest;
import dev.drydock.image.SourceOptions;
import dev.drydock.image.TestImages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The merge semantics of the inventory, on images built by TestImages and the two test analyzers. */
class InventoryTest {

    static final String DEBIAN = "ID=debian\nVERSION_ID=\"12\"\nVERSION_CODENAME=bookworm\n";

    @TempDir
    Path dir;

    final InventoryScanner scanner = new InventoryScanner(List.<Analyzer<?>>of(new TestPackageAnalyzers.Status(),
            new TestPackageAnalyzers.Lock()));

    Inventory scan(TestImages.ImageBuilder image) throws IOException {
        Path p = image.writeTo(dir.resolve("img-" + System.nanoTime() + ".tar"));
        return scanner.image(p.toString(), null, null, SourceOptions.defaults());
    }

    static List<Digest> diffIds(TestImages.LayerBuilder... layers) {
        return java.util.Arrays.stream(layers).map(l -> Digest.sha256Of(l.tar())).toList();
    }

    @Test
    void aDatabaseRewrittenByALaterLayerCountsFromTheLaterCopyAndPackagesKeepTheirFirstLayer() throws IOException {
        var base = TestImages.layer().file("etc/os-release", DEBIAN).file("var/lib/dpkg/status", "base-files 12.4\nlibc6 2.36-9\n");
        var upgrade = TestImages.layer().file("var/lib/dpkg/status", "base-files 12.4\nlibc6 2.36-9+deb12u4\ncurl 7.88.1-10\n");
        var unrelated = TestImages.layer().file("app/x", "y");
        List<Digest> ids = diffIds(base, upgrade, unrelated);
        Inventory inv = scan(TestImages.dockerArchive().layer(base).layer(upgrade).layer(unrelated));

        assertThat(inv.packages()).extracting(Package::name, Package::version, Package::layer).containsExactly(
                tuple("base-files", "12.4", ids.get(0).toString()),
                tuple("curl", "7.88.1-10", ids.get(1).toString()),
                tuple("libc6", "2.36-9+deb12u4", ids.get(1).toString())); // an upgrade is a new package: the layer that upgraded it
        assertThat(inv.os().id()).isEqualTo("debian");
        assertThat(inv.packages()).allSatisfy(p -> assertThat(p.ecosystem()).isEqualTo("Debian:12"));
        assertThat(inv.packages().get(1).purl()).isEqualTo("pkg:deb/debian/curl@7.88.1-10?arch=amd64&distro=debian-12");
        assertThat(inv.diagnostics()).isEmpty();
    }

    @Test
    void aDeletedLockfileDropsOutAndOneDeletedThenReAddedBelongsToTheLayerThatReAddedIt() throws IOException {
        var l1 = TestImages.layer().file("app/lock.txt", "left-pad 1.3.0\n").file("srv/lock.txt", "express 4.18.2\n");
        var l2 = TestImages.layer().whiteout("app/lock.txt").opaque("srv");
        var l3 = TestImages.layer().file("srv/lock.txt", "express 4.18.2\n");
        List<Digest> ids = diffIds(l1, l2, l3);
        Inventory inv = scan(TestImages.dockerArchive().layer(l1).layer(l2).layer(l3));
        assertThat(inv.packages()).extracting(Package::name, Package::layer, Package::path)
                .containsExactly(tuple("express", ids.get(2).toString(), "srv/lock.txt"));
    }

    @Test
    void languagePackagesInFilesAnOsPackageOwnsAreLeftOut() throws IOException {
        Inventory inv = scan(TestImages.dockerArchive()
                .layer(TestImages.layer().file("etc/os-release", DEBIAN)
                        .file("var/lib/dpkg/status", "node-semver 7.3.8 /usr/share/nodejs/semver/lock.txt /usr/share/doc/x\n"))
                .layer(TestImages.layer().file("usr/share/nodejs/semver/lock.txt", "semver 7.3.8\n")
                        .file("app/lock.txt", "semver 7.5.4 dev-tool\ndev-tool 1.0.0\n")));
        assertThat(inv.packages()).extracting(Package::ecosystem, Package::name, Package::version, Package::dev).containsExactly(
                tuple("Debian:12", "node-semver", "7.3.8", false),
                tuple("npm", "dev-tool", "1.0.0", true),
                tuple("npm", "semver", "7.5.4", false));
    }

    @Test
    void versionlessOsEntriesThatOnlyListFilesJoinThePackageOfThatName() throws IOException {
        // the status line "python3-yaml 6.0" owns nothing; a separate "python3-yaml -" entry lists its files, as an
        // analyzer of /var/lib/dpkg/info/python3-yaml.list would report them one file at a time
        Inventory inv = scan(TestImages.dockerArchive()
                .layer(TestImages.layer().file("etc/os-release", DEBIAN)
                        .file("var/lib/dpkg/status", "python3-yaml 6.0\npython3-yaml - /usr/lib/python3/dist-packages/lock.txt\n")
                        .file("usr/lib/python3/dist-packages/lock.txt", "pyyaml 6.0\n")));
        assertThat(inv.packages()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("python3-yaml");
            assertThat(p.files()).containsExactly("/usr/lib/python3/dist-packages/lock.txt");
        });
    }

    @Test
    void withoutAnOsReleaseOsPackagesKeepTheNeutralEcosystemAndSaySo() throws IOException {
        Inventory inv = scan(TestImages.dockerArchive()
                .layer(TestImages.layer().file("var/lib/dpkg/status", "zlib1g 1:1.2.13\n!\n")));
        assertThat(inv.os()).isNull();
        assertThat(inv.packages()).singleElement().satisfies(p -> {
            assertThat(p.ecosystem()).isEqualTo("dpkg");
            assertThat(p.purl()).isEqualTo("pkg:deb/zlib1g@1:1.2.13?arch=amd64");
        });
        assertThat(inv.diagnostics()).containsExactly("/var/lib/dpkg/status: bad line",
                "1 OS package(s) keep their package manager's name as ecosystem: no /etc/os-release nor /usr/lib/os-release was found");
    }

    @Test
    void cachedLayersGiveTheSameInventory() throws IOException {
        Path img = TestImages.dockerArchive()
                .layer(TestImages.layer().file("etc/os-release", "ID=alpine\nVERSION_ID=3.20.3\n").file("var/lib/dpkg/status", "musl 1.2.5-r0\n"))
                .layer(TestImages.layer().file("app/lock.txt", "react 18.3.1\n"))
                .writeTo(dir.resolve("cached.tar"));
        LayerCache cache = new LayerCache(dir.resolve("cache"));
        Inventory cold = scanner.image(img.toString(), null, cache, SourceOptions.defaults());
        Inventory warm = scanner.image(img.toString(), null, cache, SourceOptions.defaults());
        assertThat(warm).isEqualTo(cold);
        assertThat(cold.packages()).extracting(Package::ecosystem).containsExactly("Alpine:v3.20", "npm");
    }

    @Test
    void aDirectoryIsScannedAsOneLayerWithoutFollowingSymlinksOutOfItNorEnteringGit() throws IOException {
        Path root = Files.createDirectories(dir.resolve("project"));
        Files.writeString(root.resolve("lock.txt"), "lodash 4.17.21\n");
        Files.createDirectories(root.resolve(".git/x"));
        Files.writeString(root.resolve(".git/x/lock.txt"), "ignored 1.0.0\n");
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("lock.txt"), "secret 6.6.6\n");
        Files.createSymbolicLink(root.resolve("link"), outside);
        Files.createSymbolicLink(root.resolve("sub-lock.txt"), outside.resolve("lock.txt"));
        Inventory inv = scanner.directory(root);
        assertThat(inv.subject().isDirectory()).isTrue();
        assertThat(inv.packages()).extracting(Package::name, Package::path, Package::layer)
                .containsExactly(tuple("lodash", "lock.txt", null));
        assertThatThrownBy(() -> scanner.directory(dir.resolve("missing"))).isInstanceOf(InputException.class)
                .hasMessageContaining("no such directory");
        assertThat(Files.readString(outside.resolve("lock.txt"), StandardCharsets.UTF_8)).contains("secret");
    }

    @Test
    void distrosMapToOsvEcosystems() {
        record Row(String id, String version, String ecosystem, String distro) {
        }
        List<Row> rows = List.of(
                new Row("debian", "12", "Debian:12", "debian-12"),
                new Row("debian", "11.9", "Debian:11", "debian-11.9"),
                new Row("ubuntu", "22.04", "Ubuntu:22.04:LTS", "ubuntu-22.04"),
                new Row("alpine", "3.20.3", "Alpine:v3.20", "alpine-3.20.3"),
                new Row("rhel", "9.4", "Red Hat", "rhel-9.4"), // UBI says ID=rhel too
                new Row("rocky", "9.3", "Rocky Linux:9", "rocky-9.3"),
                new Row("almalinux", "9.3", "AlmaLinux:9", "almalinux-9.3"),
                new Row("sles", "15.5", "SUSE:Linux Enterprise Server 15 SP5", "sles-15.5"),
                new Row("wolfi", "20230201", "Wolfi", "wolfi-20230201"),
                new Row("chainguard", "", "Chainguard", "chainguard"));
        for (Row r : rows) {
            assertThat(Distro.of(os(r.id, r.version, null, null, null)))
                    .as(r.id + " " + r.version).get()
                    .satisfies(d -> {
                        assertThat(d.ecosystem()).isEqualTo(r.ecosystem);
                        assertThat(d.purlDistro()).isEqualTo(r.distro);
                    });
        }
        assertThat(Distro.of(os("plan9", "4", null, null, null))).isEmpty();
        Package rpm = new Package("rpm", "openssl-libs", "1:3.0.7-27.el9", null, "openssl", null, "x86_64", List.of(),
                "var/lib/rpm/rpmdb.sqlite", null, false, List.of(), List.of());
        assertThat(Distro.of(os("rhel", "9.4", null, null, null)).orElseThrow().apply(rpm).purl())
                .isEqualTo("pkg:rpm/redhat/openssl-libs@3.0.7-27.el9?arch=x86_64&distro=rhel-9.4&epoch=1");
        Package withPurl = new Package("rpm", "bash", "5.1.8-9.el9", "pkg:rpm/bash@5.1.8-9.el9?arch=aarch64", "bash", null,
                "aarch64", List.of(), "var/lib/rpm/rpmdb.sqlite", null, false, List.of(), List.of());
        assertThat(Distro.of(os("rocky", "9.3", null, null, null)).orElseThrow().apply(withPurl))
                .satisfies(p -> {
                    assertThat(p.ecosystem()).isEqualTo("Rocky Linux:9");
                    assertThat(p.purl()).isEqualTo("pkg:rpm/rocky/bash@5.1.8-9.el9?arch=aarch64&distro=rocky-9.3");
                });
    }

    private static dev.drydock.analyzer.os.OperatingSystem os(String id, String version, String codename, String pretty,
                                                             java.util.List<String> like) {
        return dev.drydock.analyzer.os.OperatingSystem.of(
                new dev.drydock.analyzer.os.OsRelease(id, version, codename, pretty, like), false, "etc/os-release");
    }
}
