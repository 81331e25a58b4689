package dev.drydock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drydock.image.TestImages;
import java.io.ByteArrayOutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code drydock layers} and {@code drydock cache clean} in one JVM: output, gates, and bad input without stack traces. */
class LayersCommandTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final CapturedOutput io = new CapturedOutput();
    private final ByteArrayOutputStream out = io.out();
    private final ByteArrayOutputStream err = io.err();

    int run(String... args) {
        out.reset();
        err.reset();
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--cache-dir";
        all[args.length + 1] = dir.resolve("cache").toString();
        return Main.run(all);
    }

    String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** 1 MB written, then overwritten with 1 MB, then deleted: dive would call 2 MB wasted. */
    Path wasteful() throws Exception {
        return TestImages.dockerArchive()
                .layer(TestImages.layer().file("etc/os-release", "ID=debian\nVERSION_ID=12\n"), "ADD rootfs.tar.gz /")
                .emptyStep("ENV X=1")
                .layer(TestImages.layer().file("big", new byte[1_000_000]), "RUN make big")
                .layer(TestImages.layer().file("big", new byte[1_000_000]).whiteout("etc/gone"), "RUN make big again")
                .layer(TestImages.layer().whiteout("big"), "RUN rm big")
                .writeTo(dir.resolve("img.tar"));
    }

    @Test
    void tableShowsLayersHistoryAndWaste() throws Exception {
        Path img = wasteful();
        assertThat(run("layers", img.toString())).isEqualTo(0);
        assertThat(stdout()).contains("(linux/amd64, debian 12)").contains("RUN make big again").contains("RUN rm big")
                .doesNotContain("ENV X=1").contains("Wasted: 2.0 MB").contains("/big");
    }

    @Test
    void jsonAndGates() throws Exception {
        Path img = wasteful();
        int code = run("layers", "-f", "json", "docker-archive:" + img, "--highest-wasted-bytes", "1MB", "--lowest-efficiency", "0.00001",
                "--highest-user-wasted-percent", "1");
        assertThat(code).isEqualTo(1);
        JsonNode j = new ObjectMapper().readTree(stdout());
        assertThat(j.at("/totals/wastedBytes").asLong()).isEqualTo(2_000_000);
        assertThat(j.at("/layers/2/modified").asInt()).isEqualTo(1);
        assertThat(j.at("/layers/3/removed").asInt()).isEqualTo(1);
        assertThat(j.at("/layers/3/createdBy").asText()).isEqualTo("RUN rm big");
        // efficiency: os-release's 24 bytes over 24 + 2 MB (big's two copies; its whiteout weighs 0) = 0.000012
        assertThat(j.at("/totals/efficiency").asDouble()).isBetween(0.0000119, 0.0000121);
        assertThat(j.at("/gates/0/passed").asBoolean()).isTrue();
        assertThat(j.at("/gates/1/name").asText()).isEqualTo("highest-wasted-bytes");
        assertThat(j.at("/gates/1/passed").asBoolean()).isFalse();
        assertThat(run("layers", img.toString(), "--highest-wasted-bytes", "2MiB")).isEqualTo(0);
    }

    @Test
    void badInputIsExitThreeWithAMessageAndNoStackTrace() throws Exception {
        Path img = wasteful();
        try (RandomAccessFile f = new RandomAccessFile(img.toFile(), "rw")) {
            f.setLength(f.length() / 3);
        }
        assertThat(run("layers", "--no-cache", img.toString())).isEqualTo(3);
        assertThat(stderr()).startsWith("drydock: " + img).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(run("layers", dir.resolve("missing.tar").toString())).isEqualTo(3);
        assertThat(stderr()).contains("missing.tar: no such file or directory");
        Path traversal = TestImages.dockerArchive().layer(TestImages.layer().raw("../../etc/passwd", "x").file("ok", "y"))
                .writeTo(dir.resolve("traversal.tar"));
        assertThat(run("layers", traversal.toString())).isEqualTo(0);
        assertThat(stdout()).contains("'../../etc/passwd' escapes the root; ignored");
        // a symlink loop is legal content (the kernel answers ELOOP): reported, never a crash
        Path loop = TestImages.dockerArchive().layer(TestImages.layer().symlink("a", "b").symlink("b", "/a"))
                .writeTo(dir.resolve("loop.tar"));
        assertThat(run("layers", loop.toString())).isEqualTo(0);
        assertThat(stdout()).contains("symlink loop resolving /a: /a -> /b -> /a");
        Path badDigest = TestImages.ociArchive().layer(TestImages.layer().file("f", "x")).wrongBlobDigest(0)
                .writeTo(dir.resolve("digest.tar"));
        assertThat(run("layers", "--no-cache", badDigest.toString())).isEqualTo(3);
        assertThat(stderr()).contains("digest mismatch: expected sha256:").contains("but the content hashes to sha256:")
                .doesNotContain("\tat ");
        assertThat(run("layers", "x.tar", "--platform", "linux")).isEqualTo(2);
        assertThat(run("layers", img.toString(), "--lowest-efficiency", "2")).isEqualTo(2);
    }

    @Test
    void cacheClean() throws Exception {
        Path img = wasteful();
        assertThat(run("layers", img.toString())).isEqualTo(0);
        assertThat(run("cache", "clean")).isEqualTo(0);
        assertThat(stdout()).contains("removed 4 cached file(s)");
    }
}
