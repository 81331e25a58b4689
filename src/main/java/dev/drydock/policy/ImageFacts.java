package dev.drydock.policy;

import dev.drydock.image.ImageConfig;
import dev.drydock.scan.ScanReport;
import java.util.Map;

/**
 * What the image rules of a policy look at beyond the findings: the user it runs as, the base image it was built
 * on and its size. A {@link ScanReport} holds only the size; the command that read the image gives the rest with
 * {@link #of(ImageConfig, ScanReport)}.
 *
 * @param user       the config's {@code User} ({@code ""} when unset, which is root), or null when not known
 * @param baseImage  the base image reference, from the OCI annotation {@code org.opencontainers.image.base.name}
 *                   (on the manifest, as buildah and BuildKit write it, or as a config label), or the Dockerfile's
 *                   FROM; null when not known
 * @param baseDigest the base image's digest ({@code org.opencontainers.image.base.digest}), or null
 * @param sizeBytes  all layers' contents, uncompressed (what {@code docker images} shows), or null
 */
public record ImageFacts(String user, String baseImage, String baseDigest, Long sizeBytes) {

    public static final String BASE_NAME = "org.opencontainers.image.base.name";
    public static final String BASE_DIGEST = "org.opencontainers.image.base.digest";

    /** Only what the report knows: the size of an image's layers. */
    public static ImageFacts of(ScanReport report) {
        Long size = report.layers() == null || report.layers().totals() == null ? null : report.layers().totals().contentBytes();
        return new ImageFacts(null, null, null, size);
    }

    /** The image's config (user, base image labels) and the report's layer sizes. */
    public static ImageFacts of(ImageConfig config, ScanReport report) {
        return of(config, Map.of(), report);
    }

    /**
     * The image's config, its manifest's annotations and the report's layer sizes. buildah and BuildKit record the
     * base image as manifest annotations ({@code buildah bud} of {@code FROM localhost/base:1} writes
     * {@code "org.opencontainers.image.base.name": "localhost/base:1"} into the OCI manifest), some builders as
     * config labels; the annotation wins.
     */
    public static ImageFacts of(ImageConfig config, Map<String, String> manifestAnnotations, ScanReport report) {
        ImageConfig.ContainerConfig c = config.config();
        String user = c.user() == null ? "" : c.user().strip();
        String base = first(manifestAnnotations.get(BASE_NAME), c.labels().get(BASE_NAME));
        String digest = first(manifestAnnotations.get(BASE_DIGEST), c.labels().get(BASE_DIGEST));
        return new ImageFacts(user, base, digest, of(report).sizeBytes());
    }

    private static String first(String a, String b) {
        String v = a != null && !a.isBlank() ? a : b;
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** The same facts with the base image a Dockerfile's last FROM names (when the command was given the Dockerfile). */
    public ImageFacts withBaseImage(String ref) {
        return new ImageFacts(user, ref, baseDigest, sizeBytes);
    }

    /**
     * Runs as root: no user, {@code root} or uid 0, with or without a group ({@code 0:0}, {@code root:wheel}).
     * Null when the user is not known.
     */
    public Boolean runsAsRoot() {
        if (user == null) {
            return null;
        }
        String u = user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
        return u.isEmpty() || u.equals("root") || u.equals("0");
    }
}
