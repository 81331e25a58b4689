package dev.drydock.image.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.DrydockException.InputException;
import dev.drydock.image.Image;
import dev.drydock.image.ImageSource;
import dev.drydock.image.Platform;
import dev.drydock.image.TestImages;
import dev.drydock.image.TestImages.Compression;
import dev.drydock.layer.LayerContents;
import dev.drydock.layer.LayerWalker;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveSourcesTest {

    @TempDir
    Path dir;

    static TestImages.ImageBuilder twoLayers(TestImages.ImageBuilder b) {
        return b.layer(TestImages.layer().file("etc/os-release", "ID=alpine\nVERSION_ID=3.20.1\n"), "ADD rootfs /")
                .emptyStep("ENV A=b")
                .layer(TestImages.layer().file("app/run", "#!/bin/sh\n").compression(Compression.ZSTD), "COPY run /app/")
                .tag("app:1");
    }

    static LayerContents walk(ImageSource s, Image.Layer l) throws Exception {
        try (InputStream in = s.openLayer(l)) {
            return LayerWalker.walk(in, l.index(), l.diffId(), s.name(), LayerWalker.NOTHING);
        }
    }

    @Test
    void readsAllThreeFormatsAndBarePaths() throws Exception {
        Path docker = twoLayers(TestImages.dockerArchive()).writeTo(dir.resolve("d.tar"));
        Path ociArchive = twoLayers(TestImages.ociArchive()).writeTo(dir.resolve("o.tar"));
        Path layout = twoLayers(TestImages.ociLayout()).writeTo(dir.resolve("layout"));
        for (String ref : new String[] {"docker-archive:" + docker, "oci-archive:" + ociArchive, "oci:" + layout,
                docker.toString(), ociArchive.toString(), layout.toString(), "oci:" + layout + ":app:1", "docker-archive:" + docker + ":app:1"}) {
            try (ImageSource s = ArchiveSources.open(ref)) {
                Image img = s.resolve(null);
                assertThat(img.layers()).as(ref).hasSize(2);
                // empty layers are skipped when history is aligned with layers
                assertThat(img.layers()).extracting(Image.Layer::createdBy).containsExactly("ADD rootfs /", "COPY run /app/");
                assertThat(img.platform()).isEqualTo(Platform.DEFAULT);
                assertThat(walk(s, img.layers().get(1)).files()).extracting(f -> f.path()).containsExactly("app/run");
            }
        }
    }

    @Test
    void severalImagesInOneDockerArchiveAreChosenByTag() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        // two images, one archive: merge two manifest.json lists (as 'docker save a b' writes)
        Path a = twoLayers(TestImages.dockerArchive()).writeTo(dir.resolve("a.tar"));
        Path b = TestImages.dockerArchive().layer(TestImages.layer().file("b", "b")).tag("localhost/other:2").writeTo(dir.resolve("b.tar"));
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var manifest = mapper.createArrayNode();
        for (Path p : new Path[] {a, b}) {
            try (TarIndex t = TarIndex.open(p, "x")) {
                manifest.addAll((com.fasterxml.jackson.databind.node.ArrayNode) mapper.readTree(t.open("manifest.json")));
            }
            try (var tf = new org.apache.commons.compress.archivers.tar.TarFile(p)) {
                for (var e : tf.getEntries()) {
                    if (!e.getName().equals("manifest.json")) {
                        files.put(e.getName(), tf.getInputStream(e).readAllBytes());
                    }
                }
            }
        }
        files.put("manifest.json", mapper.writeValueAsBytes(manifest));
        Path both = dir.resolve("both.tar");
        TestImages.writeTar(both, files);
        assertThatThrownBy(() -> ArchiveSources.open("docker-archive:" + both).resolve(null))
                .hasMessageContaining("holds 2 images; choose one by tag").hasMessageContaining("app:1, localhost/other:2");
        try (ImageSource s = ArchiveSources.open("docker-archive:" + both + ":other:2")) {
            assertThat(s.resolve(null).layers()).hasSize(1); // podman's localhost/ prefix is implied
        }
        try (ImageSource s = ArchiveSources.open("docker-archive:" + both + ":@0")) {
            assertThat(s.resolve(null).tags()).containsExactly("app:1");
        }
        assertThatThrownBy(() -> ArchiveSources.open("docker-archive:" + both + ":nope:3").resolve(null))
                .hasMessageContaining("no image tagged 'nope:3'; tags in the archive: app:1, localhost/other:2");
    }

    @Test
    void nestedIndexesArePickedByPlatform() throws Exception {
        Map<String, TestImages.ImageBuilder> byPlatform = new LinkedHashMap<>();
        byPlatform.put("linux/amd64", TestImages.ociLayout().layer(TestImages.layer().file("arch", "amd64")));
        byPlatform.put("linux/arm64/v8", TestImages.ociLayout().layer(TestImages.layer().file("arch", "arm64")));
        Path layout = TestImages.writeMultiPlatformLayout(dir.resolve("multi"), byPlatform);
        try (ImageSource s = ArchiveSources.open("oci:" + layout)) {
            assertThat(s.resolve(null).platform().architecture()).isEqualTo("amd64");
            assertThat(s.resolve(Platform.parse("linux/arm64")).platform().architecture()).isEqualTo("arm64");
            assertThat(s.resolve(Platform.parse("linux/aarch64/v8")).platform().architecture()).isEqualTo("arm64");
            assertThatThrownBy(() -> s.resolve(Platform.parse("linux/s390x")))
                    .isInstanceOf(InputException.class)
                    .hasMessage("oci:" + layout + ": no image for platform linux/s390x; available: linux/amd64, linux/arm64"
                            + " (choose one with --platform)");
        }
        try (ImageSource s = ArchiveSources.open("oci:" + layout + ":multi")) {
            assertThat(s.resolve(null).tags()).containsExactly("multi");
        }
        assertThatThrownBy(() -> ArchiveSources.open("oci:" + layout + ":v2").resolve(null))
                .hasMessageContaining("no image tagged 'v2'; tags in the layout: multi");
    }

    @Test
    void aBlobWhoseDigestDoesNotMatchFailsNamingBoth() throws Exception {
        Path p = twoLayers(TestImages.ociArchive()).wrongBlobDigest(0).writeTo(dir.resolve("bad.tar"));
        try (ImageSource s = ArchiveSources.open(p.toString())) {
            Image img = s.resolve(null);
            assertThatThrownBy(() -> walk(s, img.layers().get(0))).isInstanceOf(InputException.class)
                    .hasMessageContaining("digest mismatch: expected " + img.layers().get(0).blob().digest());
        }
    }

    @Test
    void aWrongDiffIdFails() throws Exception {
        Path p = twoLayers(TestImages.dockerArchive()).wrongDiffId(1).writeTo(dir.resolve("bad.tar"));
        try (ImageSource s = ArchiveSources.open(p.toString())) {
            Image img = s.resolve(null);
            assertThatThrownBy(() -> walk(s, img.layers().get(1))).hasMessageContaining("checked against the config's diff_id")
                    .hasMessageContaining("expected " + img.layers().get(1).diffId());
        }
    }

    @Test
    void aManifestNamingAMissingLayerFails() throws Exception {
        Path oci = twoLayers(TestImages.ociArchive()).missingLayer(1).writeTo(dir.resolve("o.tar"));
        assertThatThrownBy(() -> ArchiveSources.open(oci.toString()).resolve(null))
                .hasMessageContaining("names layer 2 sha256:").hasMessageContaining("which is not in the image");
        Path docker = twoLayers(TestImages.dockerArchive()).missingLayer(0).writeTo(dir.resolve("d.tar"));
        assertThatThrownBy(() -> ArchiveSources.open(docker.toString()).resolve(null))
                .hasMessageContaining("manifest.json names layer 1 '").hasMessageContaining("which is not in the archive");
    }

    @Test
    void aTruncatedArchiveFails() throws Exception {
        Path p = twoLayers(TestImages.dockerArchive()).writeTo(dir.resolve("t.tar"));
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(f.length() / 2 + 100);
        }
        assertThatThrownBy(() -> {
            try (ImageSource s = ArchiveSources.open("docker-archive:" + p)) {
                Image img = s.resolve(null);
                for (Image.Layer l : img.layers()) {
                    walk(s, l);
                }
            }
        }).isInstanceOf(InputException.class).hasMessageStartingWith("docker-archive:" + p + ": ");
    }

    @Test
    void notAnArchive() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.tar"), "this is not a tar file at all, just text\n".repeat(30));
        assertThatThrownBy(() -> ArchiveSources.open(junk.toString())).isInstanceOf(InputException.class)
                .hasMessageStartingWith(junk + ": ");
        Path gz = dir.resolve("x.tar.gz");
        Files.write(gz, TestImages.compress(Files.readAllBytes(twoLayers(TestImages.dockerArchive()).writeTo(dir.resolve("y.tar"))),
                Compression.GZIP));
        assertThatThrownBy(() -> ArchiveSources.open(gz.toString())).hasMessageContaining("gzip-compressed");
        assertThatThrownBy(() -> ArchiveSources.open("oci:" + dir.resolve("none"))).hasMessageContaining("no such file or directory");
    }
}
