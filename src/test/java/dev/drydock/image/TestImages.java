package dev.drydock.image;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Test-data builders for synthetic images and layers, instead of committed binaries:
 * {@code TestImages.dockerArchive().layer(TestImages.layer().file("a", "x")).tag("app:1").writeTo(path)}.
 * Each builder also has knobs to break what it writes (a wrong digest, a missing layer) for bad-input tests.
 */
public final class TestImages {

    static final ObjectMapper JSON = new ObjectMapper();

    private TestImages() {
    }

    public static LayerBuilder layer() {
        return new LayerBuilder();
    }

    public static ImageBuilder dockerArchive() {
        return new ImageBuilder(Format.DOCKER_ARCHIVE);
    }

    public static ImageBuilder ociArchive() {
        return new ImageBuilder(Format.OCI_ARCHIVE);
    }

    public static ImageBuilder ociLayout() {
        return new ImageBuilder(Format.OCI_LAYOUT);
    }

    public enum Format { DOCKER_ARCHIVE, OCI_ARCHIVE, OCI_LAYOUT }

    public enum Compression { NONE, GZIP, ZSTD }

    /** One layer tar, entry by entry. */
    public static final class LayerBuilder {
        private final List<Consumer<TarArchiveOutputStream>> entries = new ArrayList<>();
        private Compression compression = Compression.GZIP;

        public LayerBuilder file(String path, String content) {
            return file(path, content.getBytes(StandardCharsets.UTF_8));
        }

        public LayerBuilder file(String path, byte[] content) {
            return entry(path, TarConstants.LF_NORMAL, content.length, content, null, 0644);
        }

        /** A file with this mode, e.g. {@code 0755} for an executable. */
        public LayerBuilder file(String path, byte[] content, int mode) {
            return entry(path, TarConstants.LF_NORMAL, content.length, content, null, mode);
        }

        public LayerBuilder dir(String path) {
            return entry(path.endsWith("/") ? path : path + "/", TarConstants.LF_DIR, 0, null, null, 0755);
        }

        public LayerBuilder symlink(String path, String target) {
            return entry(path, TarConstants.LF_SYMLINK, 0, null, target, 0777);
        }

        public LayerBuilder hardlink(String path, String target) {
            return entry(path, TarConstants.LF_LINK, 0, null, target, 0644);
        }

        public LayerBuilder charDevice(String path) {
            return entry(path, TarConstants.LF_CHR, 0, null, null, 0666);
        }

        /** {@code .wh.NAME} beside the path: deletes it from lower layers. */
        public LayerBuilder whiteout(String path) {
            int slash = path.lastIndexOf('/');
            String name = slash < 0 ? ".wh." + path : path.substring(0, slash + 1) + ".wh." + path.substring(slash + 1);
            return entry(name, TarConstants.LF_NORMAL, 0, new byte[0], null, 0);
        }

        /** {@code DIR/.wh..wh..opq}: hides what lower layers put in DIR. */
        public LayerBuilder opaque(String dir) {
            return entry(dir + "/.wh..wh..opq", TarConstants.LF_NORMAL, 0, new byte[0], null, 0);
        }

        /** An entry written exactly as named ({@code ../x}, {@code /abs}), for traversal tests. */
        public LayerBuilder raw(String name, String content) {
            byte[] b = content.getBytes(StandardCharsets.UTF_8);
            entries.add(tar -> {
                TarArchiveEntry e = new TarArchiveEntry(name, true);
                e.setSize(b.length);
                e.setModTime(0);
                put(tar, e, b);
            });
            return this;
        }

        public LayerBuilder compression(Compression c) {
            this.compression = c;
            return this;
        }

        private LayerBuilder entry(String path, byte type, long size, byte[] content, String link, int mode) {
            entries.add(tar -> {
                TarArchiveEntry e = new TarArchiveEntry(path, type);
                e.setMode(mode);
                e.setSize(size);
                e.setModTime(0);
                if (link != null) {
                    e.setLinkName(link);
                }
                put(tar, e, content);
            });
            return this;
        }

        private static void put(TarArchiveOutputStream tar, TarArchiveEntry e, byte[] content) {
            try {
                tar.putArchiveEntry(e);
                if (content != null) {
                    tar.write(content);
                }
                tar.closeArchiveEntry();
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }

        /** The uncompressed tar (long names as PAX headers). */
        public byte[] tar() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
                entries.forEach(e -> e.accept(tar));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        }

        /** The blob: the tar compressed as asked. */
        public byte[] blob() {
            return compress(tar(), compression);
        }

        Compression compressionUsed() {
            return compression;
        }
    }

    public static byte[] compress(byte[] tar, Compression c) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            switch (c) {
                case NONE -> out.write(tar);
                case GZIP -> {
                    try (OutputStream gz = new GZIPOutputStream(out)) {
                        gz.write(tar);
                    }
                }
                case ZSTD -> {
                    try (OutputStream z = new com.github.luben.zstd.ZstdOutputStream(out)) {
                        z.write(tar);
                    }
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One image, written in one of three formats. */
    public static final class ImageBuilder {
        private final Format format;
        private final List<LayerBuilder> layers = new ArrayList<>();
        private final List<String[]> history = new ArrayList<>();
        private final List<String> tags = new ArrayList<>();
        private Platform platform = Platform.DEFAULT;
        private Consumer<ObjectNode> configEdit = c -> { };
        private int wrongDigestLayer = -1;
        private int missingLayer = -1;
        private int wrongDiffIdLayer = -1;

        ImageBuilder(Format format) {
            this.format = format;
        }

        public ImageBuilder layer(LayerBuilder l) {
            return layer(l, "RUN step " + (layers.size() + 1));
        }

        public ImageBuilder layer(LayerBuilder l, String createdBy) {
            layers.add(l);
            history.add(new String[] {createdBy, "false"});
            return this;
        }

        /** A build step that made no layer ({@code ENV}, {@code CMD}): history only, {@code empty_layer: true}. */
        public ImageBuilder emptyStep(String createdBy) {
            history.add(new String[] {createdBy, "true"});
            return this;
        }

        public ImageBuilder tag(String t) {
            tags.add(t);
            return this;
        }

        public ImageBuilder platform(String p) {
            platform = Platform.parse(p);
            return this;
        }

        public ImageBuilder config(Consumer<ObjectNode> edit) {
            configEdit = edit;
            return this;
        }

        public ImageBuilder wrongBlobDigest(int layer) {
            wrongDigestLayer = layer;
            return this;
        }

        public ImageBuilder missingLayer(int layer) {
            missingLayer = layer;
            return this;
        }

        public ImageBuilder wrongDiffId(int layer) {
            wrongDiffIdLayer = layer;
            return this;
        }

        /** Blobs by path inside the archive or layout. */
        Map<String, byte[]> files() throws IOException {
            Map<String, byte[]> files = new LinkedHashMap<>();
            List<Digest> diffIds = new ArrayList<>();
            List<byte[]> blobs = new ArrayList<>();
            for (int i = 0; i < layers.size(); i++) {
                byte[] tar = layers.get(i).tar();
                diffIds.add(i == wrongDiffIdLayer ? Digest.sha256Of("not this".getBytes(StandardCharsets.UTF_8)) : Digest.sha256Of(tar));
                blobs.add(format == Format.DOCKER_ARCHIVE ? tar : layers.get(i).blob());
            }
            ObjectNode config = JSON.createObjectNode();
            config.put("architecture", platform.architecture());
            config.put("os", platform.os());
            if (!platform.variant().isEmpty()) {
                config.put("variant", platform.variant());
            }
            config.putObject("config").putArray("Env").add("PATH=/usr/bin");
            ObjectNode rootfs = config.putObject("rootfs");
            rootfs.put("type", "layers");
            ArrayNode ids = rootfs.putArray("diff_ids");
            diffIds.forEach(d -> ids.add(d.toString()));
            ArrayNode hist = config.putArray("history");
            for (String[] h : history) {
                ObjectNode n = hist.addObject();
                n.put("created_by", h[0]);
                if (h[1].equals("true")) {
                    n.put("empty_layer", true);
                }
            }
            configEdit.accept(config);
            byte[] configJson = JSON.writeValueAsBytes(config);
            Digest configDigest = Digest.sha256Of(configJson);
            if (format == Format.DOCKER_ARCHIVE) {
                ArrayNode layerNames = JSON.createArrayNode();
                for (int i = 0; i < blobs.size(); i++) {
                    String name = Digest.sha256Of(blobs.get(i)).hex() + "/layer.tar";
                    layerNames.add(name);
                    if (i != missingLayer) {
                        files.put(name, blobs.get(i));
                    }
                }
                files.put(configDigest.hex() + ".json", configJson);
                ArrayNode manifest = JSON.createArrayNode();
                ObjectNode m = manifest.addObject();
                m.put("Config", configDigest.hex() + ".json");
                ArrayNode rt = m.putArray("RepoTags");
                tags.forEach(rt::add);
                m.set("Layers", layerNames);
                files.put("manifest.json", JSON.writeValueAsBytes(manifest));
                return files;
            }
            ObjectNode manifest = JSON.createObjectNode();
            manifest.put("schemaVersion", 2);
            manifest.put("mediaType", MediaTypes.OCI_MANIFEST);
            manifest.set("config", descriptor(MediaTypes.OCI_CONFIG, configDigest, configJson.length));
            ArrayNode ls = manifest.putArray("layers");
            for (int i = 0; i < blobs.size(); i++) {
                Digest d = Digest.sha256Of(blobs.get(i));
                String mt = switch (layers.get(i).compressionUsed()) {
                    case NONE -> MediaTypes.OCI_LAYER;
                    case GZIP -> MediaTypes.OCI_LAYER_GZIP;
                    case ZSTD -> MediaTypes.OCI_LAYER_ZSTD;
                };
                Digest named = i == wrongDigestLayer ? Digest.sha256Of("other".getBytes(StandardCharsets.UTF_8)) : d;
                ls.add(descriptor(mt, named, blobs.get(i).length));
                if (i != missingLayer) {
                    files.put("blobs/sha256/" + named.hex(), blobs.get(i));
                }
            }
            files.put("blobs/sha256/" + configDigest.hex(), configJson);
            byte[] manifestJson = JSON.writeValueAsBytes(manifest);
            Digest md = Digest.sha256Of(manifestJson);
            files.put("blobs/sha256/" + md.hex(), manifestJson);
            files.put("manifest:" + md.hex() + ":" + manifestJson.length, new byte[0]); // for index writers
            return files;
        }

        public Path writeTo(Path path) throws IOException {
            Map<String, byte[]> files = files();
            if (format == Format.DOCKER_ARCHIVE) {
                writeTar(path, files);
                return path;
            }
            String key = files.keySet().stream().filter(k -> k.startsWith("manifest:")).findFirst().orElseThrow();
            files.remove(key);
            String[] parts = key.split(":");
            ObjectNode index = JSON.createObjectNode();
            index.put("schemaVersion", 2);
            index.put("mediaType", MediaTypes.OCI_INDEX);
            ObjectNode d = descriptor(MediaTypes.OCI_MANIFEST, Digest.sha256(parts[1]), Long.parseLong(parts[2]));
            if (!tags.isEmpty()) {
                d.putObject("annotations").put(Descriptor.REF_NAME, tags.get(0));
            }
            index.putArray("manifests").add(d);
            files.put("index.json", JSON.writeValueAsBytes(index));
            files.put("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
            if (format == Format.OCI_ARCHIVE) {
                writeTar(path, files);
            } else {
                writeDir(path, files);
            }
            return path;
        }
    }

    /** An OCI layout whose index.json points at a nested index of several platform images. */
    public static Path writeMultiPlatformLayout(Path dir, Map<String, ImageBuilder> byPlatform) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        ArrayNode manifests = JSON.createArrayNode();
        for (Map.Entry<String, ImageBuilder> e : byPlatform.entrySet()) {
            Map<String, byte[]> f = e.getValue().platform(e.getKey()).files();
            String key = f.keySet().stream().filter(k -> k.startsWith("manifest:")).findFirst().orElseThrow();
            f.remove(key);
            files.putAll(f);
            String[] parts = key.split(":");
            ObjectNode d = descriptor(MediaTypes.OCI_MANIFEST, Digest.sha256(parts[1]), Long.parseLong(parts[2]));
            Platform p = Platform.parse(e.getKey());
            ObjectNode pn = d.putObject("platform");
            pn.put("os", p.os());
            pn.put("architecture", p.architecture());
            if (!p.variant().isEmpty()) {
                pn.put("variant", p.variant());
            }
            manifests.add(d);
        }
        ObjectNode nested = JSON.createObjectNode();
        nested.put("schemaVersion", 2);
        nested.put("mediaType", MediaTypes.OCI_INDEX);
        nested.set("manifests", manifests);
        byte[] nestedJson = JSON.writeValueAsBytes(nested);
        Digest nd = Digest.sha256Of(nestedJson);
        files.put("blobs/sha256/" + nd.hex(), nestedJson);
        ObjectNode index = JSON.createObjectNode();
        index.put("schemaVersion", 2);
        ObjectNode top = descriptor(MediaTypes.OCI_INDEX, nd, nestedJson.length);
        top.putObject("annotations").put(Descriptor.REF_NAME, "multi");
        index.putArray("manifests").add(top);
        files.put("index.json", JSON.writeValueAsBytes(index));
        files.put("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
        writeDir(dir, files);
        return dir;
    }

    static ObjectNode descriptor(String mediaType, Digest d, long size) {
        ObjectNode n = JSON.createObjectNode();
        n.put("mediaType", mediaType);
        n.put("digest", d.toString());
        n.put("size", size);
        return n;
    }

    public static void writeTar(Path path, Map<String, byte[]> files) throws IOException {
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(Files.newOutputStream(path))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                TarArchiveEntry e = new TarArchiveEntry(f.getKey());
                e.setSize(f.getValue().length);
                e.setModTime(0);
                tar.putArchiveEntry(e);
                tar.write(f.getValue());
                tar.closeArchiveEntry();
            }
        }
    }

    static void writeDir(Path dir, Map<String, byte[]> files) throws IOException {
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Path p = dir.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, f.getValue());
        }
    }
}
