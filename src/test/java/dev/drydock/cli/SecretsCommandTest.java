package dev.drydock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drydock.image.archive.BuildahImages;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code drydock secrets} on an image buildah builds from a Dockerfile doing what people really do: a build argument
 * used in a RUN, a secret in ENV, an {@code .npmrc} written then removed, an SSH key copied then deleted, a {@code .env}
 * copied with the build context, a key packed into a jar. Each is reported with its layer and whether it is deleted, and no output holds a secret.
 */
class SecretsCommandTest {

    static final Path WORK = Path.of("target", "buildah-secrets").toAbsolutePath();
    // random fakes shaped like the real thing
    static final String NPM_TOKEN = "npm_Rt5Yu8Io2Pa4Sd7Fg1Hj3Kl6Zx9Cv0Bn2MqW";
    static final String AWS_SECRET = "Hq3Wm8Zr5Tn1Vk7Bx2Lp9Gd4Js6Fc0Ya8Ne3Uo5K";
    static final String STRIPE = "sk_live_51Mz8Qr4Tp7Xw2Nv5Lk9Hb3Jd6Fg";
    static final String DB_PASSWORD = "Vu7Kq2Zp9Rx4";

    @TempDir
    Path dir;

    @RegisterExtension
    final CapturedOutput io = new CapturedOutput();
    private final ByteArrayOutputStream out = io.out();
    private final ByteArrayOutputStream err = io.err();

    int run(String... args) {
        out.reset();
        err.reset();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--cache-dir", dir.resolve("cache").toString()));
        return Main.run(all.toArray(new String[0]));
    }

    @Test
    void badInputIsExitCode3AndBadOptionsExitCode2() throws Exception {
        Files.writeString(dir.resolve("junk.tar"), "not a tar");
        assertThat(run("secrets", dir.resolve("junk.tar").toString())).isEqualTo(3);
        assertThat(run("secrets", "--fail-on", "severe", dir.resolve("junk.tar").toString())).isEqualTo(2);
    }

    @Test
    void configAddsCustomRulesDisablesBuiltInOnesAndBadConfigIsExitCode3() throws Exception {
        String acme = "acme_" + "q8wd9s7lk2xb4vn6mc1zr3ty5hj7gf0p";
        Path img = dev.drydock.image.TestImages.dockerArchive()
                .layer(dev.drydock.image.TestImages.layer().file("app/.env", "ACME=" + acme + "\nDB_PASSWORD=Tr0ub4dorJfBPbQ\n"),
                        "COPY . /app")
                .writeTo(dir.resolve("img.tar"));
        Path config = Files.writeString(dir.resolve("drydock.yaml"), """
                secrets:
                  rules:
                    - id: acme-api-key
                      regex: 'acme_(?<secret>[a-z0-9]{32})'
                      keywords: [acme_]
                      severity: critical
                  disable: [generic-password]
                """);
        assertThat(run("secrets", "docker-archive:" + img, "-f", "json")).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("generic-password").doesNotContain("acme-api-key");

        assertThat(run("secrets", "docker-archive:" + img, "-f", "json", "--config", config.toString())).isEqualTo(1);
        String json = out.toString(StandardCharsets.UTF_8);
        assertThat(json).contains("\"acme-api-key\"").contains("CRITICAL").doesNotContain("generic-password")
                .doesNotContain(acme.substring(5, 12));

        Files.writeString(config, "secrets:\n  rules:\n    - id: acme\n      regex: 'acme_([a-z'\n      keywords: [acme_]\n");
        assertThat(run("secrets", "docker-archive:" + img, "--config", config.toString())).isEqualTo(3);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(config + ":4: secrets: bad regular expression")
                .doesNotContain("Exception");
        assertThat(run("secrets", "docker-archive:" + img, "--config", dir.resolve("none.yaml").toString())).isEqualTo(3);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("none.yaml: config file not found");
    }

    /** Builds the image once per target/; returns the reason it cannot, or null. */
    static String build() throws Exception {
        for (String tool : List.of("buildah", "ssh-keygen")) {
            if (!BuildahImages.onPath(tool)) {
                return tool + " is not installed (run .ci/install-image-tools.sh)";
            }
        }
        if (!Files.isExecutable(Path.of("/bin/busybox"))) {
            return "/bin/busybox (busybox-static) is not installed (run .ci/install-image-tools.sh)";
        }
        if (Files.exists(WORK.resolve("image-v2.tar"))) {
            return null;
        }
        BuildahImages.deleteTree(WORK);
        Path ctx = Files.createDirectories(WORK.resolve("ctx"));
        Files.write(ctx.resolve("rootfs.tar.gz"), BuildahImages.rootfs());
        Files.createDirectories(ctx.resolve("keys"));
        exec(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "throwaway", "-f", ctx.resolve("keys/id_rsa").toString()));
        Files.writeString(ctx.resolve(".env"), "STRIPE_SECRET_KEY=" + STRIPE + "\nDATABASE_URL=postgres://app:" + DB_PASSWORD
                + "@db.internal:5432/app\nLOG_LEVEL=info\n");
        Files.writeString(ctx.resolve("index.js"), "console.log('hi');\n");
        // a fat jar with a TLS key packed in its classes (a static fake PEM: random base64)
        java.util.Random random = new java.util.Random(6);
        StringBuilder pem = new StringBuilder("-----BEGIN PRIVATE KEY-----\n");
        String b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int l = 0; l < 8; l++) {
            for (int i = 0; i < 64; i++) {
                pem.append(b64.charAt(random.nextInt(64)));
            }
            pem.append('\n');
        }
        pem.append("-----END PRIVATE KEY-----\n");
        try (var jar = new java.util.zip.ZipOutputStream(Files.newOutputStream(ctx.resolve("app.jar")))) {
            jar.putNextEntry(new java.util.zip.ZipEntry("META-INF/MANIFEST.MF"));
            jar.write("Manifest-Version: 1.0\n".getBytes(StandardCharsets.UTF_8));
            jar.putNextEntry(new java.util.zip.ZipEntry("BOOT-INF/classes/tls/server.key"));
            jar.write(pem.toString().getBytes(StandardCharsets.UTF_8));
        }
        Files.delete(ctx.resolve("keys/id_rsa.pub"));
        // no .dockerignore: it would hide rootfs.tar.gz and keys/ from ADD and COPY too, so COPY . . copies the key
        // again to /app/keys/id_rsa (not deleted), as it does in real builds that forget one
        Files.writeString(ctx.resolve("Dockerfile"), """
                FROM scratch
                ADD rootfs.tar.gz /
                ARG NPM_TOKEN
                RUN mkdir -p /root && echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > /root/.npmrc
                RUN rm /root/.npmrc
                ENV AWS_SECRET_ACCESS_KEY=%s
                COPY keys/id_rsa /root/.ssh/id_rsa
                RUN rm /root/.ssh/id_rsa
                WORKDIR /app
                COPY . .
                CMD ["/bin/sh"]
                """.formatted(AWS_SECRET));
        String[] base = {"buildah", "--root", WORK.resolve("storage").toString(), "--runroot", WORK.resolve("run").toString(),
            "--storage-driver", "vfs"};
        List<String> bud = new ArrayList<>(List.of(base));
        bud.addAll(List.of("bud", "--isolation", "chroot", "--layers", "--build-arg", "NPM_TOKEN=" + NPM_TOKEN,
                "-t", "drydock-secrets", ctx.toString()));
        exec(bud);
        List<String> push = new ArrayList<>(List.of(base));
        push.addAll(List.of("push", "drydock-secrets", "docker-archive:" + WORK.resolve("image-v2.tar") + ":drydock-secrets:latest"));
        exec(push);
        return null;
    }

    static void exec(List<String> cmd) throws Exception {
        Files.createDirectories(WORK);
        Path log = WORK.resolve("tools.log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + Files.readString(log));
        }
    }

    @Test
    void buildahImageEverySecretWithItsLayerAndDeletedFlagNothingUnredacted() throws Exception {
        String skip = build();
        assumeTrue(skip == null, () -> "skipped: " + skip);
        String image = "docker-archive:" + WORK.resolve("image-v2.tar");
        assertThat(run("secrets", "--format", "json", image)).as(err.toString()).isEqualTo(1);
        String json = out.toString(StandardCharsets.UTF_8);
        assertThat(run("secrets", image)).isEqualTo(1);
        String table = out.toString(StandardCharsets.UTF_8);
        List<String> keyLines = Files.readAllLines(WORK.resolve("ctx/keys/id_rsa")).stream()
                .filter(l -> !l.startsWith("-----")).toList();
        for (String o : List.of(json, table)) {
            assertThat(o).doesNotContain(NPM_TOKEN).doesNotContain(AWS_SECRET).doesNotContain(STRIPE).doesNotContain(DB_PASSWORD)
                    .doesNotContain(NPM_TOKEN.substring(0, 8)).doesNotContain(AWS_SECRET.substring(0, 8));
            for (String l : keyLines) {
                assertThat(o).doesNotContain(l.substring(0, Math.min(12, l.length())));
            }
        }
        // layers (1-based): 1 ADD rootfs, 2 RUN echo > .npmrc, 3 RUN rm .npmrc, 4 COPY id_rsa, 5 RUN rm id_rsa, 6 COPY . .
        JsonNode findings = new ObjectMapper().readTree(json).get("findings");
        List<String> got = new ArrayList<>();
        for (JsonNode f : findings) {
            got.add(f.get("rule").asText() + " " + f.get("where").asText() + " " + f.get("path").asText() + " layer "
                    + (f.get("layerIndex").asInt() + 1) + (f.get("deleted").asBoolean() ? " deleted in " + (f.get("deletedInLayer").asInt() + 1) : ""));
        }
        assertThat(got).as(json).contains(
                "npm-access-token FILE root/.npmrc layer 2 deleted in 3",
                "npm-access-token HISTORY history[2] layer 2",
                "aws-secret-access-key ENV Env[AWS_SECRET_ACCESS_KEY] layer 0",
                "private-key-openssh FILE root/.ssh/id_rsa layer 4 deleted in 5",
                "stripe-secret-key FILE app/.env layer 6",
                "database-url-password FILE app/.env layer 6",
                "private-key-openssh FILE app/keys/id_rsa layer 6",
                "private-key-pkcs8 FILE app/app.jar!/BOOT-INF/classes/tls/server.key layer 6");
        assertThat(table).contains("deleted in layer 3, still extractable").contains("/root/.ssh/id_rsa:");
    }
}
