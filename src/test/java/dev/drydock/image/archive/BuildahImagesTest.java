package dev.drydock.image.archive;

import dev.drydock.image.SourceOptions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.drydock.analyzer.AnalysisInput;
import dev.drydock.analyzer.Analysis;
import dev.drydock.analyzer.Analyzer;
import dev.drydock.analyzer.LayerResult;
import dev.drydock.image.Digest;
import dev.drydock.layer.FileInfo;
import dev.drydock.layer.LayerPaths;
import dev.drydock.layer.MergedView;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real images: built by buildah from a Dockerfile (FROM scratch, ADD of a generated rootfs with a static busybox, RUN
 * steps that delete, hardlink, symlink and overwrite), pushed as docker-archive, oci-archive and OCI layout; drydock's
 * merged tree must agree with {@code umoci unpack} of the same image, file by file and byte by byte. Needs buildah,
 * umoci and busybox-static ({@code .ci/install-image-tools.sh}); skipped with a message otherwise.
 */
class BuildahImagesTest {

    static final Path WORK = Path.of("target", "buildah-images").toAbsolutePath();
    static String skip;

    static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    @BeforeAll
    static void build() throws Exception {
        for (String tool : new String[] {"buildah", "umoci"}) {
            if (!onPath(tool)) {
                skip = tool + " is not installed (run .ci/install-image-tools.sh)";
                return;
            }
        }
        if (!Files.isExecutable(Path.of("/bin/busybox"))) {
            skip = "/bin/busybox (busybox-static) is not installed (run .ci/install-image-tools.sh)";
            return;
        }
        String dockerfile = """
                FROM scratch
                ADD rootfs.tar.gz /
                COPY big.bin /data/big.bin
                ENV GREETING=hello
                RUN rm /data/big.bin && rm -rf /opt/data && mkdir /opt/data && echo new > /opt/data/c \\
                 && ln /etc/passwd /etc/passwd.hard && ln -s ../etc/os-release /usr/osr && echo more >> /etc/motd
                RUN rm /etc/motd && mkdir -p /var/cache/app && echo cached > /var/cache/app/x
                LABEL maintainer=drydock
                CMD ["/bin/sh"]
                """;
        if (Files.exists(WORK.resolve("done")) && Files.readString(WORK.resolve("done")).equals(dockerfile)) {
            return; // built by an earlier run of this class in the same target/, from the same Dockerfile
        }
        deleteTree(WORK);
        Path ctx = Files.createDirectories(WORK.resolve("ctx"));
        Files.write(ctx.resolve("rootfs.tar.gz"), rootfs());
        Files.writeString(ctx.resolve("big.bin"), "0123456789".repeat(10_000));
        Files.writeString(ctx.resolve("Dockerfile"), dockerfile);
        String img = "drydock-test-image";
        run("bud", "--isolation", "chroot", "--layers", "-t", img, ctx.toString());
        run("push", img, "docker-archive:" + WORK.resolve("image.docker.tar") + ":" + img + ":latest");
        run("push", img, "oci-archive:" + WORK.resolve("image.oci.tar") + ":latest");
        run("push", img, "oci:" + WORK.resolve("layout") + ":latest");
        exec(List.of("umoci", "unpack", "--rootless", "--image", WORK.resolve("layout") + ":latest",
                WORK.resolve("bundle").toString()));
        Files.writeString(WORK.resolve("done"), dockerfile);
    }

    /** A root filesystem: static busybox as the shell, some files the Dockerfile changes later. */
    static byte[] rootfs() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(out))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (String d : new String[] {"bin", "etc", "opt", "opt/data", "usr", "usr/lib", "tmp"}) {
                TarArchiveEntry e = new TarArchiveEntry(d + "/");
                e.setMode(0755);
                tar.putArchiveEntry(e);
                tar.closeArchiveEntry();
            }
            TarArchiveEntry bb = new TarArchiveEntry(Path.of("/bin/busybox"), "bin/busybox", LinkOption.NOFOLLOW_LINKS);
            bb.setMode(0755);
            tar.putArchiveEntry(bb);
            Files.copy(Path.of("/bin/busybox"), tar);
            tar.closeArchiveEntry();
            for (String applet : new String[] {"sh", "rm", "mkdir", "ln", "echo"}) {
                TarArchiveEntry l = new TarArchiveEntry("bin/" + applet, TarArchiveEntry.LF_SYMLINK);
                l.setLinkName("busybox");
                tar.putArchiveEntry(l);
                tar.closeArchiveEntry();
            }
            Map<String, String> files = Map.of("etc/os-release", "ID=debian\nVERSION_ID=\"12\"\n", "etc/passwd", "root:x:0:0::/root:/bin/sh\n",
                    "etc/motd", "hi\n", "opt/data/a", "a\n", "opt/data/b", "b\n",
                    "usr/lib/" + "long-name-".repeat(12) + ".txt", "long\n");
            for (var f : new TreeMap<>(files).entrySet()) {
                byte[] b = f.getValue().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry e = new TarArchiveEntry(f.getKey());
                e.setSize(b.length);
                e.setMode(0644);
                tar.putArchiveEntry(e);
                tar.write(b);
                tar.closeArchiveEntry();
            }
        }
        return out.toByteArray();
    }

    static void run(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("buildah", "--root", WORK.resolve("storage").toString(), "--runroot",
                WORK.resolve("run").toString(), "--storage-driver", "vfs"));
        cmd.addAll(List.of(args));
        exec(cmd);
    }

    static void exec(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(WORK.resolve("tools.log").toFile()).start();
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + Files.readString(WORK.resolve("tools.log")));
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }

    /** Hashes every file, so the comparison with umoci covers bytes as well as names. */
    static final class Sha256 implements Analyzer<String> {
        @Override
        public String type() {
            return "test-sha256";
        }

        @Override
        public int version() {
            return 1;
        }

        @Override
        public Class<String> resultType() {
            return String.class;
        }

        @Override
        public boolean required(String path, FileInfo info) {
            return true;
        }

        @Override
        public long maxFileSize() {
            return 16 << 20;
        }

        @Override
        public String analyze(AnalysisInput in) throws IOException {
            return Digest.sha256Of(in.content().readAllBytes()).toString();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker-archive:image.docker.tar", "oci-archive:image.oci.tar", "oci:layout:latest", "image.docker.tar"})
    void mergedTreeAgreesWithUmoci(String ref) throws Exception {
        assumeTrue(skip == null, () -> "skipped: " + skip);
        String full = ref.contains(":") ? ref.replaceFirst(":", ":" + WORK + "/") : WORK.resolve(ref).toString();
        Sha256 sha = new Sha256();
        Analysis a = Analysis.of(full, null, List.of(sha), null, SourceOptions.defaults());
        assertThat(a.image().layers()).hasSize(4);
        // history has ENV, LABEL, CMD as empty layers; layers keep their own steps
        assertThat(a.image().layers().get(2).createdBy()).contains("rm /data/big.bin");
        assertThat(a.image().layers().get(3).createdBy()).contains("rm /etc/motd");
        assertThat(a.image().config().config().env()).contains("GREETING=hello");

        Map<String, String> ours = new TreeMap<>();
        for (MergedView.Owned o : a.view().files().values()) {
            FileInfo f = o.info();
            ours.put(f.path(), describe(f, a.layers().get(o.layer()), sha));
            for (String p = LayerPaths.parent(f.path()); !p.isEmpty(); p = LayerPaths.parent(p)) {
                ours.putIfAbsent(p, "dir");
            }
        }
        Map<String, String> umoci = new TreeMap<>();
        Path root = WORK.resolve("bundle/rootfs");
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.toList()) {
                if (p.equals(root)) {
                    continue;
                }
                String rel = root.relativize(p).toString();
                if (Files.isSymbolicLink(p)) {
                    umoci.put(rel, "symlink " + Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    umoci.put(rel, "dir");
                } else {
                    umoci.put(rel, "file " + Digest.sha256Of(Files.readAllBytes(p)));
                }
            }
        }
        assertThat(ours).isEqualTo(umoci);

        // the image's history still holds what later layers deleted: the secret scanner needs these
        assertThat(a.view().removed()).extracting(r -> r.info().path() + ":" + r.reason() + ":" + (r.byLayer() + 1))
                .contains("data/big.bin:DELETED:3", "opt/data/a:DELETED:3", "opt/data/b:DELETED:3", "etc/motd:OVERWRITTEN:3",
                        "etc/motd:DELETED:4");
        assertThat(a.view().files().get("etc/passwd.hard").info().type()).isIn(FileInfo.Type.HARDLINK, FileInfo.Type.FILE);
        assertThat(a.view().efficiency().wastedBytes()).isGreaterThanOrEqualTo(100_000);
    }

    private static String describe(FileInfo f, LayerResult layer, Sha256 sha) {
        return switch (f.type()) {
            case DIRECTORY -> "dir";
            case SYMLINK -> "symlink " + f.linkName();
            case HARDLINK -> "file " + hashOf(f.linkName(), layer, sha); // umoci materialises the link as the same file
            default -> "file " + hashOf(f.path(), layer, sha);
        };
    }

    private static String hashOf(String path, LayerResult layer, Sha256 sha) {
        return layer.results(sha).stream().filter(r -> r.path().equals(path)).map(LayerResult.Found::value).findFirst()
                .orElse(Digest.sha256Of(new byte[0]).toString()); // empty files are not offered to analyzers
    }
}
