package dev.drydock.image;

import java.util.Set;

/**
 * The media types of Docker image manifest v2 schema 2 (github.com/distribution/distribution
 * {@code docs/spec/manifest-v2-2.md}) and the OCI image spec (github.com/opencontainers/image-spec
 * {@code media-types.md}).
 */
public final class MediaTypes {

    public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    public static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
    public static final String OCI_LAYER = "application/vnd.oci.image.layer.v1.tar";
    public static final String OCI_LAYER_GZIP = "application/vnd.oci.image.layer.v1.tar+gzip";
    public static final String OCI_LAYER_ZSTD = "application/vnd.oci.image.layer.v1.tar+zstd";
    public static final String OCI_FOREIGN_LAYER = "application/vnd.oci.image.layer.nondistributable.v1.tar";
    public static final String OCI_FOREIGN_LAYER_GZIP = "application/vnd.oci.image.layer.nondistributable.v1.tar+gzip";
    public static final String OCI_FOREIGN_LAYER_ZSTD = "application/vnd.oci.image.layer.nondistributable.v1.tar+zstd";

    public static final String DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
    public static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    public static final String DOCKER_CONFIG = "application/vnd.docker.container.image.v1+json";
    public static final String DOCKER_LAYER = "application/vnd.docker.image.rootfs.diff.tar";
    public static final String DOCKER_LAYER_GZIP = "application/vnd.docker.image.rootfs.diff.tar.gzip";
    public static final String DOCKER_FOREIGN_LAYER = "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip";

    private static final Set<String> INDEXES = Set.of(OCI_INDEX, DOCKER_LIST);
    private static final Set<String> MANIFESTS = Set.of(OCI_MANIFEST, DOCKER_MANIFEST);
    private static final Set<String> LAYERS = Set.of(OCI_LAYER, OCI_LAYER_GZIP, OCI_LAYER_ZSTD, OCI_FOREIGN_LAYER,
            OCI_FOREIGN_LAYER_GZIP, OCI_FOREIGN_LAYER_ZSTD, DOCKER_LAYER, DOCKER_LAYER_GZIP, DOCKER_FOREIGN_LAYER);
    private static final Set<String> FOREIGN = Set.of(OCI_FOREIGN_LAYER, OCI_FOREIGN_LAYER_GZIP, OCI_FOREIGN_LAYER_ZSTD,
            DOCKER_FOREIGN_LAYER);

    private MediaTypes() {
    }

    public static boolean isIndex(String mediaType) {
        return INDEXES.contains(mediaType);
    }

    public static boolean isManifest(String mediaType) {
        return MANIFESTS.contains(mediaType);
    }

    public static boolean isLayer(String mediaType) {
        return LAYERS.contains(mediaType);
    }

    /** Non-distributable layers (Windows base layers): registries may not hold them, so they are often absent. */
    public static boolean isForeign(String mediaType) {
        return FOREIGN.contains(mediaType);
    }

    /** The compression a layer media type declares; drydock also sniffs magic bytes, since some tools mislabel. */
    public static Compression compression(String mediaType) {
        if (mediaType == null) {
            return Compression.UNKNOWN;
        }
        if (mediaType.endsWith("+gzip") || mediaType.endsWith(".gzip")) {
            return Compression.GZIP;
        }
        if (mediaType.endsWith("+zstd")) {
            return Compression.ZSTD;
        }
        if (mediaType.endsWith(".tar")) {
            return Compression.NONE;
        }
        return Compression.UNKNOWN;
    }

    /** How a layer blob is compressed. */
    public enum Compression { NONE, GZIP, ZSTD, UNKNOWN }
}
