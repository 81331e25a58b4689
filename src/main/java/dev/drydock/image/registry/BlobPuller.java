package dev.drydock.image.registry;

import dev.drydock.image.Descriptor;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * {@code GET /v2/NAME/blobs/DIGEST} (OCI distribution spec "Pulling blobs"): the raw stream, following the redirect to
 * blob storage that most registries send (the {@link RegistryClient} keeps the login from travelling there). The
 * caller verifies the digest as the bytes stream.
 */
final class BlobPuller {

    private final RegistryClient client;

    BlobPuller(RegistryClient client) {
        this.client = client;
    }

    InputStream open(Descriptor d, String what) throws IOException {
        return client.get("blobs/" + d.digest(), List.of(), what).body();
    }
}
