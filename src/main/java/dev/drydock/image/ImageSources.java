package dev.drydock.image;

import dev.drydock.DrydockException.InputException;
import dev.drydock.image.archive.ArchiveSources;
import java.io.IOException;

/**
 * Opens the {@link ImageSource} a REF names (forms in DESIGN.md). Archives and layouts are read here; registry
 * ({@code [registry/]repo[:tag][@digest]}) and daemon ({@code docker-daemon:}, {@code podman:}) sources slot in as
 * further branches when their packages exist.
 */
public final class ImageSources {

    private ImageSources() {
    }

    public static ImageSource open(String ref) throws IOException {
        if (ref == null || ref.isBlank()) {
            throw new InputException("missing image reference");
        }
        if (ArchiveSources.handles(ref)) {
            return ArchiveSources.open(ref);
        }
        if (ref.startsWith("docker-daemon:") || ref.startsWith("podman:")) {
            throw new InputException(ref + ": reading from a Docker or Podman daemon is not supported yet;"
                    + " export the image with 'docker save -o app.tar NAME' and scan docker-archive:app.tar");
        }
        if (ref.startsWith("/") || ref.startsWith(".") || ref.endsWith(".tar")) {
            throw new InputException(ref + ": no such file or directory");
        }
        if (ImageReference.tryParse(ref).isPresent()) {
            throw new InputException(ref + ": no such file, and pulling from registries is not supported yet;"
                    + " copy the image with 'skopeo copy docker://" + ref + " oci-archive:app.tar' and scan oci-archive:app.tar");
        }
        throw new InputException(ref + ": not an image reference, nor an existing file or directory");
    }
}
