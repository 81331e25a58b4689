package dev.drydock.image;

import dev.drydock.DrydockException.InputException;
import dev.drydock.image.archive.ArchiveSources;
import dev.drydock.image.daemon.DaemonSource;
import dev.drydock.image.registry.RegistrySource;
import java.io.IOException;
import java.util.Optional;

/**
 * Opens the {@link ImageSource} a REF names (forms in DESIGN.md): {@code docker-archive:}, {@code oci-archive:},
 * {@code oci:} and existing paths ({@code image.archive}); {@code docker-daemon:} and {@code podman:}
 * ({@code image.daemon}); anything else that parses as {@code [registry/]repo[:tag][@digest]} is pulled from its
 * registry ({@code image.registry}). An existing path wins over a registry reference of the same spelling.
 */
public final class ImageSources {

    private ImageSources() {
    }

    /** Opens REF with the process's environment, no login, no blob cache. */
    public static ImageSource open(String ref) throws IOException {
        return open(ref, SourceOptions.defaults());
    }

    public static ImageSource open(String ref, SourceOptions options) throws IOException {
        if (ref == null || ref.isBlank()) {
            throw new InputException("missing image reference");
        }
        if (ArchiveSources.handles(ref)) {
            return ArchiveSources.open(ref);
        }
        if (DaemonSource.handles(ref)) {
            return DaemonSource.open(ref, options);
        }
        if (ref.startsWith("/") || ref.startsWith(".") || ref.endsWith(".tar")) {
            throw new InputException(ref + ": no such file or directory");
        }
        String registryRef = ref.startsWith("docker://") ? ref.substring("docker://".length()) : ref;
        Optional<ImageReference> parsed = ImageReference.tryParse(registryRef);
        if (parsed.isPresent()) {
            return RegistrySource.open(ref, parsed.get(), options);
        }
        try {
            ImageReference.parse(registryRef);
        } catch (IllegalArgumentException e) {
            throw new InputException(ref + ": not an existing file or directory, nor a registry reference: " + e.getMessage());
        }
        throw new InputException(ref + ": not an image reference, nor an existing file or directory");
    }
}
