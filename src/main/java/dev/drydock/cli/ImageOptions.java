package dev.drydock.cli;

import dev.drydock.DrydockException.UsageException;
import dev.drydock.analyzer.LayerCache;
import dev.drydock.image.Platform;
import dev.drydock.image.Progress;
import dev.drydock.image.SourceOptions;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The options every command that reads an image shares (a picocli mixin): platform, caches, registry login and
 * transport. {@link #platform()}, {@link #cache()} and {@link #sourceOptions()} check them and build what
 * {@code Analysis.of} needs.
 */
final class ImageOptions {

    /** The REF forms, for each command's description. */
    static final String REF_FORMS = "REF: docker-archive:FILE[:TAG], oci-archive:FILE[:TAG], oci:DIR[:TAG], a path (detected by content),"
            + " docker-daemon:NAME, podman:NAME (Engine API over DOCKER_HOST / CONTAINER_HOST unix sockets),"
            + " or a registry reference [registry/]repo[:tag][@digest] (Docker Hub when no registry is named;"
            + " logins from --username/--password-stdin or docker login's config.json).";

    @Option(names = "--platform", paramLabel = "OS/ARCH[/VARIANT]",
            description = "The image to take from a multi-platform index (default: linux/amd64).")
    String platform;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "Layer result cache (default: $XDG_CACHE_HOME/drydock or ~/.cache/drydock).")
    Path cacheDir;

    @Option(names = "--no-cache", description = "Neither read nor write the layer cache nor the registry blob cache.")
    boolean noCache;

    @Option(names = "--blob-cache-size", paramLabel = "SIZE", converter = LayersCommand.ByteSizeConverter.class, defaultValue = "2GiB",
            description = "The most the cache of pulled registry blobs may hold; least recently used go first (default: ${DEFAULT-VALUE}; 0: none).")
    long blobCacheSize;

    @Option(names = {"-u", "--username"}, paramLabel = "USER", description = "Registry login (with --password-stdin).")
    String username;

    @Option(names = "--password-stdin", description = "Read the registry password (or token) from the first line of stdin.")
    boolean passwordStdin;

    @Option(names = "--insecure", description = "Talk plain HTTP to the registry and its token server (never without this).")
    boolean insecure;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Registry connect and read timeout, in seconds (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    /** The platform asked for, or null for the default. */
    Platform platform() {
        if (platform == null) {
            return null;
        }
        try {
            return Platform.parse(platform);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--platform: " + e.getMessage());
        }
    }

    private Path dir() {
        return LayerCache.defaultDir(cacheDir, System.getenv(), System.getProperty("user.home"));
    }

    /** The layer cache, or null with {@code --no-cache}. */
    LayerCache cache() {
        return noCache ? null : new LayerCache(dir());
    }

    /** Checks the options and builds the source options (reads the password from stdin when asked). */
    SourceOptions sourceOptions() {
        if (timeoutSeconds <= 0) {
            throw new UsageException("--timeout must be at least 1 second");
        }
        if (blobCacheSize < 0) {
            throw new UsageException("--blob-cache-size must not be negative");
        }
        SourceOptions options = SourceOptions.defaults()
                .withInsecure(insecure)
                .withTimeout(Duration.ofSeconds(timeoutSeconds))
                .withBlobCache(noCache ? null : dir(), blobCacheSize)
                .withProgress(Progress.terminal(System.err));
        if (passwordStdin || username != null) {
            options = Logins.fromOptions(options, username, passwordStdin, System.in);
        }
        return options;
    }
}
