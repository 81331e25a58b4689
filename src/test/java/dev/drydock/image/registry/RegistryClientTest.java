package dev.drydock.image.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.DrydockException.InputException;
import dev.drydock.analyzer.Analysis;
import dev.drydock.analyzer.Analyzers;
import dev.drydock.image.Digest;
import dev.drydock.image.SourceOptions;
import dev.drydock.image.TestImages;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry client against a fake registry on 127.0.0.1 ({@link LayoutRegistry}), for what a real registry cannot
 * be made to do on demand: redirect blobs to another host, serve tampered bytes, fail and recover, stall, sit behind a
 * proxy. Auth against a real {@code docker-registry} is in {@link RealRegistryTest}.
 */
class RegistryClientTest {

    @TempDir
    Path dir;

    LayoutRegistry registry;
    Path layout;

    @BeforeEach
    void start() throws Exception {
        layout = TestImages.ociLayout()
                .layer(TestImages.layer().file("etc/os-release", "ID=alpine\nVERSION_ID=3.20.0\n"), "ADD rootfs /")
                .layer(TestImages.layer().file("app/big", new byte[50_000]).whiteout("etc/gone"), "COPY app /app")
                .tag("1.0")
                .writeTo(dir.resolve("layout"));
        registry = new LayoutRegistry(layout);
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    SourceOptions options() {
        return SourceOptions.defaults().withInsecure(true).withEnv(Map.of("PATH", "/usr/bin:/bin"))
                .withUserHome(dir.toString()).withTimeout(Duration.ofSeconds(5));
    }

    Analysis pull(String ref, SourceOptions options) throws Exception {
        return Analysis.of(ref, null, Analyzers.builtIn(), null, options);
    }

    @Test
    void pullsAndVerifiesAnImageLikeTheLayoutItCameFrom() throws Exception {
        Analysis fromRegistry = pull(registry.host() + "/app:1.0", options());
        Analysis fromLayout = pull("oci:" + layout, options());
        assertThat(fromRegistry.image().layers()).extracting(l -> l.diffId()).isEqualTo(
                fromLayout.image().layers().stream().map(l -> l.diffId()).toList());
        assertThat(fromRegistry.view().files().keySet()).isEqualTo(fromLayout.view().files().keySet());
        assertThat(fromRegistry.image().tags()).containsExactly(registry.host() + "/app:1.0");
        assertThat(registry.requests).extracting(LayoutRegistry.Request::uri).contains("/v2/app/manifests/1.0");
    }

    @Test
    void redirectsToBlobStorageDoNotCarryTheLogin() throws Exception {
        try (LayoutRegistry storage = new LayoutRegistry(layout)) {
            registry.basicAuth = "Basic " + Base64.getEncoder().encodeToString("alice:s3cret".getBytes(StandardCharsets.UTF_8));
            registry.redirectBlobsTo = "http://127.0.0.1:" + storage.port(); // another port is another origin
            pull(registry.host() + "/app:1.0", options().withCredentials("alice", "s3cret"));
            assertThat(storage.requests).isNotEmpty().allSatisfy(r -> assertThat(r.authorization()).isNull());
            assertThat(registry.requests).filteredOn(r -> r.uri().contains("/blobs/"))
                    .isNotEmpty().allSatisfy(r -> assertThat(r.authorization()).startsWith("Basic "));
        }
    }

    @Test
    void aTamperedLayerFailsNamingBothDigests() throws Exception {
        Path blobs = layout.resolve("blobs/sha256");
        String biggest;
        try (Stream<Path> s = Files.list(blobs)) {
            biggest = s.max((a, b) -> Long.compare(a.toFile().length(), b.toFile().length())).orElseThrow().getFileName().toString();
        }
        byte[] bytes = Files.readAllBytes(blobs.resolve(biggest));
        bytes[bytes.length / 2] ^= 1;
        registry.tampered.put("sha256:" + biggest, bytes);
        assertThatThrownBy(() -> pull(registry.host() + "/app:1.0", options()))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("sha256:" + biggest)
                .hasMessageContaining(Digest.sha256Of(bytes).toString())
                .hasMessageContaining("digest mismatch");
    }

    @Test
    void aManifestThatIsNotWhatItsDigestSaysFails() throws Exception {
        Analysis ok = pull(registry.host() + "/app:1.0", options());
        String manifest = ok.image().manifestDigest().toString();
        registry.tampered.put(manifest, "{\"schemaVersion\":2,\"config\":{}}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> pull(registry.host() + "/app@" + manifest, options()))
                .hasMessageContaining("digest mismatch").hasMessageContaining(manifest);
    }

    @Test
    void retriesOn503And429ThenSucceeds() throws Exception {
        registry.failuresLeft.set(2);
        pull(registry.host() + "/app:1.0", options());
        assertThat(registry.requests.subList(0, 3)).extracting(LayoutRegistry.Request::uri)
                .containsOnly("/v2/app/manifests/1.0");
        registry.failureStatus = 429;
        registry.failuresLeft.set(10);
        assertThatThrownBy(() -> pull(registry.host() + "/app:1.0", options()))
                .hasMessageContaining("too many requests").hasMessageContaining("UNAVAILABLE try later");
    }

    @Test
    void unknownTagIsAClearError() {
        assertThatThrownBy(() -> pull(registry.host() + "/app:nope", options()))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("manifest nope").hasMessageContaining("not found").hasMessageContaining("MANIFEST_UNKNOWN");
    }

    @Test
    void aClosedPortIsUnreachableQuickly() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        long start = System.nanoTime();
        assertThatThrownBy(() -> pull("127.0.0.1:" + port + "/app:1", options().withTimeout(Duration.ofSeconds(3))))
                .isInstanceOf(InputException.class)
                .hasMessageMatching("registry 127\\.0\\.0\\.1:" + port + " unreachable after \\d+s \\(connection refused; timeout 3s\\)");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
    }

    @Test
    void aRegistryThatNeverAnswersTimesOut() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> pull("127.0.0.1:" + silent.getLocalPort() + "/app:1", options().withTimeout(Duration.ofSeconds(1))))
                    .isInstanceOf(InputException.class)
                    .hasMessageContaining("unreachable after 1s (no answer within 1s");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        }
    }

    @Test
    void plainHttpOnlyWithInsecure() {
        // without --insecure drydock speaks TLS, which this plain-HTTP server never answers: no request reaches it
        assertThatThrownBy(() -> pull(registry.host() + "/app:1.0", options().withInsecure(false).withTimeout(Duration.ofSeconds(1))))
                .isInstanceOf(InputException.class).hasMessageContaining("unreachable");
        assertThat(registry.requests).isEmpty();
    }

    @Test
    void proxiesFromTheEnvironmentAreUsed() throws Exception {
        // the proxy is the fake registry itself: a host name only it can answer for proves the request went through it
        SourceOptions viaProxy = options().withEnv(Map.of("HTTP_PROXY", "http://" + registry.host(), "NO_PROXY", "example.com"));
        Analysis a = pull("registry.invalid:5000/app:1.0", viaProxy);
        assertThat(a.image().layers()).hasSize(2);
        assertThat(registry.requests).extracting(LayoutRegistry.Request::host).contains("registry.invalid:5000");
        SourceOptions bypassed = options().withEnv(Map.of("HTTP_PROXY", "http://" + registry.host(), "NO_PROXY", ".invalid"))
                .withTimeout(Duration.ofSeconds(2));
        assertThatThrownBy(() -> pull("registry.invalid:5000/app:1.0", bypassed)).isInstanceOf(InputException.class);
    }

    @Test
    void loginsComeFromDockerConfigAuths() throws Exception {
        registry.basicAuth = "Basic " + Base64.getEncoder().encodeToString("bob:pw".getBytes(StandardCharsets.UTF_8));
        Path config = Files.createDirectories(dir.resolve("dockercfg"));
        Files.writeString(config.resolve("config.json"), "{\"auths\":{\"http://" + registry.host() + "/v2/\":{\"auth\":\""
                + Base64.getEncoder().encodeToString("bob:pw".getBytes(StandardCharsets.UTF_8)) + "\"}}}");
        pull(registry.host() + "/app:1.0", options().withEnv(Map.of("DOCKER_CONFIG", config.toString())));
        assertThatThrownBy(() -> pull(registry.host() + "/app:1.0", options()))
                .hasMessageContaining("needs a login");
    }

    @Test
    void loginsComeFromCredentialHelpersAndStores() throws Exception {
        registry.basicAuth = "Basic " + Base64.getEncoder().encodeToString("carol:from-helper".getBytes(StandardCharsets.UTF_8));
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path helper = bin.resolve("docker-credential-drytest");
        // the protocol of github.com/docker/docker-credential-helpers: 'get', server URL on stdin, JSON on stdout
        Files.writeString(helper, "#!/bin/sh\nread server\n[ \"$1\" = get ] || exit 1\n"
                + "[ \"$server\" = \"" + registry.host() + "\" ] || { echo 'credentials not found in native keychain'; exit 1; }\n"
                + "printf '{\"ServerURL\":\"%s\",\"Username\":\"carol\",\"Secret\":\"from-helper\"}' \"$server\"\n");
        helper.toFile().setExecutable(true);
        Path config = Files.createDirectories(dir.resolve("dockercfg"));
        Map<String, String> env = Map.of("DOCKER_CONFIG", config.toString(), "PATH", bin + ":/usr/bin:/bin");
        Files.writeString(config.resolve("config.json"), "{\"credHelpers\":{\"" + registry.host() + "\":\"drytest\"}}");
        pull(registry.host() + "/app:1.0", options().withEnv(env));
        Files.writeString(config.resolve("config.json"), "{\"credsStore\":\"drytest\",\"auths\":{\"" + registry.host() + "\":{}}}");
        pull(registry.host() + "/app:1.0", options().withEnv(env));
        Files.writeString(config.resolve("config.json"), "{\"credsStore\":\"missing\"}");
        assertThatThrownBy(() -> pull(registry.host() + "/app:1.0", options().withEnv(env)))
                .hasMessageContaining("docker-credential-missing is not on PATH");
    }

    @Test
    void pulledBlobsAreCachedByDigestAndReused() throws Exception {
        Path cache = dir.resolve("cache");
        pull(registry.host() + "/app:1.0", options().withBlobCache(cache, 10 << 20));
        long blobRequests = registry.requests.stream().filter(r -> r.uri().contains("/blobs/")).count();
        assertThat(blobRequests).isEqualTo(3); // config and two layers
        try (Stream<Path> s = Files.list(cache.resolve("blobs/sha256"))) {
            assertThat(s.count()).isEqualTo(3);
        }
        registry.requests.clear();
        pull(registry.host() + "/app:1.0", options().withBlobCache(cache, 10 << 20));
        assertThat(registry.requests).extracting(LayoutRegistry.Request::uri).containsExactly("/v2/app/manifests/1.0");
    }

    @Test
    void progressCountsPulledBytesAndLayers() throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        pull(registry.host() + "/app:1.0", options().withProgress(dev.drydock.image.Progress.to(
                new java.io.PrintStream(out, true, StandardCharsets.UTF_8))));
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("\rdrydock: layers 2/2").contains("pulled ").endsWith("\n");
        assertThat(dev.drydock.image.Progress.NONE.enabled()).isFalse();
    }

    @Test
    void credentialsNeverShowInTheirString() {
        Credentials c = Credentials.basic("alice", "hunter2", "--username");
        assertThat(c.toString()).contains("alice").doesNotContain("hunter2");
        assertThat(SourceOptions.defaults().withCredentials("alice", "hunter2").toString()).doesNotContain("hunter2");
        assertThat(List.of(c).toString()).doesNotContain("hunter2");
    }
}
