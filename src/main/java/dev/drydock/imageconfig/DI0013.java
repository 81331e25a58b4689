package dev.drydock.imageconfig;

import dev.drydock.image.ImageReference;
import dev.drydock.scan.Finding;
import dev.drydock.scan.Severity;
import java.util.List;
import java.util.Optional;

/**
 * The image is known by the {@code latest} tag, or was named without a tag (which means {@code latest}). The reference
 * the user scanned decides when it is a registry or daemon reference; a reference pinned by digest is fine whatever its
 * tag. For archives, the tags the archive records ({@code RepoTags}, {@code org.opencontainers.image.ref.name}) decide.
 */
final class DI0013 implements ImageCheck {

    static final CheckInfo INFO = new CheckInfo("DI0013", Severity.LOW, CheckInfo.IMAGE_CONFIG,
            "Image tagged latest",
            "`latest` is whatever was pushed last: two deployments of the same manifest can run different code, a "
                    + "rollback cannot name the previous version, and a scan result says nothing about the image that "
                    + "runs tomorrow.",
            "Tag every build with an immutable version (`app:1.4.2`, `app:git-3f2c1a9`) and deploy by that tag or, "
                    + "better, by digest (`app@sha256:…`).",
            List.of("DKL-DI-0006"));

    private static final List<String> ARCHIVES = List.of("docker-archive:", "oci-archive:", "oci:");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(CheckInput in) {
        Optional<ImageReference> ref = registryReference(in.reference());
        if (ref.isPresent()) {
            ImageReference r = ref.get();
            if (r.hasDigest()) {
                return List.of();
            }
            if (!r.hasTag()) {
                return List.of(INFO.finding("Image reference has no tag (means latest): " + in.reference(),
                        "'" + in.reference() + "' names no tag, so it resolves to 'latest'.",
                        Finding.Location.config("reference")));
            }
            return r.tag().equals("latest") ? List.of(INFO.finding("Image tagged latest: " + in.reference(),
                    "The image was referenced as '" + in.reference() + "'.", Finding.Location.config("reference")))
                    : List.of();
        }
        for (String tag : in.image().tags()) {
            int colon = tag.lastIndexOf(':');
            if (colon > tag.lastIndexOf('/') && tag.substring(colon + 1).equals("latest")) {
                return List.of(INFO.finding("Image tagged latest: " + tag,
                        "The image source records the tag '" + tag + "'.", Finding.Location.config("tags")));
            }
        }
        return List.of();
    }

    /** The reference as a registry reference, unless it names an archive. */
    static Optional<ImageReference> registryReference(String reference) {
        if (reference == null || reference.isBlank()) {
            return Optional.empty();
        }
        String r = reference.strip();
        for (String prefix : ARCHIVES) {
            if (r.startsWith(prefix)) {
                return Optional.empty();
            }
        }
        if (r.startsWith("/") || r.startsWith(".") || r.endsWith(".tar")) {
            return Optional.empty();
        }
        for (String prefix : List.of("docker://", "docker-daemon:", "podman:")) {
            if (r.startsWith(prefix)) {
                r = r.substring(prefix.length());
            }
        }
        return ImageReference.tryParse(r);
    }
}
