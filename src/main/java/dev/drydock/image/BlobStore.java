package dev.drydock.image;

import java.io.IOException;
import java.io.InputStream;

/** Blobs addressed by descriptor: an OCI layout's {@code blobs/} directory, a registry's blob endpoint. */
@FunctionalInterface
public interface BlobStore {

    /**
     * Opens the blob's raw bytes, lazily. Callers verify; {@link ManifestResolver} does for manifests and configs.
     *
     * @throws java.io.FileNotFoundException or {@link java.nio.file.NoSuchFileException} when the store has no such blob
     */
    InputStream open(Descriptor descriptor) throws IOException;
}
