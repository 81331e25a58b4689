package dev.drydock.image.archive;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drydock.DrydockException.InputException;
import dev.drydock.image.Descriptor;
import dev.drydock.image.DigestVerifyingInputStream;
import dev.drydock.image.Image;
import dev.drydock.image.ImageIndex;
import dev.drydock.image.ImageJson;
import dev.drydock.image.ImageSource;
import dev.drydock.image.ManifestResolver;
import dev.drydock.image.Platform;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code oci:DIR[:TAG]} and {@code oci-archive:FILE[:TAG]}: an OCI image layout (github.com/opencontainers/image-spec
 * {@code image-layout.md}) in a directory or a tar of one. {@code index.json} lists manifests or nested indexes; a tag
 * picks the entries whose {@code org.opencontainers.image.ref.name} is the tag (or ends with {@code :TAG}).
 */
public final class OciLayout implements ImageSource.Archive {

    /** The files of a layout: a directory, or a tar indexed by {@link TarIndex}. */
    interface LayoutFiles extends AutoCloseable {
        InputStream open(String path) throws IOException;

        boolean exists(String path);

        @Override
        void close() throws IOException;
    }

    private final String name;
    private final LayoutFiles files;
    private final String tag;

    private OciLayout(String name, LayoutFiles files, String tag) {
        this.name = name;
        this.files = files;
        this.tag = tag;
    }

    /** {@code oci:DIR}. */
    public static OciLayout directory(Path dir, String name, String tag) {
        if (!Files.isDirectory(dir)) {
            throw new InputException(name + ": no such directory");
        }
        return new OciLayout(name, new LayoutFiles() {
            @Override
            public InputStream open(String path) throws IOException {
                return Files.newInputStream(dir.resolve(path));
            }

            @Override
            public boolean exists(String path) {
                return Files.isRegularFile(dir.resolve(path));
            }

            @Override
            public void close() {
            }
        }, tag);
    }

    /** {@code oci-archive:FILE}: read in place by seeking, never unpacked. */
    public static OciLayout archive(Path file, String name, String tag) throws IOException {
        TarIndex tar = TarIndex.open(file, name);
        return new OciLayout(name, new LayoutFiles() {
            @Override
            public InputStream open(String path) throws IOException {
                return tar.open(path);
            }

            @Override
            public boolean exists(String path) {
                return tar.has(path);
            }

            @Override
            public void close() throws IOException {
                tar.close();
            }
        }, tag);
    }

    static String blobPath(Descriptor d) {
        return "blobs/" + d.digest().algorithm() + "/" + d.digest().hex();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Image resolve(Platform platform) throws IOException {
        if (!files.exists("index.json")) {
            throw new InputException(name + ": not an OCI image layout (no index.json)");
        }
        checkLayoutVersion();
        byte[] json;
        try (InputStream in = files.open("index.json")) {
            json = ImageJson.readBounded(in, ImageJson.MAX_MANIFEST_BYTES, name + ": index.json");
        }
        ImageIndex index = ImageJson.index(json, name + ": index.json");
        List<Descriptor> roots = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (Descriptor d : index.manifests()) {
            String ref = d.annotation(Descriptor.REF_NAME);
            if (ref != null) {
                names.add(ref);
            }
            if (tag == null || (ref != null && (ref.equals(tag) || ref.endsWith(":" + tag)))) {
                roots.add(d);
            }
        }
        if (tag != null && roots.isEmpty()) {
            throw new InputException(name + ": no image tagged '" + tag + "'; tags in the layout: "
                    + (names.isEmpty() ? "(none)" : String.join(", ", names)));
        }
        if (tag == null && names.size() > 1) {
            throw new InputException(name + ": holds " + names.size() + " tagged images; choose one with " + name
                    + ":TAG (tags: " + String.join(", ", names) + ")");
        }
        ManifestResolver resolver = new ManifestResolver(name, d -> files.open(blobPath(d)), d -> files.exists(blobPath(d)));
        return resolver.resolve(roots, List.copyOf(names), platform);
    }

    private void checkLayoutVersion() throws IOException {
        if (!files.exists("oci-layout")) {
            return; // some writers omit it; index.json is what matters
        }
        try (InputStream in = files.open("oci-layout")) {
            JsonNode n = ImageJson.parse(ImageJson.readBounded(in, 64 * 1024, name + ": oci-layout"), JsonNode.class,
                    name + ": oci-layout");
            String v = n.path("imageLayoutVersion").asText("");
            if (!v.startsWith("1.")) {
                throw new InputException(name + ": unsupported OCI layout version '" + v + "' (drydock reads 1.x)");
            }
        }
    }

    @Override
    public InputStream openLayer(Image.Layer layer) throws IOException {
        Descriptor d = layer.blob();
        InputStream raw;
        try {
            raw = files.open(blobPath(d));
        } catch (NoSuchFileException e) {
            throw new InputException(name + ": layer " + (layer.index() + 1) + " " + d.digest() + " is missing from the layout");
        }
        if (d.digest().equals(layer.diffId())) {
            return raw; // an uncompressed blob: the walker verifies it as the diff_id, once
        }
        return new DigestVerifyingInputStream(raw, d.digest(), d.size(), name + ": layer " + (layer.index() + 1));
    }

    @Override
    public void close() throws IOException {
        files.close();
    }
}
