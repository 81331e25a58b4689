package dev.drydock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The CLI end to end inside one JVM: exit codes, formats, bad input never shows a stack trace. */
class DockerfileCommandTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final CapturedOutput io = new CapturedOutput();
    private final ByteArrayOutputStream out = io.out();
    private final ByteArrayOutputStream err = io.err();

    private int run(String... args) {
        return Main.run(args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path file(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private void assertNoStackTrace() {
        assertThat(stdout() + stderr()).doesNotContain("Exception").doesNotContainPattern("\\n\\s+at [a-z]+\\.");
    }

    @Test
    void findingsAtThresholdExitOne() throws Exception {
        Path f = file("Dockerfile", "FROM node:latest\nRUN apt-get update && apt-get install -y curl\n");
        assertThat(run("dockerfile", f.toString())).isEqualTo(1);
        assertThat(stdout()).contains("DL3007").contains("FAIL");
    }

    @Test
    void failOnNoneAlwaysExitsZero() throws Exception {
        Path f = file("Dockerfile", "FROM node:latest\n");
        assertThat(run("dockerfile", "--fail-on", "none", f.toString())).isZero();
    }

    @Test
    void ignoreOptionSwitchesRulesOff() throws Exception {
        Path f = file("Dockerfile", "FROM node:latest\n");
        run("dockerfile", "--ignore", "DL3007", "--format", "json", f.toString());
        assertThat(stdout()).doesNotContain("\"DL3007\"");
    }

    @Test
    void severityFilterShowsOnlyThoseSeverities() throws Exception {
        Path f = file("Dockerfile", "FROM node:latest\nRUN cd /app && make\n");
        run("dockerfile", "--severity", "error", "--fail-on", "none", "--format", "json", f.toString());
        assertThat(stdout()).doesNotContain("\"severity\" : \"warning\"");
    }

    @Test
    void syntaxErrorIsExitThreeWithFileLineColumn() throws Exception {
        Path f = file("Dockerfile", "FROM alpine:3.20\nRUNN echo hi\n");
        assertThat(run("dockerfile", f.toString())).isEqualTo(3);
        assertThat(stdout()).contains("Dockerfile:2:1").contains("unknown instruction");
        assertNoStackTrace();
    }

    @Test
    void otherFilesAreStillLintedWhenOneIsBroken() throws Exception {
        Path bad = file("a/Dockerfile", "FROM alpine:3.20\nRUN <<EOF\necho\n");
        Path good = file("b/Dockerfile", "FROM node:latest\n");
        assertThat(run("dockerfile", bad.toString(), good.toString())).isEqualTo(3);
        assertThat(stdout()).contains("DL3007").contains("heredoc");
        assertNoStackTrace();
    }

    @Test
    void missingFileIsExitThree() {
        assertThat(run("dockerfile", dir.resolve("nope").toString())).isEqualTo(3);
        assertThat(stdout()).contains("no such file");
        assertNoStackTrace();
    }

    @Test
    void binaryFileIsRefused() throws Exception {
        Path f = dir.resolve("Dockerfile");
        Files.write(f, new byte[] {0x7f, 'E', 'L', 'F', 0, 0, 1, 2});
        assertThat(run("dockerfile", f.toString())).isEqualTo(3);
        assertThat(stdout()).contains("not a text file");
        assertNoStackTrace();
    }

    @Test
    void tenMegabyteFileIsRefusedQuicklyWithAClearMessage() throws Exception {
        Path f = dir.resolve("Dockerfile");
        byte[] big = new byte[10 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) '#');
        Files.write(f, big);
        assertThat(run("dockerfile", f.toString())).isEqualTo(3);
        assertThat(stdout()).contains("MiB");
        assertNoStackTrace();
    }

    @Test
    void emptyFileIsAnInputError() throws Exception {
        Path f = file("Dockerfile", "");
        assertThat(run("dockerfile", f.toString())).isEqualTo(3);
        assertNoStackTrace();
    }

    @Test
    void unknownOptionIsUsageError() {
        assertThat(run("dockerfile", "--bogus", "x")).isEqualTo(2);
        assertThat(stderr()).contains("Unknown option");
    }

    @Test
    void badFailOnValueIsUsageError() throws Exception {
        Path f = file("Dockerfile", "FROM alpine:3.20\n");
        assertThat(run("dockerfile", "--fail-on", "critical", f.toString())).isEqualTo(2);
        assertThat(stderr()).contains("critical");
    }

    @Test
    void stdinIsLinted() {
        System.setIn(new ByteArrayInputStream("FROM node:latest\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(run("dockerfile", "--format", "json", "-")).isEqualTo(1);
        assertThat(stdout()).contains("\"path\" : \"-\"").contains("DL3007");
    }

    @Test
    void directoryArgumentFindsDockerfiles() throws Exception {
        file("svc/a/Dockerfile", "FROM node:latest\n");
        file("svc/b/api.Dockerfile", "FROM node:latest\n");
        file("svc/b/README.md", "not a dockerfile\n");
        run("dockerfile", "--format", "json", dir.resolve("svc").toString());
        assertThat(stdout()).contains("a/Dockerfile").contains("api.Dockerfile").doesNotContain("README");
    }

    @Test
    void outputOptionWritesTheReportToAFile() throws Exception {
        Path f = file("Dockerfile", "FROM node:latest\n");
        Path report = dir.resolve("report.sarif");
        run("dockerfile", "--format", "sarif", "-o", report.toString(), f.toString());
        assertThat(Files.readString(report)).contains("\"2.1.0\"").contains("DL3007");
        assertThat(stdout()).isEmpty();
    }

    @Test
    void fixRewritesInPlaceAndDiffOnlyPrints() throws Exception {
        String src = "FROM debian:12.5\nRUN apt-get update && apt-get install curl\n";
        Path f = file("Dockerfile", src);
        run("dockerfile", "--diff", f.toString());
        assertThat(stdout()).contains("+RUN apt-get update && apt-get install");
        assertThat(Files.readString(f)).isEqualTo(src);
        out.reset();
        run("dockerfile", "--fix", f.toString());
        assertThat(Files.readString(f)).contains("--no-install-recommends").contains("-y");
    }

    @Test
    void fixRefusesStdinInPlace() {
        assertThat(run("dockerfile", "--fix", "-")).isEqualTo(2);
        assertThat(stderr()).contains("--fix cannot rewrite stdin");
    }

    @Test
    void hadolintConfigFromExplicitPath() throws Exception {
        Path cfg = file(".hadolint.yaml", "ignored: [DL3007]\nfailure-threshold: error\n");
        Path f = file("Dockerfile", "FROM node:latest\n");
        assertThat(run("dockerfile", "-c", cfg.toString(), "--format", "json", f.toString())).isZero();
        assertThat(stdout()).doesNotContain("DL3007");
    }

    @Test
    void badConfigIsExitThree() throws Exception {
        Path cfg = file("bad.yaml", "dockerfile: [\n");
        Path f = file("Dockerfile", "FROM alpine:3.20\n");
        assertThat(run("dockerfile", "-c", cfg.toString(), f.toString())).isEqualTo(3);
        assertThat(stderr()).contains("bad.yaml").contains("invalid YAML");
        assertNoStackTrace();
    }

    @Test
    void noSubcommandIsUsageError() {
        assertThat(run()).isEqualTo(2);
        assertThat(stderr()).contains("missing command");
    }

    @Test
    void versionAndHelp() {
        assertThat(run("--version")).isZero();
        assertThat(stdout()).startsWith("drydock ");
        assertThat(run("dockerfile", "--help")).isZero();
        assertThat(stdout()).contains("--fail-on").contains("--format");
    }

    @Test
    void rulesListsAndExplains() {
        assertThat(run("rules")).isZero();
        assertThat(stdout()).contains("DL3008").contains("DD0001");
        out.reset();
        assertThat(run("rules", "dl3007")).isZero();
        assertThat(stdout()).contains("DL3007").contains("Fix:");
        assertThat(run("rules", "XX0000")).isEqualTo(2);
    }

    @Test
    void noOutputFormatPrintsCredentialsFromUrls() throws Exception {
        // each line gives one or more rules a URL or command to quote: DD0027 (git clone), DD0012 and DL3020
        // (ADD), DD0011 (curl | sh), DL4001/DL3047 (wget), DD0022 (credentials in RUN)
        String token = "ghp_abcdefghijklmnopqrstuvwxyz0123456789";
        String password = "S3cretPassw0rd";
        Path f = file("Dockerfile", "FROM debian:12\n"
                + "RUN git clone https://bob:" + token + "@github.com/acme/x.git /x\n"
                + "ADD https://admin:" + password + "@example.com/app.tgz /tmp/\n"
                + "ADD https://" + token + "@github.com/acme/y.git /y\n"
                + "RUN curl -fsSL https://admin:" + password + "@example.com/install.sh | sh\n"
                + "RUN wget https://admin:" + password + "@example.com/b.tgz\n");
        for (String format : new String[] {"table", "json", "sarif", "checkstyle"}) {
            out.reset();
            assertThat(run("dockerfile", "--format", format, f.toString())).as(format).isEqualTo(1);
            assertThat(stdout()).as(format).contains("DD0027").contains("DD0012").contains("DD0011")
                    .doesNotContain(token).doesNotContain(password)
                    .doesNotContain(token.substring(4, 12)).doesNotContain(password.substring(4, 10));
        }
    }

    @Test
    void tableNeverSaysPassWhenAFileCouldNotBeLinted() throws Exception {
        Path bad = file("bad/Dockerfile", "FROM alpine:3.22\nCP a /a\n");
        assertThat(run("dockerfile", bad.toString())).isEqualTo(3);
        assertThat(stdout()).contains(bad + ":2:1  cannot lint  unknown instruction: CP")
                .contains("ERROR: 1 file could not be linted: " + bad).doesNotContain("PASS");
        // with a clean file next to it, still no PASS; with findings over the threshold, FAIL as well
        Path clean = file("clean/Dockerfile", "FROM scratch\nCOPY --chown=65532:65532 app /app\n");
        out.reset();
        assertThat(run("dockerfile", "--fail-on", "error", bad.toString(), clean.toString())).isEqualTo(3);
        assertThat(stdout()).contains("ERROR: 1 file could not be linted").doesNotContain("PASS");
        Path failing = file("failing/Dockerfile", "FROM node:latest\n");
        out.reset();
        assertThat(run("dockerfile", bad.toString(), failing.toString())).isEqualTo(3);
        assertThat(stdout()).contains("ERROR: 1 file could not be linted").contains("FAIL").doesNotContain("PASS");
        assertNoStackTrace();
    }
}
