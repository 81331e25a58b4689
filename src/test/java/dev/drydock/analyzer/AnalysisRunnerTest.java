package dev.drydock.analyzer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.analyzer.os.OsRelease;
import dev.drydock.analyzer.os.OsReleaseAnalyzer;
import dev.drydock.image.SourceOptions;
import dev.drydock.image.TestImages;
import dev.drydock.layer.FileInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalysisRunnerTest {

    @TempDir
    Path dir;

    /** A debian-like image: /etc/os-release is a symlink to ../usr/lib/os-release, as in debian:bookworm. */
    Path debianLike() throws IOException {
        return TestImages.dockerArchive()
                .layer(TestImages.layer().dir("usr/lib").file("usr/lib/os-release",
                        "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nID=debian\nVERSION_ID=\"12\"\nVERSION_CODENAME=bookworm\n")
                        .dir("etc").symlink("etc/os-release", "../usr/lib/os-release").file("etc/broken-analyzer", "x"))
                .layer(TestImages.layer().file("app", "x".repeat(100)))
                .writeTo(dir.resolve("img.tar"));
    }

    /** Fails on purpose: its failure must become a diagnostic. */
    static final class Broken implements Analyzer<String> {
        @Override
        public String type() {
            return "broken";
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
            return path.equals("etc/broken-analyzer");
        }

        @Override
        public String analyze(AnalysisInput input) {
            throw new IllegalStateException("cannot parse");
        }
    }

    @Test
    void detectsTheOsThroughTheSymlinkAndCachesPerLayer() throws IOException {
        Path img = debianLike();
        OsReleaseAnalyzer os = new OsReleaseAnalyzer();
        LayerCache cache = new LayerCache(dir.resolve("cache"));
        List<Analyzer<?>> analyzers = List.of(os, new Broken());
        Analysis cold = Analysis.of(img.toString(), null, analyzers, cache, SourceOptions.defaults());
        assertThat(os.detect(cold.view(), cold.layers())).contains(
                new OsRelease("debian", "12", "bookworm", "Debian GNU/Linux 12 (bookworm)", List.of()));
        assertThat(cold.layers()).noneMatch(LayerResult::cached);
        assertThat(cold.layers().get(0).diagnostics()).singleElement().asString()
                .contains("broken could not analyse /etc/broken-analyzer: cannot parse");

        Analysis warm = Analysis.of(img.toString(), null, analyzers, cache, SourceOptions.defaults());
        assertThat(warm.layers()).allMatch(LayerResult::cached);
        assertThat(os.detect(warm.view(), warm.layers())).isEqualTo(os.detect(cold.view(), cold.layers()));
        assertThat(warm.view().files().keySet()).isEqualTo(cold.view().files().keySet());

        // another analyzer version is another key
        assertThat(LayerCache.key(cold.image().layers().get(0).diffId(), analyzers))
                .isNotEqualTo(LayerCache.key(cold.image().layers().get(0).diffId(), List.of(os)));
        assertThat(cache.clean()).isEqualTo(2);
        assertThat(Analysis.of(img.toString(), null, analyzers, cache, SourceOptions.defaults()).layers()).noneMatch(LayerResult::cached);
    }

    @Test
    void aDamagedCacheEntryIsAMiss() throws IOException {
        Path img = debianLike();
        LayerCache cache = new LayerCache(dir.resolve("cache"));
        List<Analyzer<?>> analyzers = Analyzers.builtIn();
        Analysis.of(img.toString(), null, analyzers, cache, SourceOptions.defaults());
        try (var files = Files.list(dir.resolve("cache/layers"))) {
            for (Path p : files.toList()) {
                Files.writeString(p, "garbage");
            }
        }
        assertThat(Analysis.of(img.toString(), null, analyzers, cache, SourceOptions.defaults()).layers()).noneMatch(LayerResult::cached);
    }

    @Test
    void duplicateAnalyzerTypesAreRejected() {
        assertThatThrownBy(() -> Analyzers.of(List.of(new OsReleaseAnalyzer(), new OsReleaseAnalyzer())))
                .hasMessage("analyzer type 'os-release' is registered twice");
    }

    @Test
    void cacheDirectoryFollowsXdg() {
        assertThat(LayerCache.defaultDir(Path.of("/c"), Map.of("XDG_CACHE_HOME", "/x"), "/home/u")).isEqualTo(Path.of("/c"));
        assertThat(LayerCache.defaultDir(null, Map.of("XDG_CACHE_HOME", "/x"), "/home/u")).isEqualTo(Path.of("/x/drydock"));
        assertThat(LayerCache.defaultDir(null, Map.of("XDG_CACHE_HOME", "relative"), "/home/u"))
                .isEqualTo(Path.of("/home/u/.cache/drydock")); // the XDG spec says relative paths are ignored
        assertThat(LayerCache.defaultDir(null, Map.of(), "/home/u")).isEqualTo(Path.of("/home/u/.cache/drydock"));
    }
}
