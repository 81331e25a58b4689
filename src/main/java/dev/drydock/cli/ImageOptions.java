package dev.drydock.cli;

import dev.drydock.DrydockException.UsageException;
import dev.drydock.analyzer.LayerCache;
import dev.drydock.image.Platform;
import dev.drydock.image.Progress;
import dev.drydock.image.SourceOptions;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The options of every command that reads an image: platform, registry login and transport, caches. A picocli mixin. */
final class ImageOptions {

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

    Path cacheDirectory() {
        return LayerCache.defaultDir(cacheDir, System.getenv(), System.getProperty("user.home"));
    }

    /** The layer cache, or null with --no-cache. */
    LayerCache cache() {
        return noCache ? null : new LayerCache(cacheDirectory());
    }

    /** Checks the options and reads the password from stdin when asked. */
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
                .withBlobCache(noCache ? null : cacheDirectory(), blobCacheSize)
                .withProgress(Progress.terminal(System.err));
        if (passwordStdin || username != null) {
            options = Logins.fromOptions(options, username, passwordStdin, System.in);
        }
        return options;
    }
}
