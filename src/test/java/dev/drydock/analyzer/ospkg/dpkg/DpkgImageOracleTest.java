package dev.drydock.analyzer.ospkg.dpkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.drydock.analyzer.Analysis;
import dev.drydock.analyzer.Analyzers;
import dev.drydock.analyzer.LayerCache;
import dev.drydock.analyzer.LayerResult;
import dev.drydock.analyzer.Package;
import dev.drydock.analyzer.PackageList;
import dev.drydock.analyzer.os.OperatingSystem;
import dev.drydock.analyzer.os.OsReleaseAnalyzer;
import dev.drydock.image.SourceOptions;
import dev.drydock.image.archive.BuildahImages;
import dev.drydock.layer.MergedView;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "must show": the debootstrapped bookworm root built into an image by buildah (FROM scratch, ADD of the
 * root, a RUN layer that changes files), read back through the docker-archive source and the layer walker; the dpkg
 * inventory equals {@code dpkg-query -W} on the root, package for package. The image is cached beside the root.
 */
public class DpkgImageOracleTest {

    static final Path WORK = Path.of(DebianRoot.ROOT + "-image");
    public static final Path ARCHIVE = WORK.resolve("image.docker.tar");

    @TempDir
    Path dir;

    @Test
    void imageInventoryEqualsDpkgQuery() throws Exception {
        String skip = DebianRoot.ensure();
        assumeTrue(skip == null, () -> "skipped: " + skip);
        assumeTrue(BuildahImages.onPath("buildah"), "skipped: buildah is not installed (run .ci/install-image-tools.sh)");
        buildImage();

        OsReleaseAnalyzer os = new OsReleaseAnalyzer();
        DpkgAnalyzer dpkg = new DpkgAnalyzer();
        DpkgFilesAnalyzer files = new DpkgFilesAnalyzer();
        LayerCache cache = new LayerCache(dir.resolve("cache"));
        Analysis cold = Analysis.of("docker-archive:" + ARCHIVE, null, Analyzers.of(List.of(os, dpkg, files)), cache,
                SourceOptions.defaults());
        // the second scan takes every result from the on-disk layer cache: they must survive the JSON round trip
        Analysis a = Analysis.of("docker-archive:" + ARCHIVE, null, Analyzers.of(List.of(os, dpkg, files)), cache,
                SourceOptions.defaults());
        assertThat(a.layers()).hasSize(2).allSatisfy(l -> assertThat(l.cached()).isTrue());
        assertThat(a.layers().get(0).results(dpkg)).isEqualTo(cold.layers().get(0).results(dpkg));
        assertThat(a.layers().get(0).results(files)).isEqualTo(cold.layers().get(0).results(files));

        PackageList status = null;
        if (a.view().resolve("var/lib/dpkg/status") instanceof MergedView.Found f) {
            for (LayerResult.Found<PackageList> r : a.layers().get(f.owned().layer()).results(dpkg)) {
                status = r.value();
            }
        }
        assertThat(status).isNotNull();
        List<DpkgFiles> lists = new ArrayList<>();
        for (LayerResult l : a.layers()) {
            l.results(files).forEach(r -> lists.add(r.value()));
        }
        PackageList inventory = DpkgFiles.attach(status, lists);

        Process p = new ProcessBuilder("dpkg-query", "--admindir=" + DebianRoot.ROOT.resolve("var/lib/dpkg"), "-W", "-f",
                "${Package} ${Version} ${Architecture} ${source:Package} ${source:Version}\\n").start();
        TreeSet<String> expected = new TreeSet<>(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .lines().toList());
        assertThat(p.waitFor()).isZero();
        TreeSet<String> actual = new TreeSet<>();
        for (Package pkg : inventory.packages()) {
            actual.add(pkg.name() + " " + pkg.version() + " " + pkg.arch() + " " + pkg.sourceName() + " "
                    + (pkg.sourceVersion() == null ? pkg.version() : pkg.sourceVersion()));
            assertThat(pkg.files()).as(pkg.name()).isNotEmpty();
        }
        assertThat(inventory.diagnostics()).isEmpty();
        assertThat(actual).hasSameSizeAs(expected).containsExactlyElementsOf(expected);

        OperatingSystem detected = os.identify(a.view(), a.layers()).orElseThrow();
        assertThat(detected.ecosystem()).isEqualTo("Debian:12");
        assertThat(detected.distroless()).isFalse();
    }

    public static synchronized void buildImage() throws Exception {
        String dockerfile = """
                FROM scratch
                ADD rootfs.tar /
                RUN rm -rf /usr/share/doc/* && echo drydock > /etc/drydock-test
                """;
        if (Files.exists(WORK.resolve("done")) && Files.readString(WORK.resolve("done")).equals(dockerfile)) {
            return;
        }
        BuildahImages.deleteTree(WORK);
        Path ctx = Files.createDirectories(WORK.resolve("ctx"));
        exec(List.of("tar", "-C", DebianRoot.ROOT.toString(), "--numeric-owner", "--exclude=./dev/*", "-cf",
                ctx.resolve("rootfs.tar").toString(), "."));
        Files.writeString(ctx.resolve("Dockerfile"), dockerfile);
        List<String> buildah = List.of("buildah", "--root", WORK.resolve("storage").toString(), "--runroot",
                WORK.resolve("run").toString(), "--storage-driver", "vfs");
        List<String> bud = new ArrayList<>(buildah);
        bud.addAll(List.of("bud", "--isolation", "chroot", "--layers", "-t", "drydock-bookworm", ctx.toString()));
        exec(bud);
        List<String> push = new ArrayList<>(buildah);
        push.addAll(List.of("push", "drydock-bookworm", "docker-archive:" + ARCHIVE + ":drydock-bookworm:latest"));
        exec(push);
        List<String> rmi = new ArrayList<>(buildah);
        rmi.addAll(List.of("rmi", "--all", "--force"));
        exec(rmi);
        BuildahImages.deleteTree(WORK.resolve("storage"));
        BuildahImages.deleteTree(ctx);
        Files.writeString(WORK.resolve("done"), dockerfile);
    }

    static void exec(List<String> cmd) throws Exception {
        Files.createDirectories(WORK);
        Path log = WORK.resolve("tools.log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + Files.readString(log));
        }
    }
}
