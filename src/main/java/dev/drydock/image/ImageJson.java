package dev.drydock.image;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.drydock.DrydockException.InputException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Parses manifests, indexes and configs with Jackson. Bad JSON becomes an {@link InputException} naming the blob and
 * where in it; sizes are bounded so a hostile "manifest" cannot fill memory.
 */
public final class ImageJson {

    /** Manifests and indexes: registries refuse more than 4 MB; drydock allows some slack. */
    public static final int MAX_MANIFEST_BYTES = 8 << 20;
    /** Configs carry history and env; 32 MB is far beyond any real one. */
    public static final int MAX_CONFIG_BYTES = 32 << 20;

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private ImageJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static Manifest manifest(byte[] json, String what) {
        Manifest m = parse(json, Manifest.class, what);
        if (m.config() == null) {
            throw new InputException(what + ": not an image manifest (no config descriptor)");
        }
        return m;
    }

    public static ImageIndex index(byte[] json, String what) {
        return parse(json, ImageIndex.class, what);
    }

    public static ImageConfig config(byte[] json, String what) {
        return parse(json, ImageConfig.class, what);
    }

    /** The {@code mediaType} field of a manifest or index, or null. */
    public static String mediaTypeOf(byte[] json, String what) {
        JsonNode n = parse(json, JsonNode.class, what);
        if (!n.isObject()) {
            throw new InputException(what + ": expected a JSON object");
        }
        JsonNode mt = n.get("mediaType");
        if (mt != null && mt.isTextual()) {
            return mt.asText();
        }
        // OCI allows mediaType to be absent; tell the two shapes apart by their fields
        if (n.has("manifests")) {
            return MediaTypes.OCI_INDEX;
        }
        return n.has("config") ? MediaTypes.OCI_MANIFEST : null;
    }

    public static <T> T parse(byte[] json, Class<T> type, String what) {
        try {
            T value = MAPPER.readValue(json, type);
            if (value == null) {
                throw new InputException(what + ": empty JSON document");
            }
            return value;
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String at = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw new InputException(what + ": invalid JSON" + at + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InputException(what + ": cannot read JSON: " + e.getMessage(), e);
        }
    }

    /** Reads a whole (small) stream, failing when it is larger than {@code max} bytes. */
    public static byte[] readBounded(InputStream in, int max, String what) throws IOException {
        byte[] bytes = in.readNBytes(max + 1);
        if (bytes.length > max) {
            throw new InputException(what + ": larger than " + (max >> 20) + " MB; refusing to read it as JSON");
        }
        return bytes;
    }
}
