package dev.drydock.policy;

import static dev.drydock.policy.PolicyFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.drydock.DrydockException.InputException;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bad policy file gives one message naming the file, the line and the problem. */
class PolicyFilesTest {

    @TempDir
    static Path dir;

    static Stream<Arguments> badConfigs() {
        return Stream.of(
                // file content | line | message
                Arguments.of("fail-on: high\nforbiden-packages: [telnet]\n", 2,
                        "forbiden-packages: unknown key (did you mean 'forbidden-packages'?)"),
                Arguments.of("fail-on: hihg\n", 1, "fail-on: unknown severity 'hihg' (did you mean 'high'?)"),
                Arguments.of("fail-on: [high\nmin-severity: low\n", 2, "invalid YAML: while parsing a flow sequence; expected ',' or ']'"),
                Arguments.of("fail-on: high\nfail-on: low\n", 2, "fail-on: duplicate key"),
                Arguments.of("forbidden-packages:\n  - name: telnet\n  - ecosystem: npm\n    versions: <1\n", 3,
                        "forbidden-packages[1]: name is required"),
                Arguments.of("forbidden-packages:\n  - name: log4j-core\n    versions: \"<<2.17\"\n", 3,
                        "forbidden-packages[0].versions: '<<2.17' in '<<2.17' is not a comparison such as <2.17.1"),
                Arguments.of("forbidden-packages:\n  - name: log4j-core\n    reasn: Log4Shell\n", 3,
                        "forbidden-packages[0].reasn: unknown key (did you mean 'reason'?)"),
                Arguments.of("forbidden-packages: telnet\n", 1, "forbidden-packages: must be a list of packages, not 'telnet'"),
                Arguments.of("deny-licenses:\n  - MIT\n  - GPL-3.0-onyl\n", 3,
                        "deny-licenses[1]: 'GPL-3.0-onyl' is not an SPDX licence id (did you mean 'GPL-3.0-only'?)"),
                Arguments.of("max-image-size: big\n", 1, "max-image-size: 'big' is not a size (e.g. 500MB, 1.5GiB, 250000000)"),
                Arguments.of("scanners:\n  vulns: false\n", 2, "scanners.vulns: unknown scanner 'vulns' (did you mean 'vuln'?)"),
                Arguments.of("rules:\n  CVE-2023-44487:\n    severty: low\n", 3, "rules.CVE-2023-44487.severty: unknown key (did you mean 'severity'?)"),
                Arguments.of("rules:\n  CVE-2023-44487: none\n", 2, "rules.CVE-2023-44487: a rule's severity cannot be none"),
                Arguments.of("require-non-root: sure\n", 1, "require-non-root: must be true or false, not 'sure'"),
                Arguments.of("trusted-registries: {docker.io: true}\n", 1, "trusted-registries: must be a list of strings, not a mapping"),
                Arguments.of("dockerfile:\n  ignored: [DL3008]\n", 2, "dockerfile.ignored: unknown key (did you mean 'ignore'?)"),
                Arguments.of("dockerfile:\n  ignore: [DL3008, DL9999]\n", 2, "dockerfile.ignore[1]: unknown rule id 'DL9999'"),
                Arguments.of("- fail-on\n", 1, "must be a mapping (key: value), not a list"));
    }

    @ParameterizedTest
    @MethodSource("badConfigs")
    void badConfig(String text, int line, String message) throws Exception {
        Path f = write(dir, "bad" + Math.abs(text.hashCode()) + ".drydock.yaml", text);
        assertBad(f, line, message, PolicyConfigs::read);
    }

    static Stream<Arguments> badIgnores() {
        return Stream.of(
                Arguments.of("ignores:\n  - id: CVE-2023-44487\n    expires: 2027-01-31\n", 2,
                        "ignores[0]: reason is required: say why CVE-2023-44487 is accepted"),
                Arguments.of("ignores:\n  - id: CVE-2023-44487\n    reason: \"  \"\n", 3, "ignores[0].reason: reason is required"),
                Arguments.of("ignores:\n  - id: CVE-2023-44487\n    reason: not used\n    expires: 2026-13-01\n", 4,
                        "ignores[0].expires: '2026-13-01' is not a date (write yyyy-mm-dd, e.g. 2027-01-31)"),
                Arguments.of("ignores:\n  - id: CVE-2023-44487\n    reson: not used\n", 3, "ignores[0].reson: unknown key (did you mean 'reason'?)"),
                Arguments.of("ignores:\n  - reason: no id\n", 2, "ignores[0]: id is required"),
                Arguments.of("ignores:\n  - id: X\n    reason: r\n    package: {version: 1}\n", 4, "ignores[0].package: name is required"),
                Arguments.of("- CVE-2023-44487\n", 1, "a file of bare ids is Trivy's format: name it .trivyignore"),
                Arguments.of("ignore:\n  - id: X\n", 1, "ignore: unknown key (did you mean 'ignores'?)"));
    }

    @ParameterizedTest
    @MethodSource("badIgnores")
    void badIgnoreFile(String text, int line, String message) throws Exception {
        Path f = write(dir, "bad" + Math.abs(text.hashCode()) + ".drydockignore", text);
        assertBad(f, line, message, Ignores::read);
    }

    static Stream<Arguments> badTrivyIgnores() {
        return Stream.of(
                Arguments.of("# ok\nCVE-2023-44487\nCVE-2024-0727 exp:2026/01/01\n", 3,
                        "'2026/01/01' is not a date (write exp:yyyy-mm-dd, e.g. exp:2027-01-31)"),
                Arguments.of("CVE-2023-44487 until:2027-01-01\n", 1, "unexpected 'until:2027-01-01' after the id"));
    }

    @ParameterizedTest
    @MethodSource("badTrivyIgnores")
    void badTrivyIgnore(String text, int line, String message) throws Exception {
        Path sub = java.nio.file.Files.createDirectories(dir.resolve("t" + Math.abs(text.hashCode())));
        Path f = write(sub, ".trivyignore", text);
        PolicyFileException e = assertBad(f, line, message, Ignores::read);
        assertThat(e.column()).isPositive();
    }

    private static final String OPENVEX_HEAD = "{\n  \"@context\": \"https://openvex.dev/ns/v0.2.0\",\n  \"@id\": \"x\",\n"
            + "  \"author\": \"a\",\n  \"timestamp\": \"2026-11-01T00:00:00Z\",\n  \"version\": 1,\n  \"statements\": [\n";

    static Stream<Arguments> badVex() {
        return Stream.of(
                Arguments.of("{\n  \"@context\": \"https://openvex.dev/ns/v0.2.0\",\n  \"statements\": [\n}\n", 4, "invalid JSON"),
                Arguments.of(OPENVEX_HEAD + "    {\"vulnerability\": {\"name\": \"CVE-1\"}, \"products\": [{\"@id\": \"pkg:npm/a\"}],\n"
                        + "     \"status\": \"not-affected\", \"justification\": \"component_not_present\"}\n  ]\n}\n", 9,
                        "statements[0].status: unknown status 'not-affected' (did you mean 'not_affected'?)"),
                Arguments.of(OPENVEX_HEAD + "    {\"vulnerability\": {\"name\": \"CVE-1\"}, \"products\": [{\"@id\": \"pkg:npm/a\"}],\n"
                        + "     \"status\": \"not_affected\", \"justification\": \"vulnerable_code_not_in_execution_path\"}\n  ]\n}\n", 9,
                        "statements[0].justification: unknown justification 'vulnerable_code_not_in_execution_path'"
                                + " (did you mean 'vulnerable_code_not_in_execute_path'?)"),
                Arguments.of(OPENVEX_HEAD + "    {\"vulnerability\": {\"name\": \"CVE-1\"}, \"products\": [{\"@id\": \"pkg:npm/a\"}],\n"
                        + "     \"status\": \"not_affected\"}\n  ]\n}\n", 8,
                        "statements[0]: a not_affected statement needs a justification or an impact_statement"),
                Arguments.of(OPENVEX_HEAD + "    {\"products\": [{\"@id\": \"pkg:npm/a\"}], \"status\": \"fixed\"}\n  ]\n}\n", 8,
                        "statements[0]: vulnerability is required"),
                Arguments.of(OPENVEX_HEAD + "    {\"vulnerability\": {\"name\": \"CVE-1\"}, \"status\": \"fixed\",\n"
                        + "     \"timestamp\": \"yesterday\"}\n  ]\n}\n", 9,
                        "statements[0].timestamp: 'yesterday' is not an RFC 3339 time"),
                Arguments.of("{\n  \"@context\": \"https://example.com/not-vex\",\n  \"statements\": []\n}\n", 2,
                        "@context: not an OpenVEX document"),
                Arguments.of("{\"bomFormat\": \"SPDX\"}\n", 1, "neither an OpenVEX document"),
                Arguments.of("{\n  \"bomFormat\": \"CycloneDX\",\n  \"vulnerabilities\": [\n    {\"id\": \"CVE-1\",\n"
                        + "     \"analysis\": {\"state\": \"not_afected\"}}\n  ]\n}\n", 5,
                        "vulnerabilities[0].analysis.state: unknown state 'not_afected' (did you mean 'not_affected'?)"),
                Arguments.of("{\n  \"bomFormat\": \"CycloneDX\",\n  \"vulnerabilities\": [\n    {\"id\": \"CVE-1\",\n"
                        + "     \"analysis\": {\"state\": \"not_affected\"}, \"affects\": [{\"ref\": \"pkg:npm/a\"}]}\n  ]\n}\n", 5,
                        "vulnerabilities[0].analysis: a not_affected analysis needs a justification or a detail"));
    }

    @ParameterizedTest
    @MethodSource("badVex")
    void badVex(String text, int line, String message) throws Exception {
        Path f = write(dir, "bad" + Math.abs(text.hashCode()) + ".vex.json", text);
        assertBad(f, line, message, Vex::read);
    }

    static PolicyFileException assertBad(Path f, int line, String message, Function<Path, ?> reader) {
        PolicyFileException e = catchThrowableOfType(() -> reader.apply(f), PolicyFileException.class);
        assertThat(e).as("no error for %s", f).isNotNull();
        assertThat(e).isInstanceOf(InputException.class);
        assertThat(e.getMessage()).startsWith(f + ":" + line + ":").contains(message);
        assertThat(e.file()).isEqualTo(f);
        assertThat(e.line()).isEqualTo(line);
        return e;
    }

    @org.junit.jupiter.api.Test
    void missingFilesAreInputErrors() {
        Path missing = dir.resolve("nope.json");
        assertThatThrownBy(() -> Vex.read(missing)).isInstanceOf(PolicyFileException.class).hasMessage(missing + ": file not found");
        assertThatThrownBy(() -> Ignores.read(missing)).isInstanceOf(PolicyFileException.class).hasMessage(missing + ": file not found");
        assertThatThrownBy(() -> PolicyConfigs.load(missing, dir)).isInstanceOf(PolicyFileException.class)
                .hasMessage(missing + ": config file not found");
    }
}
