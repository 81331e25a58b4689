package dev.drydock.image.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drydock.DrydockException.InputException;
import dev.drydock.image.Image;
import dev.drydock.image.ImageJson;
import dev.drydock.image.ImageSource;
import dev.drydock.image.Platform;
import dev.drydock.image.Progress;
import dev.drydock.image.SourceOptions;
import dev.drydock.image.archive.DockerArchive;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code docker-daemon:NAME} and {@code podman:NAME}: the image exported by the Docker Engine API
 * ({@code GET /images/{name}/get}, docs.docker.com/engine/api/v1.43/#tag/Image/operation/ImageGet) over its unix socket,
 * which Podman serves too ({@code podman system service}). The export is a docker-archive; it is streamed to a
 * temporary file (bounded; deleted on close) because reading a docker-archive needs to seek, then read as one.
 *
 * <p>Sockets: {@code docker-daemon:} uses {@code DOCKER_HOST} ({@code unix://} only), else {@code /var/run/docker.sock};
 * {@code podman:} uses {@code CONTAINER_HOST}, then {@code DOCKER_HOST}, else {@code $XDG_RUNTIME_DIR/podman/podman.sock},
 * then {@code /run/podman/podman.sock}. TCP daemons ({@code tcp://}, usually with TLS client certificates) are refused
 * with a message rather than half supported.
 */
public final class DaemonSource implements ImageSource.Daemon {

    public static final String DOCKER = "docker-daemon:";
    public static final String PODMAN = "podman:";

    /** Exports larger than this are refused (the temporary file must not fill the disk). */
    static final long MAX_EXPORT_BYTES = 64L << 30;
    /** How long the daemon may take to start answering: exporting a large image takes a while before the first byte. */
    static final long MIN_DAEMON_TIMEOUT_MILLIS = 300_000;

    private final String name;
    private final Path tempFile;
    private final ImageSource.Archive archive;

    private DaemonSource(String name, Path tempFile, ImageSource.Archive archive) {
        this.name = name;
        this.tempFile = tempFile;
        this.archive = archive;
    }

    public static boolean handles(String ref) {
        return ref.startsWith(DOCKER) || ref.startsWith(PODMAN);
    }

    public static DaemonSource open(String ref, SourceOptions options) throws IOException {
        boolean podman = ref.startsWith(PODMAN);
        String image = ref.substring(podman ? PODMAN.length() : DOCKER.length());
        if (image.isBlank()) {
            throw new InputException(ref + ": missing image name after the prefix (e.g. " + (podman ? PODMAN : DOCKER) + "alpine:3.20)");
        }
        String daemon = podman ? "Podman" : "Docker";
        Path socket = socket(podman, options.env(), ref);
        UnixHttpClient http = new UnixHttpClient(socket, Math.max(options.timeout().toMillis(), MIN_DAEMON_TIMEOUT_MILLIS));
        String where = daemon + " API at " + socket;
        String path = "/images/" + encode(image);
        try (UnixHttpClient.Response r = call(http, path + "/json", where, socket, podman)) {
            if (r.status() == 404) {
                throw new InputException(ref + ": no such image in the " + where + " (" + message(r) + ")");
            }
            if (r.status() / 100 != 2) {
                throw new InputException(ref + ": the " + where + " answered " + r.status() + " to inspect (" + message(r) + ")");
            }
            r.body().transferTo(OutputStream.nullOutputStream());
        }
        Path tmp = Files.createTempFile("drydock-" + (podman ? "podman" : "docker") + "-", ".tar");
        try {
            try (UnixHttpClient.Response r = call(http, path + "/get", where, socket, podman)) {
                if (r.status() / 100 != 2) {
                    throw new InputException(ref + ": the " + where + " answered " + r.status() + " to export (" + message(r) + ")");
                }
                copyBounded(r.body(), tmp, ref, where, options.progress());
            }
            ImageSource.Archive archive = DockerArchive.open(tmp, ref, null);
            return new DaemonSource(ref, tmp, archive);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    private static UnixHttpClient.Response call(UnixHttpClient http, String path, String where, Path socket, boolean podman)
            throws IOException {
        try {
            return http.get(path);
        } catch (IOException e) {
            if (!Files.exists(socket)) {
                throw new InputException("cannot connect to the " + where + ": no such socket" + hint(socket, podman));
            }
            throw new InputException("cannot talk to the " + where + ": " + (e.getMessage() == null ? e.toString() : e.getMessage())
                    + hint(socket, podman));
        }
    }

    private static String hint(Path socket, boolean podman) {
        return podman ? " (start it with 'podman system service --time=0 unix://" + socket + "', or set CONTAINER_HOST)"
                : " (is Docker running? set DOCKER_HOST=unix:///path/to/docker.sock for another socket)";
    }

    private static void copyBounded(InputStream in, Path to, String ref, String where, Progress progress) throws IOException {
        byte[] buf = new byte[256 * 1024];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(to)) {
            for (int n; (n = in.read(buf)) >= 0; ) {
                total += n;
                if (total > MAX_EXPORT_BYTES) {
                    throw new InputException(ref + ": the export from the " + where + " is larger than "
                            + (MAX_EXPORT_BYTES >> 30) + " GiB; refused");
                }
                out.write(buf, 0, n);
                progress.pulled(n);
            }
        } catch (java.net.SocketTimeoutException e) {
            throw new InputException(ref + ": the " + where + " stopped sending the export: " + e.getMessage());
        }
    }

    /** The daemon's error message ({@code {"message": "..."}}), or empty. */
    private static String message(UnixHttpClient.Response r) {
        try (InputStream in = r.body()) {
            byte[] b = in.readNBytes(16 * 1024);
            JsonNode n = ImageJson.mapper().readTree(b);
            return n != null && n.has("message") ? n.get("message").asText() : new String(b, StandardCharsets.UTF_8).trim();
        } catch (IOException | RuntimeException e) {
            return "no details";
        }
    }

    /** Keeps {@code /} and {@code :} (names like {@code localhost/app:1} are paths to the API), escapes the rest. */
    static String encode(String image) {
        List<String> parts = new ArrayList<>();
        for (String p : image.split("/", -1)) {
            parts.add(URLEncoder.encode(p, StandardCharsets.UTF_8).replace("%3A", ":").replace("+", "%20"));
        }
        return String.join("/", parts);
    }

    static Path socket(boolean podman, Map<String, String> env, String ref) {
        List<String> vars = podman ? List.of("CONTAINER_HOST", "DOCKER_HOST") : List.of("DOCKER_HOST");
        for (String var : vars) {
            String v = env.get(var);
            if (v == null || v.isBlank()) {
                continue;
            }
            if (v.startsWith("unix://")) {
                return Path.of(v.substring("unix://".length()));
            }
            throw new InputException(ref + ": " + var + "=" + v + " is not a unix socket; drydock talks to daemons only over"
                    + " unix:// sockets (for a remote daemon, export the image with 'docker save -o app.tar NAME' and scan"
                    + " docker-archive:app.tar)");
        }
        if (!podman) {
            return Path.of("/var/run/docker.sock");
        }
        String xdg = env.get("XDG_RUNTIME_DIR");
        if (xdg != null && !xdg.isBlank() && Files.exists(Path.of(xdg, "podman", "podman.sock"))) {
            return Path.of(xdg, "podman", "podman.sock");
        }
        return Path.of("/run/podman/podman.sock");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Image resolve(Platform platform) throws IOException {
        Image image = archive.resolve(platform);
        return new Image(name, image.manifestDigest(), image.configDigest(), image.config(), image.layers(), image.tags(),
                image.annotations());
    }

    @Override
    public InputStream openLayer(Image.Layer layer) throws IOException {
        return archive.openLayer(layer);
    }

    @Override
    public void close() throws IOException {
        try {
            archive.close();
        } finally {
            Files.deleteIfExists(tempFile);
        }
    }
}
