package dev.drydock.image;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * A content descriptor (github.com/opencontainers/image-spec {@code descriptor.md}): what a blob is, its digest and
 * size, and for index entries the platform it is built for.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Descriptor(String mediaType, Digest digest, long size, List<String> urls, Map<String, String> annotations,
                         Platform platform) {

    /** OCI layouts name a manifest's tag with this annotation ({@code oci:DIR:TAG}). */
    public static final String REF_NAME = "org.opencontainers.image.ref.name";

    public Descriptor {
        if (digest == null) {
            throw new IllegalArgumentException("descriptor has no digest");
        }
        urls = urls == null ? List.of() : List.copyOf(urls);
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    }

    public Descriptor(String mediaType, Digest digest, long size) {
        this(mediaType, digest, size, null, null, null);
    }

    public String annotation(String key) {
        return annotations.get(key);
    }
}
