package dev.drydock.image.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small fake registry on 127.0.0.1 serving an OCI layout (written by {@code TestImages}) over the distribution API's
 * pull endpoints, with knobs for what real registries do to clients: require basic auth, redirect blobs to another
 * host, serve tampered bytes, fail with a status a few times first. Records every request. For the behaviour a real
 * {@code docker-registry} cannot be made to show; everything else is tested against the real one.
 */
final class LayoutRegistry implements AutoCloseable {

    record Request(String method, String uri, String authorization, String host) {
    }

    final HttpServer server;
    final Path layout;
    final List<Request> requests = new CopyOnWriteArrayList<>();
    volatile String basicAuth;
    volatile String redirectBlobsTo;
    final Map<String, byte[]> tampered = new ConcurrentHashMap<>();
    final AtomicInteger failuresLeft = new AtomicInteger();
    volatile int failureStatus = 503;

    LayoutRegistry(Path layout) throws IOException {
        this.layout = layout;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    String host() {
        return "127.0.0.1:" + port();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            requests.add(new Request(ex.getRequestMethod(), ex.getRequestURI().toString(),
                    ex.getRequestHeaders().getFirst("Authorization"), ex.getRequestHeaders().getFirst("Host")));
            if (failuresLeft.getAndDecrement() > 0) {
                ex.getResponseHeaders().add("Retry-After", "0");
                send(ex, failureStatus, "application/json", "{\"errors\":[{\"code\":\"UNAVAILABLE\",\"message\":\"try later\"}]}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (basicAuth != null && !basicAuth.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                ex.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"fake\"");
                send(ex, 401, "application/json", "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication required\"}]}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String path = ex.getRequestURI().getPath();
            if (path.equals("/v2/")) {
                send(ex, 200, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            int m = path.indexOf("/manifests/");
            int b = path.indexOf("/blobs/");
            if (m > 0) {
                String ref = path.substring(m + "/manifests/".length());
                String digest = ref.contains(":") ? ref : tagged(ref);
                if (digest == null) {
                    send(ex, 404, "application/json", "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"manifest unknown\"}]}".getBytes(StandardCharsets.UTF_8));
                    return;
                }
                byte[] bytes = blob(digest);
                JsonNode n = new ObjectMapper().readTree(bytes);
                ex.getResponseHeaders().add("Docker-Content-Digest", digest);
                send(ex, 200, n.path("mediaType").asText("application/vnd.oci.image.manifest.v1+json"), bytes);
            } else if (b > 0) {
                String digest = path.substring(b + "/blobs/".length());
                if (redirectBlobsTo != null) {
                    ex.getResponseHeaders().add("Location", redirectBlobsTo + "/storage/" + digest + "?signed=1");
                    send(ex, 307, null, new byte[0]);
                    return;
                }
                send(ex, 200, "application/octet-stream", blob(digest));
            } else if (path.startsWith("/storage/")) {
                send(ex, 200, "application/octet-stream", blob(path.substring("/storage/".length())));
            } else {
                send(ex, 404, "text/plain", new byte[0]);
            }
        }
    }

    private String tagged(String tag) throws IOException {
        JsonNode index = new ObjectMapper().readTree(layout.resolve("index.json").toFile());
        for (JsonNode d : index.path("manifests")) {
            String name = d.path("annotations").path("org.opencontainers.image.ref.name").asText(null);
            if (name == null || name.equals(tag) || name.endsWith(":" + tag)) {
                return d.path("digest").asText();
            }
        }
        return null;
    }

    private byte[] blob(String digest) throws IOException {
        byte[] t = tampered.get(digest);
        if (t != null) {
            return t;
        }
        Path f = layout.resolve("blobs").resolve(digest.replace(':', '/'));
        return Files.exists(f) ? Files.readAllBytes(f) : null;
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        if (body == null) {
            status = 404;
            body = "{\"errors\":[{\"code\":\"BLOB_UNKNOWN\",\"message\":\"blob unknown\"}]}".getBytes(StandardCharsets.UTF_8);
        }
        if (type != null) {
            ex.getResponseHeaders().add("Content-Type", type);
        }
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
