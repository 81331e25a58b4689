package dev.drydock.scan;

import java.util.List;

/**
 * What was scanned: an image or a directory, as SBOMs and reports name it.
 *
 * @param name     the REF or directory as the user wrote it
 * @param digest   the image's manifest digest, else its config digest (docker-archive has no manifest blob); null for
 *                 a directory
 * @param imageId  the config digest; null for a directory
 * @param tags     tags the source knows, possibly empty
 * @param created  the image config's {@code created} time as written (RFC 3339), or null
 * @param platform {@code os/arch[/variant]}, or null for a directory
 */
public record Subject(String name, String digest, String imageId, List<String> tags, String created, String platform) {

    public Subject {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public static Subject directory(String name) {
        return new Subject(name, null, null, List.of(), null, null);
    }

    public boolean isDirectory() {
        return digest == null;
    }
}
