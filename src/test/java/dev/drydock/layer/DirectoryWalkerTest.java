package dev.drydock.layer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.image.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryWalkerTest {

    static final Digest ID = Digest.sha256Of("dir".getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path dir;

    /** Records every file offered, with its bytes. */
    static final class Recorder implements LayerWalker.Visitor {
        final List<String> seen = new ArrayList<>();

        @Override
        public boolean wants(FileInfo file) {
            return true;
        }

        @Override
        public void visit(FileInfo file, InputStream content) throws IOException {
            seen.add(file.path() + "=" + new String(content.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void entriesAreSortedSymlinksRecordedNotFollowedAndGitSkipped() throws IOException {
        Path root = Files.createDirectories(dir.resolve("root"));
        Files.writeString(root.resolve("b"), "2");
        Files.createDirectories(root.resolve("a/.git"));
        Files.writeString(root.resolve("a/.git/config"), "x");
        Files.writeString(root.resolve("a/z"), "1");
        Files.writeString(dir.resolve("outside"), "secret");
        Files.createSymbolicLink(root.resolve("c"), dir.resolve("outside"));
        Files.createSymbolicLink(root.resolve("loop"), root);
        Recorder r = new Recorder();
        LayerContents c = DirectoryWalker.walk(root, ID, r);
        assertThat(r.seen).containsExactly("a/z=1", "b=2");
        assertThat(c.files()).extracting(FileInfo::path).containsExactly("a", "a/z", "b", "c", "loop");
        assertThat(c.files().get(3).type()).isEqualTo(FileInfo.Type.SYMLINK);
        assertThat(c.files().get(3).linkName()).isEqualTo(dir.resolve("outside").toString());
        assertThat(c.diagnostics()).isEmpty();
    }

    @Test
    void depthAndEntryBoundsStopTheWalkWithADiagnostic() throws IOException {
        Path root = Files.createDirectories(dir.resolve("deep/1/2/3/4"));
        Files.writeString(root.resolve("f"), "x");
        LayerContents shallow = DirectoryWalker.walk(dir.resolve("deep"), ID, new Recorder(), 2, 1000);
        assertThat(shallow.files()).extracting(FileInfo::path).containsExactly("1", "1/2");
        assertThat(shallow.diagnostics()).singleElement().asString().contains("/1/2 is deeper than 2 levels");
        for (int i = 0; i < 5; i++) {
            Files.writeString(dir.resolve("deep/w" + i), "x");
        }
        LayerContents few = DirectoryWalker.walk(dir.resolve("deep"), ID, new Recorder(), 64, 3);
        assertThat(few.files()).hasSize(3);
        assertThat(few.diagnostics()).singleElement().asString().contains("more than 3 entries");
    }
}
