package dev.drydock.image.registry;

import dev.drydock.DrydockException.InputException;
import dev.drydock.image.Descriptor;
import dev.drydock.image.Digest;
import dev.drydock.image.ImageJson;
import dev.drydock.image.MediaTypes;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * {@code GET /v2/NAME/manifests/REFERENCE} (OCI distribution spec "Pulling manifests"): a manifest or index by tag or
 * digest, bounded in size. Pulled by digest, the bytes must hash to it; pulled by tag, the registry's
 * {@code Docker-Content-Digest} header, when sent, must agree with the bytes. Either way the result is described by
 * the digest of the bytes themselves.
 */
final class ManifestPuller {

    static final List<String> ACCEPT = List.of(MediaTypes.OCI_INDEX, MediaTypes.OCI_MANIFEST, MediaTypes.DOCKER_LIST,
            MediaTypes.DOCKER_MANIFEST);

    private final RegistryClient client;

    ManifestPuller(RegistryClient client) {
        this.client = client;
    }

    /** A manifest's bytes and the descriptor that names them. */
    record Pulled(Descriptor descriptor, byte[] bytes) {
    }

    /** @param reference a tag or a digest ({@code sha256:...}) */
    Pulled pull(String reference, String source) throws IOException {
        String what = source + ": manifest " + reference;
        RegistryClient.Response r = client.get("manifests/" + reference, ACCEPT, what);
        byte[] bytes;
        try (InputStream in = r.body()) {
            bytes = ImageJson.readBounded(in, ImageJson.MAX_MANIFEST_BYTES, what);
        }
        Digest actual = Digest.sha256Of(bytes);
        if (reference.contains(":")) {
            Digest expected = Digest.parse(reference);
            Digest got = expected.algorithm().equals(Digest.SHA256) ? actual : Digest.of(expected.algorithm(), digestOf(expected, bytes));
            // a registry that serves other bytes for a digest is broken or tampered with
            if (!got.equals(expected)) {
                throw new InputException(what + ": digest mismatch: expected " + expected + " but the content hashes to " + got);
            }
            actual = got;
        } else {
            String header = r.header("Docker-Content-Digest").orElse(null);
            if (header != null && header.startsWith(Digest.SHA256 + ":") && !Digest.parse(header).equals(actual)) {
                throw new InputException(what + ": digest mismatch: the registry says " + header
                        + " but the content hashes to " + actual);
            }
        }
        // the manifest's own word (or shape) beats a registry's Content-Type, which may be a generic application/json
        String mediaType = ImageJson.mediaTypeOf(bytes, what);
        if (mediaType == null) {
            mediaType = r.header("Content-Type").map(ManifestPuller::bare).orElse(null);
        }
        return new Pulled(new Descriptor(mediaType, actual, bytes.length), bytes);
    }

    private static java.security.MessageDigest digestOf(Digest d, byte[] bytes) {
        java.security.MessageDigest md = d.newMessageDigest();
        md.update(bytes);
        return md;
    }

    private static String bare(String contentType) {
        int semi = contentType.indexOf(';');
        return (semi >= 0 ? contentType.substring(0, semi) : contentType).trim();
    }
}
