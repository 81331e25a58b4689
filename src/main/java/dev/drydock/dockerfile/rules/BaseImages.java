package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Stage;
import dev.drydock.image.ImageReference;
import java.util.Optional;

/** The external base image a stage builds on, as far as the Dockerfile alone tells. */
final class BaseImages {

    private BaseImages() {
    }

    /**
     * The stage's base image reference with global ARG defaults substituted; empty for {@code scratch}, for an
     * earlier stage, and when a variable without default leaves the reference unknown or invalid.
     */
    static Optional<ImageReference> of(Stage s) {
        String image = s.imageExpanded();
        if (s.buildsOnStage() || s.isScratch() || image == null || image.isBlank() || image.contains("$")) {
            return Optional.empty();
        }
        return ImageReference.tryParse(image);
    }
}
