package dev.drydock.image.archive;

import dev.drydock.DrydockException.InputException;
import dev.drydock.image.ImageSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens {@code docker-archive:FILE[:REF]}, {@code oci-archive:FILE[:TAG]}, {@code oci:DIR[:TAG]} and bare paths, which
 * are told apart by content: a directory with {@code index.json} is an OCI layout; a tar with {@code index.json} and
 * {@code oci-layout} is an OCI archive; one with {@code manifest.json} is a docker-archive.
 */
public final class ArchiveSources {

    public static final String DOCKER_ARCHIVE = "docker-archive:";
    public static final String OCI_ARCHIVE = "oci-archive:";
    public static final String OCI = "oci:";

    private ArchiveSources() {
    }

    /** Whether this reference names an archive or layout (a prefix, or an existing path). */
    public static boolean handles(String ref) {
        return ref.startsWith(DOCKER_ARCHIVE) || ref.startsWith(OCI_ARCHIVE) || ref.startsWith(OCI)
                || Files.exists(Path.of(ref));
    }

    public static ImageSource.Archive open(String ref) throws IOException {
        if (ref.startsWith(DOCKER_ARCHIVE)) {
            PathAndRef p = split(ref, ref.substring(DOCKER_ARCHIVE.length()));
            return DockerArchive.open(p.path, ref, p.reference);
        }
        if (ref.startsWith(OCI_ARCHIVE)) {
            PathAndRef p = split(ref, ref.substring(OCI_ARCHIVE.length()));
            return OciLayout.archive(p.path, ref, p.reference);
        }
        if (ref.startsWith(OCI)) {
            PathAndRef p = split(ref, ref.substring(OCI.length()));
            return OciLayout.directory(p.path, ref, p.reference);
        }
        Path path = Path.of(ref);
        if (Files.isDirectory(path)) {
            return OciLayout.directory(path, ref, null);
        }
        if (!Files.isRegularFile(path)) {
            throw new InputException(ref + ": no such file or directory");
        }
        return detect(path, ref);
    }

    private static ImageSource.Archive detect(Path file, String ref) throws IOException {
        try (TarIndex tar = TarIndex.open(file, ref)) {
            if (tar.has("index.json") && tar.has("oci-layout")) {
                tar.close();
                return OciLayout.archive(file, ref, null);
            }
            if (tar.has("manifest.json") || tar.has("repositories")) {
                tar.close();
                return DockerArchive.open(file, ref, null);
            }
        }
        throw new InputException(ref + ": a tar archive, but neither a docker-archive (manifest.json) nor an OCI"
                + " archive (index.json, oci-layout)");
    }

    private record PathAndRef(Path path, String reference) {
    }

    /**
     * {@code FILE[:REF]}, where FILE may itself contain colons: the longest prefix that exists is the path (skopeo's
     * rule), the rest is the reference.
     */
    private static PathAndRef split(String ref, String rest) {
        if (rest.isEmpty()) {
            throw new InputException(ref + ": missing path after the prefix");
        }
        if (Files.exists(Path.of(rest))) {
            return new PathAndRef(Path.of(rest), null);
        }
        for (int i = rest.length() - 1; i > 0; i--) {
            if (rest.charAt(i) == ':' && Files.exists(Path.of(rest.substring(0, i)))) {
                String r = rest.substring(i + 1);
                return new PathAndRef(Path.of(rest.substring(0, i)), r.isEmpty() ? null : r);
            }
        }
        int colon = rest.indexOf(':');
        String path = colon > 0 ? rest.substring(0, colon) : rest;
        throw new InputException(ref + ": no such file or directory: " + path);
    }
}
