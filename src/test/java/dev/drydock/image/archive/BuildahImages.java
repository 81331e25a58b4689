package dev.drydock.image.archive;

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

/**
 * The real test image, built once per {@code target/} by buildah from a Dockerfile (FROM scratch, ADD of a generated
 * rootfs with a static busybox, RUN steps that delete, hardlink, symlink and overwrite) and written as docker-archive,
 * oci-archive and OCI layout, plus {@code umoci unpack} of it. Shared by the archive, registry and daemon tests. Needs
 * buildah, umoci and busybox-static ({@code .ci/install-image-tools.sh}); {@link #build()} says why when it cannot.
 */
public final class BuildahImages {

    private BuildahImages() {
    }

    public static final Path WORK = Path.of("target", "buildah-images").toAbsolutePath();
    private static String skip;
    private static boolean tried;

    public static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** Builds the image unless an earlier run did; returns why it cannot, or null when it is there. */
    public static synchronized String build() throws Exception {
        if (tried) {
            return skip;
        }
        tried = true;
        for (String tool : new String[] {"buildah", "umoci"}) {
            if (!onPath(tool)) {
                skip = tool + " is not installed (run .ci/install-image-tools.sh)";
                return skip;
            }
        }
        if (!Files.isExecutable(Path.of("/bin/busybox"))) {
            skip = "/bin/busybox (busybox-static) is not installed (run .ci/install-image-tools.sh)";
            return skip;
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
            return null; // built by an earlier run of this class in the same target/, from the same Dockerfile
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
        return null;
    }

    /** A root filesystem: static busybox as the shell, some files the Dockerfile changes later. */
    public static byte[] rootfs() throws IOException {
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

    /** Runs buildah on the test storage. */
    public static void run(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("buildah", "--root", WORK.resolve("storage").toString(), "--runroot",
                WORK.resolve("run").toString(), "--storage-driver", "vfs"));
        cmd.addAll(List.of(args));
        exec(cmd);
    }

    public static void exec(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(WORK.resolve("tools.log").toFile()).start();
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + Files.readString(WORK.resolve("tools.log")));
        }
    }

    public static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }

}
