package dev.drydock.image.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.drydock.analyzer.Analysis;
import dev.drydock.analyzer.AnalysisInput;
import dev.drydock.analyzer.Analyzer;
import dev.drydock.analyzer.LayerResult;
import dev.drydock.image.Digest;
import dev.drydock.image.SourceOptions;
import dev.drydock.layer.FileInfo;
import dev.drydock.layer.LayerPaths;
import dev.drydock.layer.MergedView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
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

    static final Path WORK = BuildahImages.WORK;
    static String skip;

    @BeforeAll
    static void build() throws Exception {
        skip = BuildahImages.build();
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
