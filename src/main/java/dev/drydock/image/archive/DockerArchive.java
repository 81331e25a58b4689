package dev.drydock.image.archive;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.drydock.DrydockException.InputException;
import dev.drydock.image.Descriptor;
import dev.drydock.image.Digest;
import dev.drydock.image.DigestVerifyingInputStream;
import dev.drydock.image.Image;
import dev.drydock.image.ImageConfig;
import dev.drydock.image.ImageJson;
import dev.drydock.image.ImageReference;
import dev.drydock.image.ImageSource;
import dev.drydock.image.MediaTypes;
import dev.drydock.image.Platform;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code docker-archive:FILE[:REFERENCE]}: a {@code docker save} tarball, as Docker, Podman, Buildah and Skopeo write it
 * (github.com/moby/moby {@code image/tarexport}): {@code manifest.json} lists each image's config file, tags and layer
 * files. Several images in one archive are told apart by tag. Archives with only the legacy {@code repositories} file
 * (Docker before 1.10) lack configs with diff_ids and are refused with a message; {@code repositories} still supplies
 * tags when manifest.json has none.
 */
public final class DockerArchive implements ImageSource.Archive {

    private static final Pattern HEX_NAME = Pattern.compile("(?:^|/)(?:sha256/)?([0-9a-f]{64})(?:\\.json|\\.tar|/layer\\.tar)?$");

    private final String name;
    private final TarIndex tar;
    private final String reference;
    /** Layer files by diff_id, filled by {@link #resolve}. */
    private final Map<Digest, String> files = new java.util.concurrent.ConcurrentHashMap<>();

    private DockerArchive(String name, TarIndex tar, String reference) {
        this.name = name;
        this.tar = tar;
        this.reference = reference;
    }

    /**
     * @param name      the source as the user wrote it
     * @param reference a tag such as {@code app:1.0}, or {@code @N} for the N-th image, or null
     */
    public static DockerArchive open(Path file, String name, String reference) throws IOException {
        return new DockerArchive(name, TarIndex.open(file, name), reference);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Entry(@JsonProperty("Config") String config, @JsonProperty("RepoTags") List<String> repoTags,
                 @JsonProperty("Layers") List<String> layers, @JsonProperty("LayerSources") Map<String, Descriptor> layerSources) {
        Entry {
            repoTags = repoTags == null ? List.of() : repoTags;
            layers = layers == null ? List.of() : layers;
            layerSources = layerSources == null ? Map.of() : layerSources;
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Image resolve(Platform platform) throws IOException {
        if (!tar.has("manifest.json")) {
            if (tar.has("repositories")) {
                throw new InputException(name + ": a legacy docker save archive (Docker before 1.10, only 'repositories'):"
                        + " it has no image config with layer digests; re-save it with a current docker or skopeo");
            }
            throw new InputException(name + ": not a docker-archive (no manifest.json)");
        }
        List<Entry> entries;
        try (InputStream in = tar.open("manifest.json")) {
            byte[] json = ImageJson.readBounded(in, ImageJson.MAX_MANIFEST_BYTES, name + ": manifest.json");
            entries = ImageJson.mapper().readValue(json, new TypeReference<List<Entry>>() { });
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InputException(name + ": manifest.json: invalid JSON: " + e.getOriginalMessage(), e);
        }
        if (entries == null || entries.isEmpty()) {
            throw new InputException(name + ": manifest.json lists no images");
        }
        Entry entry = choose(entries);
        Image image = load(entry);
        if (platform != null && !platform.matches(image.platform())) {
            throw new InputException(name + ": no image for platform " + platform + "; available: "
                    + image.platform().normalized() + " (a docker-archive holds one platform per image)");
        }
        return image;
    }

    private Entry choose(List<Entry> entries) throws IOException {
        List<String> all = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            all.addAll(tagsOf(entries.get(i), i));
        }
        if (reference == null) {
            if (entries.size() > 1) {
                throw new InputException(name + ": holds " + entries.size() + " images; choose one by tag, e.g. "
                        + name + ":" + (all.isEmpty() ? "@0" : all.get(0)) + " (tags: " + String.join(", ", all) + ")");
            }
            return entries.get(0);
        }
        if (reference.startsWith("@")) {
            try {
                int i = Integer.parseInt(reference.substring(1));
                if (i >= 0 && i < entries.size()) {
                    return entries.get(i);
                }
            } catch (NumberFormatException e) {
                // falls through to the message
            }
            throw new InputException(name + ": no image " + reference + "; the archive holds " + entries.size()
                    + " (@0 to @" + (entries.size() - 1) + ")");
        }
        for (int i = 0; i < entries.size(); i++) {
            for (String t : tagsOf(entries.get(i), i)) {
                if (sameTag(t, reference)) {
                    return entries.get(i);
                }
            }
        }
        throw new InputException(name + ": no image tagged '" + reference + "'; tags in the archive: "
                + (all.isEmpty() ? "(none; use @0, @1, ...)" : String.join(", ", all)));
    }

    /** {@code app:1}, {@code docker.io/library/app:1} and {@code localhost/app:1} (podman) name the same tag. */
    static boolean sameTag(String have, String want) {
        if (have.equals(want)) {
            return true;
        }
        var h = ImageReference.tryParse(have);
        var w = ImageReference.tryParse(want.contains(":") || want.contains("@") ? want : want + ":latest");
        if (h.isEmpty() || w.isEmpty()) {
            return false;
        }
        String ht = h.get().hasTag() ? h.get().tag() : "latest";
        String wt = w.get().hasTag() ? w.get().tag() : "latest";
        if (!ht.equals(wt)) {
            return false;
        }
        if (h.get().fullName().equals(w.get().fullName())) {
            return true;
        }
        // podman writes localhost/NAME for local builds; a user writes NAME
        String hn = h.get().fullName().replaceFirst("^localhost/", "docker.io/library/");
        return hn.equals(w.get().fullName());
    }

    private List<String> tagsOf(Entry e, int index) throws IOException {
        if (!e.repoTags().isEmpty() || !tar.has("repositories") || e.layers().isEmpty()) {
            return e.repoTags();
        }
        // legacy: repositories maps repo → tag → id of the top layer directory
        Map<String, Map<String, String>> repos;
        try (InputStream in = tar.open("repositories")) {
            repos = ImageJson.mapper().readValue(ImageJson.readBounded(in, ImageJson.MAX_MANIFEST_BYTES, name + ": repositories"),
                    new TypeReference<Map<String, Map<String, String>>>() { });
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new InputException(name + ": repositories: invalid JSON: " + ex.getOriginalMessage(), ex);
        }
        String top = e.layers().get(e.layers().size() - 1);
        List<String> tags = new ArrayList<>();
        repos.forEach((repo, byTag) -> byTag.forEach((tag, id) -> {
            if (top.startsWith(id + "/")) {
                tags.add(repo + ":" + tag);
            }
        }));
        return tags;
    }

    private Image load(Entry e) throws IOException {
        if (e.config() == null || !tar.has(e.config())) {
            throw new InputException(name + ": manifest.json names config '" + e.config() + "' which is not in the archive");
        }
        Digest configDigest = hexDigest(e.config());
        byte[] json;
        try (InputStream raw = tar.open(e.config())) {
            InputStream in = configDigest == null ? raw
                    : new DigestVerifyingInputStream(raw, configDigest, tar.size(e.config()), name + ": config " + e.config());
            json = ImageJson.readBounded(in, ImageJson.MAX_CONFIG_BYTES, name + ": config " + e.config());
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (dev.drydock.image.DigestMismatchException ex) {
            throw new InputException(ex.getMessage(), ex);
        }
        if (configDigest == null) {
            configDigest = Digest.sha256Of(json);
        }
        ImageConfig config = ImageJson.config(json, name + ": config " + e.config());
        List<Digest> diffIds = config.diffIds();
        if (diffIds.size() != e.layers().size()) {
            throw new InputException(name + ": manifest.json lists " + e.layers().size() + " layers but config "
                    + e.config() + " has " + diffIds.size() + " diff_ids");
        }
        List<ImageConfig.History> history = config.layerHistory();
        List<Image.Layer> layers = new ArrayList<>();
        for (int i = 0; i < diffIds.size(); i++) {
            String file = e.layers().get(i);
            Digest diffId = diffIds.get(i);
            Descriptor source = e.layerSources().get(diffId.toString());
            boolean here = tar.has(file);
            if (!here && (source == null || !MediaTypes.isForeign(source.mediaType()))) {
                throw new InputException(name + ": manifest.json names layer " + (i + 1) + " '" + file
                        + "' which is not in the archive");
            }
            Descriptor blob = source != null && !here ? source : describe(file, diffId);
            layers.add(new Image.Layer(i, blob, diffId, history.get(i), here));
            files.putIfAbsent(diffId, file);
        }
        return new Image(name, null, configDigest, config, layers, e.repoTags());
    }

    /** docker save layers are usually plain tars (digest = diff_id); sniff in case a tool stored them compressed. */
    private Descriptor describe(String file, Digest diffId) throws IOException {
        byte[] head;
        try (InputStream in = tar.open(file)) {
            head = in.readNBytes(4);
        }
        long size = tar.size(file);
        if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            Digest d = hexDigest(file);
            return new Descriptor(MediaTypes.DOCKER_LAYER_GZIP, d == null || d.equals(diffId) ? diffId : d, size);
        }
        if (head.length >= 4 && (head[0] & 0xff) == 0x28 && (head[1] & 0xff) == 0xb5) {
            Digest d = hexDigest(file);
            return new Descriptor(MediaTypes.OCI_LAYER_ZSTD, d == null || d.equals(diffId) ? diffId : d, size);
        }
        return new Descriptor(MediaTypes.DOCKER_LAYER, diffId, size);
    }

    private static Digest hexDigest(String file) {
        Matcher m = HEX_NAME.matcher(file);
        return m.find() && !file.endsWith("/layer.tar") ? Digest.sha256(m.group(1)) : null;
    }

    @Override
    public InputStream openLayer(Image.Layer layer) throws IOException {
        if (!layer.present()) {
            throw new InputException(name + ": layer " + (layer.index() + 1) + " is a foreign layer the archive does not hold");
        }
        String file = layerFile(layer);
        InputStream raw = tar.open(file);
        if (!layer.blob().digest().equals(layer.diffId())) {
            // a compressed blob whose file name gives its digest; the plain tar is checked against diff_id by the walker
            return new DigestVerifyingInputStream(raw, layer.blob().digest(), layer.blob().size(),
                    name + ": layer " + (layer.index() + 1));
        }
        return raw;
    }

    private String layerFile(Image.Layer layer) {
        String file = files.get(layer.diffId());
        if (file == null) {
            throw new IllegalStateException(name + ": layer " + layer.diffId() + " was not resolved from this archive");
        }
        return file;
    }

    @Override
    public void close() throws IOException {
        tar.close();
    }
}
