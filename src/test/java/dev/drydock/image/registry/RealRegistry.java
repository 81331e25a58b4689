package dev.drydock.image.registry;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code docker-registry} (github.com/distribution/distribution 2.8, Debian's package) on 127.0.0.1 and a free
 * port, started with a generated config.yml; {@link #close()} stops the process this class started.
 */
final class RealRegistry implements AutoCloseable {

    final int port;
    final Process process;
    final Path log;

    private RealRegistry(int port, Process process, Path log) {
        this.port = port;
        this.process = process;
        this.log = log;
    }

    String host() {
        return "127.0.0.1:" + port;
    }

    /** With HTTP basic auth from a bcrypt htpasswd file ({@code htpasswd -B}). */
    static RealRegistry withHtpasswd(Path dir, Path htpasswd) throws Exception {
        return start(dir, """
                auth:
                  htpasswd:
                    realm: drydock-test
                    path: %s
                """.formatted(htpasswd));
    }

    /** With token auth: tokens from {@code realm}, signed by a key whose certificate is in {@code rootCert}. */
    static RealRegistry withTokens(Path dir, String realm, String service, String issuer, Path rootCert) throws Exception {
        return start(dir, """
                auth:
                  token:
                    realm: %s
                    service: %s
                    issuer: %s
                    rootcertbundle: %s
                """.formatted(realm, service, issuer, rootCert));
    }

    private static RealRegistry start(Path dir, String auth) throws Exception {
        Files.createDirectories(dir);
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path config = dir.resolve("config.yml");
        Files.writeString(config, """
                version: 0.1
                log:
                  level: warn
                storage:
                  filesystem:
                    rootdirectory: %s
                http:
                  addr: 127.0.0.1:%d
                  secret: drydock-test-secret
                """.formatted(dir.resolve("data"), port) + auth);
        Path log = dir.resolve("registry.log");
        Process p = new ProcessBuilder("docker-registry", "serve", config.toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        RealRegistry r = new RealRegistry(port, p, log);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("docker-registry exited: " + Files.readString(log));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return r;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        r.close();
        throw new IllegalStateException("docker-registry did not listen on " + port + ": " + Files.readString(log));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
