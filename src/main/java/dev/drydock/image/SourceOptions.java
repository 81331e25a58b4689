package dev.drydock.image;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * What a source may need besides the REF: registry credentials and transport, the blob cache, the environment
 * ({@code DOCKER_CONFIG}, proxies, {@code DOCKER_HOST}; injected so tests need not change the process's), progress.
 *
 * @param username     {@code --username}, or null to look in the docker config
 * @param password     {@code --password-stdin}'s line; never printed ({@link #toString()} leaves it out)
 * @param insecure     {@code --insecure}: talk plain HTTP to the registry (and its token server)
 * @param timeout      connect and read timeout for registries and the daemon's first answer
 * @param blobCacheDir where registry blobs are cached by digest, or null for none
 * @param blobCacheMax the most bytes the blob cache may hold (least recently used go first)
 * @param env          the environment variables to honour
 * @param userHome     for {@code ~/.docker/config.json}
 * @param progress     where pulling and walking report, {@link Progress#NONE} when stderr is not a terminal
 */
public record SourceOptions(String username, String password, boolean insecure, Duration timeout, Path blobCacheDir,
                            long blobCacheMax, Map<String, String> env, String userHome, Progress progress) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final long DEFAULT_BLOB_CACHE_MAX = 2L << 30;

    public SourceOptions {
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        env = env == null ? Map.of() : Map.copyOf(env);
        progress = progress == null ? Progress.NONE : progress;
        if ((password != null) && username == null) {
            throw new IllegalArgumentException("a password needs a username");
        }
    }

    /** The process's environment and home; no credentials, no cache, no progress. */
    public static SourceOptions defaults() {
        return new SourceOptions(null, null, false, DEFAULT_TIMEOUT, null, 0, System.getenv(),
                System.getProperty("user.home"), Progress.NONE);
    }

    public SourceOptions withCredentials(String user, String pass) {
        return new SourceOptions(user, pass, insecure, timeout, blobCacheDir, blobCacheMax, env, userHome, progress);
    }

    public SourceOptions withInsecure(boolean value) {
        return new SourceOptions(username, password, value, timeout, blobCacheDir, blobCacheMax, env, userHome, progress);
    }

    public SourceOptions withTimeout(Duration value) {
        return new SourceOptions(username, password, insecure, value, blobCacheDir, blobCacheMax, env, userHome, progress);
    }

    public SourceOptions withBlobCache(Path dir, long max) {
        return new SourceOptions(username, password, insecure, timeout, dir, max, env, userHome, progress);
    }

    public SourceOptions withEnv(Map<String, String> value) {
        return new SourceOptions(username, password, insecure, timeout, blobCacheDir, blobCacheMax, value, userHome, progress);
    }

    public SourceOptions withUserHome(String value) {
        return new SourceOptions(username, password, insecure, timeout, blobCacheDir, blobCacheMax, env, value, progress);
    }

    public SourceOptions withProgress(Progress value) {
        return new SourceOptions(username, password, insecure, timeout, blobCacheDir, blobCacheMax, env, userHome, value);
    }

    @Override
    public String toString() {
        return "SourceOptions[username=" + username + ", password=" + (password == null ? "none" : "(hidden)")
                + ", insecure=" + insecure + ", timeout=" + timeout + ", blobCacheDir=" + blobCacheDir + "]";
    }
}
