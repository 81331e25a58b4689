package dev.drydock.image.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.image.Digest;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pure parts of the registry client, table-driven: challenges, proxy choice, config keys, the blob cache. */
class RegistryPartsTest {

    @TempDir
    Path dir;

    @Test
    void challenges() {
        // as Docker Hub sends it (curl -si https://registry-1.docker.io/v2/library/alpine/manifests/latest)
        List<Challenge> hub = Challenge.parse(List.of(
                "Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\",scope=\"repository:library/alpine:pull\""));
        assertThat(hub).hasSize(1);
        assertThat(hub.get(0).isBearer()).isTrue();
        assertThat(hub.get(0).params()).containsEntry("realm", "https://auth.docker.io/token")
                .containsEntry("service", "registry.docker.io").containsEntry("scope", "repository:library/alpine:pull");
        // as docker-registry with htpasswd sends it
        assertThat(Challenge.parse(List.of("Basic realm=\"drydock-test\""))).singleElement()
                .satisfies(c -> assertThat(c.isBasic()).isTrue()).satisfies(c -> assertThat(c.param("realm")).isEqualTo("drydock-test"));
        // two challenges in one header; unquoted values; escaped quotes; odd spacing
        List<Challenge> two = Challenge.parse(List.of("Basic realm=x, Bearer realm = \"https://a/t?x=\\\"1\\\"\" , service=s"));
        assertThat(two).extracting(Challenge::scheme).containsExactly("basic", "bearer");
        assertThat(two.get(1).params()).containsEntry("realm", "https://a/t?x=\"1\"").containsEntry("service", "s");
        assertThat(Challenge.parse(List.of("", "  ,"))).isEmpty();
        assertThat(Challenge.parse(List.of("Negotiate"))).extracting(Challenge::scheme).containsExactly("negotiate");
    }

    @Test
    void proxiesFromTheEnvironment() {
        EnvProxySelector s = EnvProxySelector.of(Map.of("HTTPS_PROXY", "proxy.corp:3128", "http_proxy", "http://p2:8080",
                "NO_PROXY", "localhost, .internal.corp,example.com,10.0.0.1,host:5000"));
        assertThat(addr(s, "https://ghcr.io/v2/")).isEqualTo("proxy.corp:3128");
        assertThat(addr(s, "http://ghcr.io/v2/")).isEqualTo("p2:8080");
        assertThat(addr(s, "https://localhost:5000/v2/")).isEqualTo("direct");
        assertThat(addr(s, "https://registry.internal.corp/v2/")).isEqualTo("direct");
        assertThat(addr(s, "https://internal.corp/v2/")).isEqualTo("direct"); // as curl: the suffix matches the domain itself
        assertThat(addr(s, "https://sub.example.com/v2/")).isEqualTo("direct");
        assertThat(addr(s, "https://notexample.com/v2/")).isEqualTo("proxy.corp:3128"); // a suffix, not a substring
        assertThat(addr(s, "https://10.0.0.1/v2/")).isEqualTo("direct");
        assertThat(addr(s, "https://host:5000/v2/")).isEqualTo("direct");
        assertThat(addr(s, "https://host:5001/v2/")).isEqualTo("proxy.corp:3128"); // NO_PROXY named another port
        assertThat(addr(EnvProxySelector.of(Map.of("HTTPS_PROXY", "http://p:1", "NO_PROXY", "*")), "https://x/")).isEqualTo("direct");
        assertThat(addr(EnvProxySelector.of(Map.of()), "https://x/")).isEqualTo("direct");
        assertThatThrownBy(() -> EnvProxySelector.of(Map.of("HTTPS_PROXY", "http://user:pw@p:1")))
                .hasMessageContaining("not supported").hasMessageNotContaining("pw");
    }

    private static String addr(EnvProxySelector s, String uri) {
        Proxy p = s.proxyFor(URI.create(uri));
        return p == Proxy.NO_PROXY ? "direct" : p.address().toString().replace("/<unresolved>", "");
    }

    @Test
    void configKeysNormalise() {
        assertThat(DockerConfig.normalise("https://index.docker.io/v1/")).isEqualTo("docker.io");
        assertThat(DockerConfig.normalise("registry-1.docker.io")).isEqualTo("docker.io");
        assertThat(DockerConfig.normalise("docker.io")).isEqualTo("docker.io");
        assertThat(DockerConfig.normalise("http://127.0.0.1:5000/v2/")).isEqualTo("127.0.0.1:5000");
        assertThat(DockerConfig.normalise("GHCR.io")).isEqualTo("ghcr.io");
    }

    @Test
    void dockerConfigFormsOfAuths() throws Exception {
        Path cfg = Files.createDirectories(dir.resolve("cfg"));
        Files.writeString(cfg.resolve("config.json"), """
                {"auths": {
                  "https://index.docker.io/v1/": {"auth": "%s"},
                  "ghcr.io": {"username": "u2", "password": "p2"},
                  "quay.io": {"identitytoken": "refresh-me"},
                  "bad.example": {"auth": "not base64!"}
                }}""".formatted(java.util.Base64.getEncoder().encodeToString("hubuser:hubpass".getBytes(StandardCharsets.UTF_8))));
        DockerConfig c = DockerConfig.of(Map.of("DOCKER_CONFIG", cfg.toString()), "/nonexistent");
        assertThat(c.lookup("docker.io")).get().satisfies(x -> assertThat(x.username()).isEqualTo("hubuser"))
                .satisfies(x -> assertThat(x.password()).isEqualTo("hubpass"));
        assertThat(c.lookup("ghcr.io")).get().satisfies(x -> assertThat(x.password()).isEqualTo("p2"));
        assertThat(c.lookup("quay.io")).get().satisfies(x -> assertThat(x.isIdentityToken()).isTrue());
        assertThat(c.lookup("other.example")).isEmpty();
        assertThatThrownBy(() -> c.lookup("bad.example")).hasMessageContaining("not base64");
        assertThat(DockerConfig.of(Map.of(), "/home/x").file()).isEqualTo(Path.of("/home/x/.docker/config.json"));
        assertThat(DockerConfig.of(Map.of(), dir.toString()).lookup("docker.io")).isEmpty(); // no file: no login
    }

    @Test
    void blobCacheKeepsOnlyVerifiedBlobsAndEvictsTheLeastRecentlyUsed() throws Exception {
        BlobCache cache = new BlobCache(dir, 250);
        Digest a = put(cache, "a".repeat(100));
        Digest b = put(cache, "b".repeat(100));
        Files.setLastModifiedTime(dir.resolve("blobs/sha256/" + a.hex()), FileTime.fromMillis(1_000));
        Files.setLastModifiedTime(dir.resolve("blobs/sha256/" + b.hex()), FileTime.fromMillis(2_000));
        assertThat(cache.get(a)).isPresent(); // a hit makes a the most recently used
        Digest c = put(cache, "c".repeat(100)); // 300 > 250: the least recently used (b) goes
        assertThat(cache.get(b)).isEmpty();
        assertThat(cache.get(a)).isPresent();
        assertThat(cache.get(c)).isPresent();

        // a stream closed before its end was never verified: nothing is cached
        byte[] d = "d".repeat(100).getBytes(StandardCharsets.UTF_8);
        Digest dd = Digest.sha256Of(d);
        try (InputStream in = cache.caching(dd, d.length, new ByteArrayInputStream(d))) {
            in.read(new byte[10]);
        }
        assertThat(cache.get(dd)).isEmpty();
        // a blob larger than the whole cache is passed through, not cached
        byte[] big = new byte[300];
        try (InputStream in = cache.caching(Digest.sha256Of(big), big.length, new ByteArrayInputStream(big))) {
            in.readAllBytes();
        }
        assertThat(cache.get(Digest.sha256Of(big))).isEmpty();
        try (var s = Files.list(dir.resolve("blobs/sha256"))) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".tmp-"));
        }
    }

    private static Digest put(BlobCache cache, String content) throws Exception {
        byte[] b = content.getBytes(StandardCharsets.UTF_8);
        Digest d = Digest.sha256Of(b);
        try (InputStream in = cache.caching(d, b.length, new ByteArrayInputStream(b))) {
            assertThat(in.readAllBytes()).isEqualTo(b);
        }
        return d;
    }
}
