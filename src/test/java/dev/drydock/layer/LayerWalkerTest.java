package dev.drydock.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.DrydockException.InputException;
import dev.drydock.image.Digest;
import dev.drydock.image.TestImages;
import dev.drydock.image.TestImages.Compression;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LayerWalkerTest {

    static final String LONG = "usr/share/" + "very-long-directory-name/".repeat(8) + "file.txt"; // > 100 chars: PAX path

    static TestImages.LayerBuilder sample() {
        return TestImages.layer()
                .dir("etc").file("etc/os-release", "ID=alpine\n")
                .symlink("etc/mtab", "/proc/mounts")
                .hardlink("etc/hard", "etc/os-release")
                .charDevice("dev/null")
                .file(LONG, "long")
                .whiteout("var/old").opaque("opt")
                .file("./tmp/../root/x", "x");
    }

    static LayerContents walk(TestImages.LayerBuilder l, LayerWalker.Visitor v) {
        byte[] tar = l.tar();
        return LayerWalker.walk(new ByteArrayInputStream(l.blob()), 0, Digest.sha256Of(tar), "test layer", v);
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void recordsEveryKindOfEntryWhateverTheCompression(Compression c) {
        LayerContents lc = walk(sample().compression(c), LayerWalker.NOTHING);
        assertThat(lc.files()).extracting(FileInfo::path)
                .containsExactly("etc", "etc/os-release", "etc/mtab", "etc/hard", "dev/null", LONG, "root/x");
        assertThat(lc.files()).extracting(FileInfo::type).containsExactly(FileInfo.Type.DIRECTORY, FileInfo.Type.FILE,
                FileInfo.Type.SYMLINK, FileInfo.Type.HARDLINK, FileInfo.Type.CHAR_DEVICE, FileInfo.Type.FILE, FileInfo.Type.FILE);
        assertThat(lc.files().get(2).linkName()).isEqualTo("/proc/mounts");
        assertThat(lc.files().get(3).linkName()).isEqualTo("etc/os-release");
        assertThat(lc.whiteouts()).containsExactly("var/old");
        assertThat(lc.opaqueDirs()).containsExactly("opt");
        assertThat(lc.fileBytes()).isEqualTo(10 + 4 + 1);
        assertThat(lc.diagnostics()).isEmpty();
    }

    @Test
    void gnuLongNamesToo() throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(out)) {
            tar.setLongFileMode(org.apache.commons.compress.archivers.tar.TarArchiveOutputStream.LONGFILE_GNU);
            var e = new org.apache.commons.compress.archivers.tar.TarArchiveEntry(LONG);
            e.setSize(1);
            tar.putArchiveEntry(e);
            tar.write('a');
            tar.closeArchiveEntry();
        }
        byte[] tar = out.toByteArray();
        assertThat(new String(tar, 0, 13, StandardCharsets.US_ASCII)).isEqualTo("././@LongLink"); // the GNU form
        LayerContents lc = LayerWalker.walk(new ByteArrayInputStream(tar), 0, Digest.sha256Of(tar), "gnu", LayerWalker.NOTHING);
        assertThat(lc.files()).extracting(FileInfo::path).containsExactly(LONG);
    }

    @Test
    void offersWantedFilesAsBoundedStreams() {
        List<String> seen = new ArrayList<>();
        walk(sample(), new LayerWalker.Visitor() {
            @Override
            public boolean wants(FileInfo f) {
                return f.path().startsWith("etc/") || f.path().equals("root/x");
            }

            @Override
            public void visit(FileInfo f, InputStream content) throws IOException {
                seen.add(f.path() + "=" + new String(content.readAllBytes(), StandardCharsets.UTF_8).strip());
            }
        });
        // links and devices are never offered; a visitor reading to the end gets exactly the file
        assertThat(seen).containsExactly("etc/os-release=ID=alpine", "root/x=x");
    }

    @Test
    void entriesEscapingTheRootAreReportedAndIgnored() {
        LayerContents lc = walk(TestImages.layer().raw("../../etc/passwd", "evil").raw("/abs/file", "a")
                .raw("a/../../b", "b").file("ok", "fine").hardlink("h", "../../etc/shadow"), LayerWalker.NOTHING);
        assertThat(lc.files()).extracting(FileInfo::path).containsExactly("ok");
        assertThat(lc.diagnostics()).hasSize(4).anySatisfy(d -> assertThat(d).contains("'../../etc/passwd' escapes the root; ignored"))
                .anySatisfy(d -> assertThat(d).contains("'/abs/file' escapes the root"))
                .anySatisfy(d -> assertThat(d).contains("hardlink 'h' points outside the root"));
    }

    @Test
    void wrongDiffIdNamesBothDigests() {
        byte[] tar = sample().tar();
        Digest wrong = Digest.sha256Of("x".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> LayerWalker.walk(new ByteArrayInputStream(TestImages.compress(tar, Compression.GZIP)), 0, wrong,
                "img: layer 1", LayerWalker.NOTHING))
                .isInstanceOf(InputException.class).hasMessageContaining("img: layer 1")
                .hasMessageContaining("expected " + wrong).hasMessageContaining(Digest.sha256Of(tar).toString());
    }

    @Test
    void corruptGzipFailsCleanly() {
        byte[] gz = TestImages.compress(sample().tar(), Compression.GZIP);
        for (int i = 20; i < gz.length - 10; i += 7) {
            gz[i] ^= 0x5a;
        }
        assertThatThrownBy(() -> LayerWalker.walk(new ByteArrayInputStream(gz), 0, Digest.sha256Of(new byte[0]), "img: layer 1",
                LayerWalker.NOTHING)).isInstanceOf(InputException.class).hasMessageStartingWith("img: layer 1: ");
    }

    @Test
    void truncatedGzipFailsCleanly() {
        byte[] gz = TestImages.compress(sample().tar(), Compression.GZIP);
        byte[] cut = Arrays.copyOf(gz, gz.length / 2);
        assertThatThrownBy(() -> LayerWalker.walk(new ByteArrayInputStream(cut), 0, Digest.sha256Of(new byte[0]), "img: layer 1",
                LayerWalker.NOTHING)).isInstanceOf(InputException.class).hasMessageContaining("img: layer 1: truncated");
    }

    @Test
    void aHeaderClaimingTwoGigabytesInATinyFileFails() {
        // one 512-byte header saying 2 GB follow, then nothing: must not allocate or wait, just fail
        var e = new org.apache.commons.compress.archivers.tar.TarArchiveEntry("big.bin");
        e.setSize(2L << 30);
        byte[] header = new byte[512];
        e.writeEntryHeader(header);
        byte[] tiny = Arrays.copyOf(header, 1024);
        assertThatThrownBy(() -> LayerWalker.walk(new ByteArrayInputStream(tiny), 0, Digest.sha256Of(tiny), "img: layer 1",
                new LayerWalker.Visitor() {
                    @Override
                    public boolean wants(FileInfo f) {
                        return true;
                    }

                    @Override
                    public void visit(FileInfo f, InputStream content) throws IOException {
                        content.readNBytes(64 * 1024);
                    }
                })).isInstanceOf(InputException.class).hasMessageContaining("img: layer 1")
                .hasMessageContaining("runcated");
    }
}
