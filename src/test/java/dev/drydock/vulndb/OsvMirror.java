package dev.drydock.vulndb;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A real HTTP server on 127.0.0.1 standing in for osv.dev's bucket: serves {@code /<Ecosystem>/all.zip} and a KEV
 * file with ETag and Last-Modified, answers conditional requests with 304, and can misbehave on purpose (drop the
 * connection half-way through a body). Records every request.
 */
final class OsvMirror implements AutoCloseable {

    enum Mode { NORMAL, DROP_MID_BODY }

    record Request(String path, int status, String ifNoneMatch) {
    }

    private final HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, Mode> modes = new ConcurrentHashMap<>();
    final List<Request> requests = new CopyOnWriteArrayList<>();

    OsvMirror() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void put(String path, byte[] body) {
        files.put(path, body);
    }

    void mode(String path, Mode m) {
        modes.put(path, m);
    }

    long count(String path, int status) {
        return requests.stream().filter(r -> r.path().equals(path) && r.status() == status).count();
    }

    long count(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).count();
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        byte[] body = files.get(path);
        String inm = ex.getRequestHeaders().getFirst("If-None-Match");
        try (ex) {
            if (body == null) {
                requests.add(new Request(path, 404, inm));
                ex.sendResponseHeaders(404, -1);
                return;
            }
            String etag = "\"" + sha256(body) + "\"";
            ex.getResponseHeaders().add("ETag", etag);
            ex.getResponseHeaders().add("Last-Modified", "Mon, 23 Nov 2026 10:00:00 GMT");
            if (etag.equals(inm)) {
                requests.add(new Request(path, 304, inm));
                ex.sendResponseHeaders(304, -1);
                return;
            }
            requests.add(new Request(path, 200, inm));
            ex.sendResponseHeaders(200, body.length);
            OutputStream o = ex.getResponseBody();
            if (modes.getOrDefault(path, Mode.NORMAL) == Mode.DROP_MID_BODY) {
                o.write(body, 0, body.length / 2);
                o.flush();
                throw new IOException("dropping the connection on purpose");
            }
            o.write(body);
        }
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A zip of every file under {@code dir}, as osv.dev's all.zip holds one JSON file per record. */
    static byte[] zipOf(Path dir) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes); Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                z.putNextEntry(new ZipEntry(dir.relativize(p).toString()));
                z.write(Files.readAllBytes(p));
            }
        }
        return bytes.toByteArray();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
