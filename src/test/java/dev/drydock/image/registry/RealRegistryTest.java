package dev.drydock.image.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.drydock.DrydockException.InputException;
import dev.drydock.analyzer.Analysis;
import dev.drydock.analyzer.Analyzers;
import dev.drydock.cli.Main;
import dev.drydock.image.Platform;
import dev.drydock.image.SourceOptions;
import dev.drydock.image.archive.BuildahImages;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pulls from real registries started on 127.0.0.1 by this test: {@code docker-registry} with htpasswd basic auth, and
 * one with token auth whose tokens {@link TokenServer} issues. The buildah-built test image is pushed to both with
 * {@code skopeo copy}, and a two-platform manifest list with {@code buildah manifest push}. What drydock reads from
 * the registry must be the image in the docker-archive it was pushed from. Needs docker-registry, skopeo, htpasswd
 * (apache2-utils), openssl, buildah, umoci, busybox-static ({@code .ci/install-image-tools.sh}); skipped otherwise.
 */
class RealRegistryTest {

    static final Path WORK = BuildahImages.WORK.resolveSibling("registries");
    static final String PASSWORD = "s3cret-Pa55";
    static String skip;
    static RealRegistry basic;
    static RealRegistry tokens;
    static TokenServer tokenServer;
    static Path archive;

    @BeforeAll
    static void start() throws Exception {
        for (String tool : new String[] {"docker-registry", "skopeo", "htpasswd", "openssl"}) {
            if (!BuildahImages.onPath(tool)) {
                skip = tool + " is not installed (run .ci/install-image-tools.sh)";
                return;
            }
        }
        skip = BuildahImages.build();
        if (skip != null) {
            return;
        }
        archive = BuildahImages.WORK.resolve("image.docker.tar");
        BuildahImages.deleteTree(WORK);
        Files.createDirectories(WORK);
        Path htpasswd = WORK.resolve("htpasswd");
        // bcrypt (-B), the only hash docker-registry accepts
        exec(List.of("htpasswd", "-Bbc", htpasswd.toString(), "alice", PASSWORD));
        basic = RealRegistry.withHtpasswd(WORK.resolve("basic"), htpasswd);
        tokenServer = new TokenServer(WORK, Map.of("alice", PASSWORD));
        tokens = RealRegistry.withTokens(WORK.resolve("token"), tokenServer.realm(), TokenServer.SERVICE, TokenServer.ISSUER,
                tokenServer.cert);
        push(basic, "app:1");
        push(tokens, "app:1");
        push(tokens, "public/app:1");
        pushManifestList(basic, "multi:1");
    }

    static void push(RealRegistry r, String name) throws Exception {
        exec(List.of("skopeo", "copy", "-q", "--dest-tls-verify=false", "--dest-creds", "alice:" + PASSWORD,
                "docker-archive:" + archive, "docker://" + r.host() + "/" + name));
    }

    /** linux/amd64 (the test image) and linux/arm64 (a one-file image with an arm64 config), as one list. */
    static void pushManifestList(RealRegistry r, String name) throws Exception {
        quietly("manifest", "rm", "drydock-multi");
        quietly("rm", "drydock-arm-ctr");
        quietly("rmi", "drydock-arm-image");
        Path hello = Files.writeString(WORK.resolve("hello.txt"), "hello from arm64\n");
        BuildahImages.run("from", "--name", "drydock-arm-ctr", "scratch");
        BuildahImages.run("config", "--os", "linux", "--arch", "arm64", "drydock-arm-ctr");
        BuildahImages.run("copy", "drydock-arm-ctr", hello.toString(), "/hello.txt");
        BuildahImages.run("commit", "-q", "drydock-arm-ctr", "drydock-arm-image");
        BuildahImages.run("manifest", "create", "drydock-multi");
        BuildahImages.run("manifest", "add", "drydock-multi", "containers-storage:localhost/drydock-test-image:latest");
        BuildahImages.run("manifest", "add", "drydock-multi", "containers-storage:localhost/drydock-arm-image:latest");
        BuildahImages.run("manifest", "push", "--all", "--tls-verify=false", "--creds", "alice:" + PASSWORD, "drydock-multi",
                "docker://" + r.host() + "/" + name);
    }

    static void quietly(String... args) {
        try {
            BuildahImages.run(args);
        } catch (Exception e) {
            // not there: nothing to remove
        }
    }

    static void exec(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(WORK.resolve("tools.log").toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(cmd.get(0) + " failed: " + Files.readString(WORK.resolve("tools.log")));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (basic != null) {
            basic.close();
        }
        if (tokens != null) {
            tokens.close();
        }
        if (tokenServer != null) {
            tokenServer.close();
        }
    }

    static SourceOptions options() {
        return SourceOptions.defaults().withInsecure(true).withEnv(Map.of("PATH", "/usr/bin:/bin"))
                .withUserHome(WORK.toString()).withTimeout(Duration.ofSeconds(20));
    }

    static Analysis pull(String ref, Platform platform, SourceOptions options) throws Exception {
        return Analysis.of(ref, platform, Analyzers.builtIn(), null, options);
    }

    static void assertSameImage(Analysis pulled) throws Exception {
        Analysis local = pull("docker-archive:" + archive, null, options());
        assertThat(pulled.image().configDigest()).isEqualTo(local.image().configDigest());
        assertThat(pulled.image().layers()).extracting(l -> l.diffId())
                .isEqualTo(local.image().layers().stream().map(l -> l.diffId()).toList());
        assertThat(pulled.view().files().keySet()).isEqualTo(local.view().files().keySet());
        assertThat(pulled.view().removed().size()).isEqualTo(local.view().removed().size());
    }

    @Test
    void basicAuthPullIsTheImageThatWasPushed() throws Exception {
        assumeTrue(skip == null, () -> "skipped: " + skip);
        assertSameImage(pull(basic.host() + "/app:1", null, options().withCredentials("alice", PASSWORD)));
    }

    @Test
    void basicAuthWithoutALoginSaysHowToLogIn() {
        assumeTrue(skip == null, () -> "skipped: " + skip);
        assertThatThrownBy(() -> pull(basic.host() + "/app:1", null, options()))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("needs a login").hasMessageContaining("--password-stdin");
    }

    @Test
    void loginFromDockerConfigJson() throws Exception {
        assumeTrue(skip == null, () -> "skipped: " + skip);
        Path home = Files.createDirectories(WORK.resolve("home/.docker"));
        String auth = java.util.Base64.getEncoder().encodeToString(("alice:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        Files.writeString(home.resolve("config.json"), "{\"auths\":{\"" + basic.host() + "\":{\"auth\":\"" + auth + "\"}}}");
        assertSameImage(pull(basic.host() + "/app:1", null, options().withUserHome(WORK.resolve("home").toString())));
    }

    @Test
    void tokenAuthAnonymousPullOfAPublicRepository() throws Exception {
        assumeTrue(skip == null, () -> "skipped: " + skip);
        tokenServer.queries.clear();
        assertSameImage(pull(tokens.host() + "/public/app:1", null, options()));
        // the challenge's service and scope were passed on to the token server
        assertThat(tokenServer.scopes()).anyMatch(q -> q.contains("service=" + TokenServer.SERVICE)
                && q.contains("scope=repository:public/app:pull"));
    }

    @Test
    void tokenAuthWithALogin() throws Exception {
        assumeTrue(skip == null, () -> "skipped: " + skip);
        assertSameImage(pull(tokens.host() + "/app:1", null, options().withCredentials("alice", PASSWORD)));
        assertThatThrownBy(() -> pull(tokens.host() + "/app:1", null, options()))
                .isInstanceOf(InputException.class).hasMessageContaining("anonymous access denied");
        assertThatThrownBy(() -> pull(tokens.host() + "/app:1", null, options().withCredentials("alice", "nope")))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("authentication failed for user 'alice'").hasMessageContaining("token server")
                .hasMessageNotContaining("nope");
    }

    @Test
    void manifestListChoosesByPlatform() throws Exception {
        assumeTrue(skip == null, () -> "skipped: " + skip);
        SourceOptions o = options().withCredentials("alice", PASSWORD);
        Analysis amd64 = pull(basic.host() + "/multi:1", null, o);
        assertThat(amd64.image().platform().architecture()).isEqualTo("amd64");
        assertSameImage(amd64);
        Analysis arm64 = pull(basic.host() + "/multi:1", Platform.parse("linux/arm64"), o);
        assertThat(arm64.image().platform().architecture()).isEqualTo("arm64");
        assertThat(arm64.view().files()).containsKey("hello.txt");
        assertThatThrownBy(() -> pull(basic.host() + "/multi:1", Platform.parse("linux/s390x"), o))
                .hasMessageContaining("no image for platform linux/s390x")
                .hasMessageContaining("linux/amd64, linux/arm64");
        // by digest, the list itself
        Analysis byDigest = pull(basic.host() + "/multi@" + listDigest(o), Platform.parse("linux/arm64"), o);
        assertThat(byDigest.image().manifestDigest()).isEqualTo(arm64.image().manifestDigest());
    }

    private static String listDigest(SourceOptions o) throws Exception {
        Process p = new ProcessBuilder("skopeo", "inspect", "--raw", "--tls-verify=false", "--creds", "alice:" + PASSWORD,
                "docker://" + basic.host() + "/multi:1").start();
        byte[] raw = p.getInputStream().readAllBytes();
        p.waitFor();
        return dev.drydock.image.Digest.sha256Of(raw).toString();
    }

    @Test
    void cliWrongPasswordExits3AndPrintsNoCredential() throws Exception {
        assumeTrue(skip == null, () -> "skipped: " + skip);
        String wrong = "not-the-Pa55word-" + System.nanoTime();
        Cli c = Cli.run(wrong + "\n", "layers", basic.host() + "/app:1", "--insecure", "--username", "alice",
                "--password-stdin", "--no-cache");
        assertThat(c.exit).isEqualTo(3);
        assertThat(c.err).contains("authentication failed for user 'alice'").contains("wrong username or password");
        assertThat(c.out + c.err).doesNotContain(wrong).doesNotContain(PASSWORD)
                .doesNotContain(java.util.Base64.getEncoder().encodeToString(("alice:" + wrong).getBytes(StandardCharsets.UTF_8)));
        assertThat(Files.readString(basic.log)).doesNotContain(wrong);

        Cli ok = Cli.run(PASSWORD + "\n", "layers", basic.host() + "/app:1", "--insecure", "--username", "alice",
                "--password-stdin", "--no-cache", "-f", "json");
        assertThat(ok.exit).as(ok.err).isEqualTo(0);
        assertThat(ok.out).contains("\"layers\"").doesNotContain(PASSWORD);
        assertThat(ok.err).doesNotContain(PASSWORD).doesNotContain("\r"); // no progress: stderr is not a terminal
    }

    /** One in-process run of the CLI with stdin, stdout and stderr captured. */
    record Cli(int exit, String out, String err) {
        static synchronized Cli run(String stdin, String... args) {
            InputStream oldIn = System.in;
            PrintStream oldOut = System.out;
            PrintStream oldErr = System.err;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            try {
                System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
                System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
                System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
                List<String> all = new ArrayList<>(List.of(args));
                int exit = Main.run(all.toArray(String[]::new));
                return new Cli(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
            } finally {
                System.setIn(oldIn);
                System.setOut(oldOut);
                System.setErr(oldErr);
            }
        }
    }
}
