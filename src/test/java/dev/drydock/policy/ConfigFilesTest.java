package dev.drydock.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.DrydockException.InputException;
import dev.drydock.dockerfile.rules.LintConfig;
import dev.drydock.dockerfile.rules.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFilesTest {

    @TempDir
    Path dir;

    private LintConfig load(Map<String, String> env) {
        return ConfigFiles.load(null, dir, env);
    }

    @Test
    void defaultsWithoutAnyFile() {
        LintConfig c = load(Map.of());
        assertThat(c.ignored()).isEmpty();
        assertThat(c.failureThreshold()).isEqualTo(Severity.WARNING);
    }

    @Test
    void readsHadolintFormatAsHadolintDocumentsIt() throws Exception {
        Files.writeString(dir.resolve(".hadolint.yaml"), """
                ignored:
                  - DL3008
                  - DL9999
                override:
                  error: [DL3015]
                  style: [dl3059]
                trustedRegistries:
                  - docker.io
                  - my-company.com:5000
                label-schema:
                  author: text
                  url: url
                strict-labels: true
                failure-threshold: error
                """);
        LintConfig c = load(Map.of());
        assertThat(c.ignored()).contains("DL3008", "DL9999");
        assertThat(c.severities()).containsEntry("DL3015", Severity.ERROR).containsEntry("DL3059", Severity.STYLE);
        assertThat(c.settings().trustedRegistries()).containsExactly("docker.io", "my-company.com:5000");
        assertThat(c.settings().labelSchema()).containsEntry("author", "text").containsEntry("url", "url");
        assertThat(c.settings().strictLabels()).isTrue();
        assertThat(c.failureThreshold()).isEqualTo(Severity.ERROR);
    }

    @Test
    void hadolintNoFailMeansNeverFail() throws Exception {
        Files.writeString(dir.resolve(".hadolint.yml"), "no-fail: true\n");
        assertThat(load(Map.of()).failureThreshold()).isNull();
    }

    @Test
    void findsHadolintConfigInXdgConfigHome() throws Exception {
        Path xdg = Files.createDirectories(dir.resolve("xdg"));
        Files.writeString(xdg.resolve("hadolint.yaml"), "failure-threshold: style\n");
        Path work = Files.createDirectories(dir.resolve("work"));
        assertThat(ConfigFiles.load(null, work, Map.of("XDG_CONFIG_HOME", xdg.toString())).failureThreshold()).isEqualTo(Severity.STYLE);
    }

    @Test
    void drydockConfigAppliesOnTopOfHadolints() throws Exception {
        Files.writeString(dir.resolve(".hadolint.yaml"), "failure-threshold: error\ntrustedRegistries: [docker.io]\n");
        Files.writeString(dir.resolve(".drydock.yaml"), """
                fail-on: info
                dockerfile:
                  trusted-registries: [ghcr.io]
                  allowed-base-images: ["cgr.dev/chainguard/*"]
                """);
        LintConfig c = load(Map.of());
        assertThat(c.failureThreshold()).isEqualTo(Severity.INFO);
        assertThat(c.settings().trustedRegistries()).containsExactly("ghcr.io");
        assertThat(c.settings().allowedBaseImages()).containsExactly("cgr.dev/chainguard/*");
    }

    @Test
    void failOnNoneNeverFails() throws Exception {
        Files.writeString(dir.resolve(".drydock.yaml"), "fail-on: none\n");
        assertThat(load(Map.of()).failureThreshold()).isNull();
    }

    @Test
    void invalidYamlNamesFileAndPlace() throws Exception {
        Path f = dir.resolve(".drydock.yaml");
        Files.writeString(f, "dockerfile:\n  ignore: [DL3008\n  severity: {\n");
        assertThatThrownBy(() -> load(Map.of())).isInstanceOf(InputException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining("invalid YAML").hasMessageMatching("(?s).*:\\d+:\\d+:.*");
    }

    @Test
    void unknownKeyIsAnErrorNamingIt() throws Exception {
        Files.writeString(dir.resolve(".drydock.yaml"), "dockerfile:\n  ignored: [DL3008]\n");
        assertThatThrownBy(() -> load(Map.of())).isInstanceOf(InputException.class).hasMessageContaining("dockerfile.ignored");
    }

    @Test
    void unknownSeverityIsAnErrorNamingIt() throws Exception {
        Files.writeString(dir.resolve(".drydock.yaml"), "fail-on: severe\n");
        assertThatThrownBy(() -> load(Map.of())).isInstanceOf(InputException.class)
                .hasMessageContaining("fail-on").hasMessageContaining("severe");
    }

    @Test
    void unknownLabelTypeIsAnError() throws Exception {
        Files.writeString(dir.resolve(".hadolint.yaml"), "label-schema:\n  author: person\n");
        assertThatThrownBy(() -> load(Map.of())).isInstanceOf(InputException.class).hasMessageContaining("author").hasMessageContaining("person");
    }

    @Test
    void explicitConfigThatDoesNotExist() {
        Path missing = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> ConfigFiles.load(missing, dir, Map.of())).isInstanceOf(InputException.class)
                .hasMessageContaining("nope.yaml").hasMessageContaining("not found");
    }

    @Test
    void emptyFileIsAnEmptyConfig() throws Exception {
        Files.writeString(dir.resolve(".drydock.yaml"), "");
        assertThat(load(Map.of()).ignored()).isEmpty();
    }

    @Test
    void topLevelMustBeAMapping() throws Exception {
        Files.writeString(dir.resolve(".drydock.yaml"), "- a\n- b\n");
        assertThatThrownBy(() -> load(Map.of())).isInstanceOf(InputException.class).hasMessageContaining("must be a mapping");
    }
}
