package dev.drydock.image;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * Where an image comes from. The kinds are closed (archives and layouts on disk, registries, daemons) and each kind is
 * implemented in its own package: {@code image.archive}, {@code image.registry}, {@code image.daemon}. Java only lets a
 * sealed type name subtypes of its own package here, so each kind is a non-sealed sub-interface that its package
 * implements.
 *
 * <p>A source hands out lazy streams, never byte arrays: {@link #resolve} reads only the manifest, index and config;
 * {@link #openLayer} opens one layer when the walker asks for it, and may be called from several threads at once.
 * Sources that address blobs by descriptor (OCI layouts, registries) implement {@link BlobStore} and use
 * {@link ManifestResolver} to walk indexes and pick the platform, so all of them verify and choose alike.
 */
public sealed interface ImageSource extends Closeable permits ImageSource.Archive, ImageSource.Registry, ImageSource.Daemon {

    /** The reference as the user wrote it, e.g. {@code docker-archive:/tmp/app.tar}; used in every message. */
    String name();

    /**
     * Reads the manifest (choosing from an index by platform), the config and the list of layers. Every blob read is
     * verified against its digest.
     *
     * @param platform the platform asked for with {@code --platform}, or null for the default (linux/amd64 from an
     *                 index; a single-platform image is taken as it is)
     * @throws dev.drydock.DrydockException.InputException when the image is invalid, absent, or not for the platform
     */
    Image resolve(Platform platform) throws IOException;

    /**
     * Opens a layer blob as stored (compressed or not). The stream verifies the blob digest as it is read when the
     * source knows it; the layer walker always verifies the uncompressed stream against the config's diff_id.
     */
    InputStream openLayer(Image.Layer layer) throws IOException;

    /** {@code docker-archive:}, {@code oci-archive:}, {@code oci:} and bare paths: see {@code image.archive}. */
    non-sealed interface Archive extends ImageSource {
    }

    /** A registry reference (OCI distribution API): see {@code image.registry}. */
    non-sealed interface Registry extends ImageSource {
    }

    /** {@code docker-daemon:} and {@code podman:} (Docker Engine API over a socket): see {@code image.daemon}. */
    non-sealed interface Daemon extends ImageSource {
    }
}
