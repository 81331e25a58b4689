package dev.drydock.image.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The hand-written HTTP/1.1 client over a unix socket, against a server in this test that answers with fixed bytes. */
class UnixHttpClientTest {

    private final java.util.List<Path> created = new java.util.ArrayList<>();

    @org.junit.jupiter.api.AfterEach
    void cleanUp() throws IOException {
        for (Path d : created) {
            Files.deleteIfExists(d.resolve("s.sock"));
            Files.deleteIfExists(d);
        }
    }

    /** Serves one connection: reads the request head, sends {@code response}, then (unless {@code hold}) closes. */
    Path serve(String response, boolean hold, AtomicReference<String> request) throws IOException {
        // unix socket paths are limited to 108 bytes, too short for @TempDir under some build directories
        Path sock = Files.createTempDirectory("drydock-uhc-").resolve("s.sock");
        created.add(sock.getParent());
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(sock));
        Thread t = new Thread(() -> {
            try (server; SocketChannel c = server.accept()) {
                ByteBuffer buf = ByteBuffer.allocate(8192);
                StringBuilder head = new StringBuilder();
                while (!head.toString().contains("\r\n\r\n") && c.read(buf) > 0) {
                    buf.flip();
                    head.append(StandardCharsets.US_ASCII.decode(buf));
                    buf.clear();
                }
                request.set(head.toString());
                c.write(ByteBuffer.wrap(response.getBytes(StandardCharsets.ISO_8859_1)));
                if (hold) {
                    Thread.sleep(3000);
                }
            } catch (IOException | InterruptedException e) {
                // the test sees what the client saw
            }
        });
        t.setDaemon(true);
        t.start();
        return sock;
    }

    String body(UnixHttpClient.Response r) throws IOException {
        try (InputStream in = r.body()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void chunkedWithExtensionsAndTrailers() throws Exception {
        AtomicReference<String> req = new AtomicReference<>();
        Path s = serve("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: application/x-tar\r\n\r\n"
                + "5;ext=1\r\nhello\r\n1\r\n \r\nb\r\nfrom podman\r\n0\r\nX-Trailer: y\r\n\r\n", false, req);
        UnixHttpClient.Response r = new UnixHttpClient(s, 5000).get("/images/app:1/get");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("application/x-tar");
        assertThat(body(r)).isEqualTo("hello from podman");
        assertThat(req.get()).startsWith("GET /images/app:1/get HTTP/1.1\r\n").contains("Host: docker\r\n");
    }

    @Test
    void contentLengthAndTruncation() throws Exception {
        Path s = serve("HTTP/1.1 404 Not Found\r\nContent-Length: 20\r\n\r\n{\"message\":\"nope\"}\n\n", false, new AtomicReference<>());
        UnixHttpClient.Response r = new UnixHttpClient(s, 5000).get("/x");
        assertThat(r.status()).isEqualTo(404);
        assertThat(body(r)).isEqualTo("{\"message\":\"nope\"}\n\n");

        Path t = serve("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10\r\nonly a bit", false, new AtomicReference<>());
        UnixHttpClient.Response cut = new UnixHttpClient(t, 5000).get("/x");
        assertThatThrownBy(() -> body(cut)).isInstanceOf(java.io.EOFException.class).hasMessageContaining("inside a chunk");
    }

    @Test
    void aStalledBodyTimesOut() throws Exception {
        Path s = serve("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nabc", true, new AtomicReference<>());
        UnixHttpClient.Response r = new UnixHttpClient(s, 300).get("/x");
        long start = System.nanoTime();
        assertThatThrownBy(() -> body(r)).isInstanceOf(java.net.SocketTimeoutException.class).hasMessageContaining("no data");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2500);
    }

    @Test
    void notHttpIsAnError() throws Exception {
        Path s = serve("SSH-2.0-OpenSSH\r\n\r\n", false, new AtomicReference<>());
        assertThatThrownBy(() -> new UnixHttpClient(s, 5000).get("/x")).hasMessageContaining("not an HTTP response");
    }
}
