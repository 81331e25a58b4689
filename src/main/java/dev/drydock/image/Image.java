package dev.drydock.image;

import java.util.List;

/**
 * A resolved image: the chosen manifest, its config and its layers, base first. Nothing of the layers has been read.
 *
 * @param source         the source's name, for messages
 * @param manifestDigest the manifest's digest, or null when the source has no manifest blob (docker-archive)
 * @param configDigest   the config's digest (docker's image id)
 * @param tags           the tags the source knows for this image (RepoTags, ref.name), possibly empty
 * @param annotations    the manifest's annotations (buildah and BuildKit record the base image there as
 *                       {@code org.opencontainers.image.base.name}); empty when there is no manifest blob
 */
public record Image(String source, Digest manifestDigest, Digest configDigest, ImageConfig config, List<Layer> layers,
                    List<String> tags, java.util.Map<String, String> annotations) {

    public Image {
        layers = List.copyOf(layers);
        tags = List.copyOf(tags);
        annotations = annotations == null ? java.util.Map.of() : java.util.Map.copyOf(annotations);
    }

    /** An image whose source has no manifest annotations (docker-archive). */
    public Image(String source, Digest manifestDigest, Digest configDigest, ImageConfig config, List<Layer> layers,
                 List<String> tags) {
        this(source, manifestDigest, configDigest, config, layers, tags, java.util.Map.of());
    }

    public Platform platform() {
        return config.platform();
    }

    /**
     * One layer.
     *
     * @param index   0 for the base layer
     * @param blob    the blob as stored: media type, digest, compressed size
     * @param diffId  the digest of the uncompressed tar, from the config
     * @param history the build step that made it, or null when the history does not say
     * @param present false for a foreign (non-distributable) layer the source does not hold; it is reported, not read
     */
    public record Layer(int index, Descriptor blob, Digest diffId, ImageConfig.History history, boolean present) {

        public boolean foreign() {
            return MediaTypes.isForeign(blob.mediaType());
        }

        /** The build step, e.g. {@code RUN apt-get install ...}, or an empty string. */
        public String createdBy() {
            return history == null || history.createdBy() == null ? "" : history.createdBy();
        }
    }
}
