package dev.drydock.image;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A container image reference {@code [registry[:port]/]repository[:tag][@digest]}, following the grammar of
 * distribution/reference (github.com/distribution/reference {@code regexp.go}) and Docker Hub normalisation
 * ({@code alpine} → {@code docker.io/library/alpine}).
 *
 * <p>{@link #toString()} is the exact inverse of {@link #parse(String)}: it returns the reference as written.
 *
 * @param written    the text as parsed
 * @param registry   registry host[:port], {@code docker.io} when none was written
 * @param repository repository path, with {@code library/} for official Docker Hub images
 * @param tag        tag, or {@code null} when none was written
 * @param digest     digest ({@code sha256:…}), or {@code null}
 */
public record ImageReference(String written, String registry, String repository, String tag, String digest) {

    public static final String DOCKER_HUB = "docker.io";

    private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*");
    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
    private static final Pattern DIGEST = Pattern.compile("[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}");
    private static final Pattern DOMAIN = Pattern.compile("(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?|\\[[0-9a-fA-F:]+\\](?::[0-9]+)?");

    /**
     * Parses a reference.
     *
     * @throws IllegalArgumentException naming the input and what is wrong with it
     */
    public static ImageReference parse(String ref) {
        if (ref == null || ref.isBlank()) {
            throw new IllegalArgumentException("invalid image reference '': empty");
        }
        String rest = ref;
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
            if (!DIGEST.matcher(digest).matches()) {
                throw bad(ref, "digest '" + digest + "' must look like sha256:<64 hex digits>");
            }
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
            if (!TAG.matcher(tag).matches()) {
                throw bad(ref, "tag '" + tag + "' must be letters, digits, '_', '.' or '-', at most 128");
            }
        }
        String registry = DOCKER_HUB;
        String path = rest;
        int slash = rest.indexOf('/');
        if (slash > 0) {
            String first = rest.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")
                    || !first.equals(first.toLowerCase(Locale.ROOT))) {
                if (!DOMAIN.matcher(first).matches()) {
                    throw bad(ref, "registry '" + first + "' is not a host name");
                }
                registry = first;
                path = rest.substring(slash + 1);
            }
        }
        if (registry.equals("index.docker.io") || registry.equals("registry-1.docker.io")) {
            registry = DOCKER_HUB;
        }
        if (path.isEmpty()) {
            throw bad(ref, "repository name is empty");
        }
        for (String c : path.split("/", -1)) {
            if (!COMPONENT.matcher(c).matches()) {
                throw bad(ref, "repository path component '" + c + "' must be lower-case letters, digits and separators");
            }
        }
        if (registry.equals(DOCKER_HUB) && !path.contains("/")) {
            path = "library/" + path;
        }
        return new ImageReference(ref, registry, path, tag, digest);
    }

    private static IllegalArgumentException bad(String ref, String why) {
        return new IllegalArgumentException("invalid image reference '" + ref + "': " + why);
    }

    /** Parses without throwing. */
    public static Optional<ImageReference> tryParse(String ref) {
        try {
            return Optional.of(parse(ref));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public boolean hasTag() {
        return tag != null;
    }

    public boolean hasDigest() {
        return digest != null;
    }

    /** The registry as a user would write it: empty for Docker Hub images written without one. */
    public boolean isDockerHub() {
        return DOCKER_HUB.equals(registry);
    }

    /** {@code registry/repository}, fully qualified. */
    public String fullName() {
        return registry + "/" + repository;
    }

    @Override
    public String toString() {
        return written;
    }

    /**
     * Every way a pattern in an allow-list may name this image: as written, with and without registry (Docker Hub's
     * {@code library/} too), with and without tag and digest. The linter (DD0008) and the policy
     * ({@code allowed-base-images}) match patterns against these.
     */
    public java.util.Set<String> spellings() {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        names.add(fullName());
        if (isDockerHub()) {
            names.add(repository());
            if (repository().startsWith("library/")) {
                names.add(repository().substring("library/".length()));
            }
        }
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        out.add(written());
        for (String n : names) {
            out.add(n);
            if (hasTag()) {
                out.add(n + ":" + tag());
            }
            if (hasDigest()) {
                out.add(n + "@" + digest());
                if (hasTag()) {
                    out.add(n + ":" + tag() + "@" + digest());
                }
            }
        }
        return out;
    }
}
