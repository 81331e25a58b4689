package dev.drydock.image.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.drydock.DrydockException.InputException;
import dev.drydock.analyzer.Analysis;
import dev.drydock.analyzer.Analyzers;
import dev.drydock.image.SourceOptions;
import dev.drydock.image.archive.BuildahImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * {@code docker-daemon:} and {@code podman:} against the real Docker-compatible API that {@code podman system service}
 * serves on a unix socket this test starts (with its own vfs storage, so nothing of the machine's is touched), holding
 * the buildah-built test image loaded with {@code podman load}. Needs podman, buildah, umoci, busybox-static
 * ({@code .ci/install-image-tools.sh}); skipped otherwise.
 */
class DaemonSourceTest {

    static final Path WORK = BuildahImages.WORK.resolveSibling("podman");
    static String skip;
    static Process service;
    static Path socket;

    @BeforeAll
    static void start() throws Exception {
        if (!BuildahImages.onPath("podman")) {
            skip = "podman is not installed (run .ci/install-image-tools.sh)";
            return;
        }
        skip = BuildahImages.build();
        if (skip != null) {
            return;
        }
        BuildahImages.deleteTree(WORK);
        Files.createDirectories(WORK);
        // unix socket paths are limited to 108 bytes: keep it short, under /tmp
        socket = Files.createTempDirectory("drydock-podman-").resolve("api.sock");
        podman("load", "-q", "-i", BuildahImages.WORK.resolve("image.docker.tar").toString()).waitFor(120, TimeUnit.SECONDS);
        service = podman("system", "service", "--time=0", "unix://" + socket);
        for (int i = 0; i < 200 && !Files.exists(socket); i++) {
            Thread.sleep(50);
        }
        if (!Files.exists(socket)) {
            skip = "podman system service did not create " + socket + ": " + Files.readString(WORK.resolve("podman.log"));
        }
    }

    static Process podman(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("podman", "--root", WORK.resolve("root").toString(), "--runroot",
                WORK.resolve("run").toString(), "--storage-driver", "vfs"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(WORK.resolve("podman.log").toFile()).start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null) {
            service.destroy();
            service.waitFor(10, TimeUnit.SECONDS);
        }
        if (socket != null) {
            BuildahImages.deleteTree(socket.getParent());
        }
    }

    static SourceOptions options(String var) {
        return SourceOptions.defaults().withEnv(Map.of(var, "unix://" + socket));
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker-daemon:drydock-test-image|DOCKER_HOST", "podman:localhost/drydock-test-image:latest|CONTAINER_HOST",
            "podman:drydock-test-image|DOCKER_HOST"})
    void readsTheImageTheDaemonHolds(String row) throws Exception {
        assumeTrue(skip == null, () -> "skipped: " + skip);
        String ref = row.split("\\|")[0];
        Analysis fromDaemon = Analysis.of(ref, null, Analyzers.builtIn(), null, options(row.split("\\|")[1]));
        Analysis fromArchive = Analysis.of("docker-archive:" + BuildahImages.WORK.resolve("image.docker.tar"), null,
                Analyzers.builtIn(), null, SourceOptions.defaults());
        assertThat(fromDaemon.image().source()).isEqualTo(ref);
        assertThat(fromDaemon.image().configDigest()).isEqualTo(fromArchive.image().configDigest());
        assertThat(fromDaemon.image().layers()).extracting(l -> l.diffId())
                .isEqualTo(fromArchive.image().layers().stream().map(l -> l.diffId()).toList());
        assertThat(fromDaemon.view().files().keySet()).isEqualTo(fromArchive.view().files().keySet());
        try (Stream<Path> tmp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(tmp.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("drydock-podman-") && n.endsWith(".tar"));
        }
    }

    @Test
    void anAbsentImageIsAClearError() {
        assumeTrue(skip == null, () -> "skipped: " + skip);
        assertThatThrownBy(() -> Analysis.of("podman:no-such-image", null, Analyzers.builtIn(), null, options("CONTAINER_HOST")))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("podman:no-such-image: no such image in the Podman API at " + socket);
    }

    @Test
    void aMissingSocketOrATcpHostIsAClearError() {
        assertThatThrownBy(() -> Analysis.of("docker-daemon:x", null, Analyzers.builtIn(), null,
                SourceOptions.defaults().withEnv(Map.of("DOCKER_HOST", "unix:///nonexistent/docker.sock"))))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("cannot connect to the Docker API at /nonexistent/docker.sock: no such socket");
        assertThatThrownBy(() -> Analysis.of("docker-daemon:x", null, Analyzers.builtIn(), null,
                SourceOptions.defaults().withEnv(Map.of("DOCKER_HOST", "tcp://127.0.0.1:2375"))))
                .isInstanceOf(InputException.class).hasMessageContaining("only over unix:// sockets");
        assertThat(DaemonSource.socket(true, Map.of(), "podman:x")).isEqualTo(Path.of("/run/podman/podman.sock"));
        assertThat(DaemonSource.socket(false, Map.of(), "docker-daemon:x")).isEqualTo(Path.of("/var/run/docker.sock"));
        assertThat(DaemonSource.encode("localhost/app:1.0")).isEqualTo("localhost/app:1.0");
        assertThat(DaemonSource.encode("a b?")).isEqualTo("a%20b%3F");
    }
}
