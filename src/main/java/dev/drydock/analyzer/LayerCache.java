package dev.drydock.analyzer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drydock.image.Digest;
import dev.drydock.image.ImageJson;
import dev.drydock.layer.LayerContents;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Per-layer results on disk, keyed by the layer's diff_id plus the walker's and every analyzer's type and version, so
 * a second scan of an image, or of one sharing its base layers, skips the work. One gzip'd JSON file per key under
 * {@code DIR/layers/}; written to a temporary file and renamed, so readers never see half a file. A cache file that
 * cannot be read is a miss, never an error.
 */
public final class LayerCache {

    /** Bump when {@link LayerContents} or the walker's output changes meaning. */
    static final int WALKER_VERSION = 1;

    private static final ObjectMapper JSON = ImageJson.mapper();

    private final Path dir;

    public LayerCache(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /**
     * {@code --cache-dir} when given, else {@code $XDG_CACHE_HOME/drydock}, else {@code ~/.cache/drydock} (the XDG base
     * directory spec's default).
     */
    public static Path defaultDir(Path option, Map<String, String> env, String userHome) {
        if (option != null) {
            return option;
        }
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "drydock");
        }
        return Path.of(userHome, ".cache", "drydock");
    }

    /** The cache key: what the layer is, and everything that decides what was found in it. */
    public static String key(Digest diffId, List<Analyzer<?>> analyzers) {
        List<String> parts = new ArrayList<>();
        for (Analyzer<?> a : analyzers) {
            parts.add(a.type() + "@" + a.version());
        }
        parts.sort(null);
        String text = diffId + "\nwalker@" + WALKER_VERSION + "\n" + String.join("\n", parts);
        return Digest.sha256Of(text.getBytes(StandardCharsets.UTF_8)).hex();
    }

    private Path file(String key) {
        return dir.resolve("layers").resolve(key + ".json.gz");
    }

    public Optional<LayerResult> get(Digest diffId, List<Analyzer<?>> analyzers) {
        Path f = file(key(diffId, analyzers));
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(f), 64 * 1024)) {
            JsonNode root = JSON.readTree(in);
            LayerContents contents = JSON.treeToValue(root.get("contents"), LayerContents.class);
            Map<String, List<LayerResult.Found<?>>> results = new LinkedHashMap<>();
            for (Analyzer<?> a : analyzers) {
                List<LayerResult.Found<?>> list = new ArrayList<>();
                for (JsonNode n : root.path("results").path(a.type())) {
                    list.add(new LayerResult.Found<>(n.get("path").asText(), JSON.treeToValue(n.get("value"), a.resultType())));
                }
                results.put(a.type(), list);
            }
            List<String> diagnostics = new ArrayList<>();
            root.path("diagnostics").forEach(n -> diagnostics.add(n.asText()));
            return Optional.of(new LayerResult(contents.index(), diffId, contents, results, diagnostics, true));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a damaged entry is recomputed and overwritten
        }
    }

    public void put(LayerResult result, List<Analyzer<?>> analyzers) throws IOException {
        Path f = file(key(result.diffId(), analyzers));
        Files.createDirectories(f.getParent());
        ObjectNode root = JSON.createObjectNode();
        root.put("diffId", result.diffId().toString());
        root.set("contents", JSON.valueToTree(result.contents()));
        ObjectNode results = root.putObject("results");
        result.results().forEach((type, list) -> {
            ArrayNode arr = results.putArray(type);
            for (LayerResult.Found<?> found : list) {
                ObjectNode n = arr.addObject();
                n.put("path", found.path());
                n.set("value", JSON.valueToTree(found.value()));
            }
        });
        ArrayNode diags = root.putArray("diagnostics");
        result.diagnostics().forEach(diags::add);
        Path tmp = Files.createTempFile(f.getParent(), ".tmp-", ".json.gz");
        try {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(tmp), 64 * 1024)) {
                JSON.writeValue(out, root);
            }
            try {
                Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Deletes everything in the cache directory; returns the number of files deleted. */
    public long clean() throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        long n = 0;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (p.equals(dir)) {
                    continue;
                }
                if (Files.isRegularFile(p)) {
                    n++;
                }
                Files.delete(p);
            }
        }
        return n;
    }
}
