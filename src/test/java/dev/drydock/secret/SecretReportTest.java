package dev.drydock.secret;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.analyzer.Analysis;
import dev.drydock.analyzer.Analyzer;
import dev.drydock.image.SourceOptions;
import dev.drydock.image.TestImages;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets in layers (deleted and overwritten ones included) and in the image config, from images built in the test. */
class SecretReportTest {

    // random, fake, shaped like the real thing
    static final String NPM = "npm_" + "Qh7Zr2Lk9Wd4Xp1Vb6Nm3Tc8Ys5Gf0Je2UaR";
    static final String AWS_SECRET = "Zx9Lp2Qw7Er4Ty1Ui8Op3As6Df5Gh0Jk2Lz7Xc4V";
    static final String GHP = "ghp_" + "Vb6Nm3Tc8Ys5Gf0Je2UaQh7Zr2Lk9Wd4Xp1L";

    @TempDir
    Path dir;

    SecretReport scan(Path img) throws Exception {
        SecretAnalyzer secrets = new SecretAnalyzer();
        Analysis a = Analysis.of("docker-archive:" + img, null, List.<Analyzer<?>>of(secrets), null, SourceOptions.defaults());
        return SecretReport.of(a, secrets);
    }

    @Test
    void findsSecretsInDeletedOverwrittenAndFinalFilesAndTheConfig() throws Exception {
        Path img = TestImages.dockerArchive()
                .layer(TestImages.layer().file("etc/os-release", "ID=debian\n")
                        .file("usr/share/doc/pkg/README", "token = " + GHP + "\n"), "ADD rootfs.tar.gz /")
                .layer(TestImages.layer().file("root/.npmrc", "registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=" + NPM + "\n"),
                        "|1 NPM_TOKEN=" + NPM + " /bin/sh -c echo \"//registry.npmjs.org/:_authToken=${NPM_TOKEN}\" > /root/.npmrc")
                .layer(TestImages.layer().whiteout("root/.npmrc").file("app/config", "github_token=" + GHP + "\n"), "RUN rm /root/.npmrc")
                .layer(TestImages.layer().file("app/config", "nothing here\n"), "COPY config /app/config")
                .emptyStep("ENV AWS_SECRET_ACCESS_KEY=" + AWS_SECRET)
                .layer(TestImages.layer().file("app/run.sh", "echo hi\n"),
                        "|1 NPM_TOKEN=" + NPM + " /bin/sh -c echo hi > /app/run.sh")
                .config(c -> {
                    var cfg = (com.fasterxml.jackson.databind.node.ObjectNode) c.get("config");
                    cfg.putArray("Env").add("PATH=/usr/bin").add("AWS_SECRET_ACCESS_KEY=" + AWS_SECRET);
                    cfg.putObject("Labels").put("ci.token", GHP);
                    cfg.putArray("Cmd").add("/app/run").add("--db").add("postgres://app:Rq8Vz3Kp7Lw2@db.internal/app");
                })
                .writeTo(dir.resolve("img.tar"));
        SecretReport r = scan(img);
        assertThat(r.findings()).extracting(f -> f.rule() + " " + f.where() + " " + f.path() + ":" + f.line() + " layer "
                        + f.layerIndex() + (f.deleted() ? " deleted by " + f.deletedInLayer() : "") + " " + f.match())
                .containsExactlyInAnyOrder(
                        "npm-access-token FILE root/.npmrc:2 layer 1 deleted by 2 npm_****",
                        "npm-access-token HISTORY history[1]:1 layer 1 npm_****",
                        "github-pat FILE app/config:1 layer 2 deleted by 3 ghp_****",
                        "aws-secret-access-key ENV Env[AWS_SECRET_ACCESS_KEY]:1 layer -1 Zx9L****",
                        "aws-secret-access-key HISTORY history[4]:1 layer -1 Zx9L****",
                        "github-pat LABEL Labels[ci.token]:1 layer -1 ghp_****",
                        "database-url-password CMD Cmd:1 layer -1 Rq8V****");
        StringWriter json = new StringWriter();
        r.writeJson(json);
        StringWriter table = new StringWriter();
        r.writeTable(table);
        for (String out : List.of(json.toString(), table.toString())) {
            assertThat(out).doesNotContain(NPM).doesNotContain(AWS_SECRET).doesNotContain(GHP)
                    .doesNotContain(NPM.substring(0, 8)).doesNotContain(AWS_SECRET.substring(0, 8));
        }
        assertThat(table.toString()).contains("deleted in layer 3, still extractable").contains("/root/.npmrc:2");
        assertThat(r.fails(Severity.CRITICAL)).isTrue();
    }

    @Test
    void skipsBinaryFilesAllowListedPathsAndExampleValues() throws Exception {
        byte[] binary = ("\0\0ELF" + "aws_secret_access_key=" + AWS_SECRET).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Path img = TestImages.dockerArchive()
                .layer(TestImages.layer().file("usr/bin/tool", binary)
                        .file("usr/share/doc/aws/example", "aws_secret_access_key=" + AWS_SECRET + "\n")
                        .file("usr/lib/node_modules/x/test/fixture.js", "const t = '" + GHP + "';\n")
                        .file("etc/app.conf", "aws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"
                                + "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n"
                                + "password = ${DB_PASSWORD}\napi_key: <token>\nsecret: changeme\n"
                                + "token=" + GHP + " # drydock:ignore\n"))
                .writeTo(dir.resolve("img.tar"));
        assertThat(scan(img).findings()).isEmpty();
    }

    @Test
    void buildArgumentsAreSplitIntoTheirOwnLines() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        assertThat(ConfigSecrets.splitBuildArgs("|2 A=1 NPM_TOKEN=x /bin/sh -c make", seen))
                .isEqualTo("A=1\nNPM_TOKEN=x\n/bin/sh -c make");
        // a later step repeats the arguments: only what is new is judged again
        assertThat(ConfigSecrets.splitBuildArgs("|2 A=2 NPM_TOKEN=x /bin/sh -c test", seen))
                .isEqualTo("A=2\n/bin/sh -c test");
        assertThat(ConfigSecrets.splitBuildArgs("/bin/sh -c make", seen)).isEqualTo("/bin/sh -c make");
    }
}
