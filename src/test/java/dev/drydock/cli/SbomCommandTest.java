package dev.drydock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drydock.image.TestImages;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code drydock sbom} and {@code drydock packages} end to end in one JVM: formats, files, exit codes. */
class SbomCommandTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @RegisterExtension
    final CapturedOutput io = new CapturedOutput();
    private final ByteArrayOutputStream out = io.out();
    private final ByteArrayOutputStream err = io.err();

    int run(String... args) {
        out.reset();
        err.reset();
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--cache-dir";
        all[args.length + 1] = dir.resolve("cache").toString();
        return Main.run(all);
    }

    String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    Path image() throws Exception {
        return TestImages.dockerArchive()
                .layer(TestImages.layer().dir("usr/lib").file("usr/lib/os-release", "ID=debian\nVERSION_ID=\"12\"\n")
                        .dir("etc").symlink("etc/os-release", "../usr/lib/os-release"))
                .tag("app:1")
                .config(c -> c.put("created", "2024-01-02T03:04:05.999Z"))
                .writeTo(dir.resolve("img.tar"));
    }

    @Test
    void cycloneDxOfAnImageOnStdoutIsValidAndTheSameTwice() throws Exception {
        Path img = image();
        assertThat(run("sbom", img.toString())).isEqualTo(0);
        String first = stdout();
        JsonNode doc = JSON.readTree(first);
        assertThat(doc.path("bomFormat").asText()).isEqualTo("CycloneDX");
        assertThat(doc.at("/metadata/component/name").asText()).isEqualTo(img.toString());
        assertThat(doc.at("/metadata/component/version").asText()).startsWith("sha256:");
        assertThat(doc.at("/metadata/timestamp").asText()).isEqualTo("2024-01-02T03:04:05Z");
        assertThat(doc.at("/components/0/type").asText()).isEqualTo("operating-system");
        dev.drydock.sbom.SbomSchemas.assertValidCycloneDx(first);
        assertThat(run("sbom", img.toString())).isEqualTo(0);
        assertThat(stdout()).isEqualTo(first);
    }

    @Test
    void spdxToAFile() throws Exception {
        Path img = image();
        Path file = dir.resolve("sbom.spdx.json");
        assertThat(run("sbom", img.toString(), "--format", "spdx", "-o", file.toString())).isEqualTo(0);
        assertThat(stdout()).isEmpty();
        String json = Files.readString(file);
        assertThat(JSON.readTree(json).at("/creationInfo/created").asText()).isEqualTo("2024-01-02T03:04:05Z");
        dev.drydock.sbom.SbomSchemas.assertValidSpdx(json);
    }

    @Test
    void packagesAsTableAndJsonForAnImageAndADirectory() throws Exception {
        Path img = image();
        assertThat(run("packages", img.toString())).isEqualTo(0);
        assertThat(stdout()).contains(img.toString()).contains("debian 12").contains("NAME").contains("PATH").contains("0 packages");
        assertThat(run("packages", img.toString(), "--format", "json")).isEqualTo(0);
        JsonNode doc = JSON.readTree(stdout());
        assertThat(doc.at("/os/id").asText()).isEqualTo("debian");
        assertThat(doc.at("/subject/digest").asText()).startsWith("sha256:");
        assertThat(doc.path("packages").isArray()).isTrue();
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.writeString(project.resolve("README"), "hello");
        assertThat(run("packages", project.toString(), "-f", "json")).isEqualTo(0);
        assertThat(JSON.readTree(stdout()).at("/subject/name").asText()).isEqualTo(project.toString());
        assertThat(run("sbom", "dir:" + project, "-f", "cyclonedx")).isEqualTo(0);
        assertThat(JSON.readTree(stdout()).at("/metadata/component/type").asText()).isEqualTo("file");
    }

    @Test
    void exitCodes() throws Exception {
        Path img = image();
        assertThat(run("sbom", img.toString(), "--format", "xml")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--format").contains("CYCLONEDX");
        assertThat(run("sbom", dir.resolve("missing.tar").toString())).isEqualTo(3);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("missing.tar").doesNotContain("Exception");
        assertThat(run("sbom", "Not A Valid Ref!!")).isEqualTo(3);
        assertThat(run("packages", "dir:" + dir.resolve("nope"))).isEqualTo(3);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no such directory");
        assertThat(run("packages", img.toString(), "--format", "spdx")).isEqualTo(2);
        assertThat(run("sbom", img.toString(), "--platform", "not/a/valid/platform/x")).isEqualTo(2);
        assertThat(run("sbom")).isEqualTo(2);
    }
}
