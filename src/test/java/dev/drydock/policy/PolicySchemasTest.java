package dev.drydock.policy;

import static dev.drydock.policy.PolicyFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The schemas in docs/schema and the readers agree: the examples in docs/policy.md are valid for both, and what the
 * readers refuse the schema refuses too (where a schema can say it).
 */
class PolicySchemasTest {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    Path dir;

    static JsonSchema schema(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    static JsonSchema config() throws Exception {
        return schema(Path.of("docs/schema/drydock-config.schema.json"));
    }

    static JsonSchema ignore() throws Exception {
        return schema(Path.of("docs/schema/drydockignore.schema.json"));
    }

    /** The fenced yaml blocks of docs/policy.md, in order. */
    static List<String> yamlBlocks() throws Exception {
        Matcher m = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(Path.of("docs/policy.md")));
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void theDocumentedConfigExampleIsValidForTheSchemaAndTheReader() throws Exception {
        String example = yamlBlocks().get(0);
        assertThat(config().validate(YAML.readTree(example))).isEmpty();
        PolicyConfig c = PolicyConfigs.read(write(dir, ".drydock.yaml", example));
        assertThat(c.failOn().name()).isEqualTo("HIGH");
        assertThat(c.forbiddenPackages()).hasSize(3);
        assertThat(c.forbiddenPackages().get(0).versions().toString()).isEqualTo(">=2.0.0, <2.17.1");
        assertThat(c.deniedLicenses()).containsExactly("AGPL-3.0-only", "SSPL-*", "GPL-3.0-or-later");
        assertThat(c.maxImageSize()).isEqualTo(500_000_000L);
        assertThat(c.requireNonRoot()).isTrue();
        assertThat(c.rules()).containsKeys("CVE-2023-44487", "DI0006", "AWS-ACCESS-KEY-ID", "CIS-DI-0005");
        assertThat(c.lint().ignored()).contains("DL3008");
        assertThat(c.lint().settings().trustedRegistries()).containsExactly("docker.io", "*.corp.example");
    }

    @Test
    void theDocumentedIgnoreExampleIsValidForTheSchemaAndTheReader() throws Exception {
        String example = yamlBlocks().get(1);
        assertThat(ignore().validate(YAML.readTree(example))).isEmpty();
        Ignores i = Ignores.read(write(dir, ".drydockignore", example));
        assertThat(i.entries()).extracting(Ignores.Entry::id).containsExactly("CVE-2023-44487", "CVE-2024-0727");
        assertThat(i.entries().get(1).packageVersion()).isEqualTo("3.0.11-1~deb12u2");
        assertThat(i.entries().get(1).expires()).hasToString("2026-12-31");
        for (String block : yamlBlocks()) {
            if (block.startsWith("ignores:")) {
                assertThat(ignore().validate(YAML.readTree(block))).as(block).isEmpty();
                assertThat(Ignores.read(write(dir, ".drydockignore", block)).entries()).isNotEmpty();
            }
        }
    }

    /** Bad configs whose fault a schema can express: both the schema and the reader refuse them. */
    @ParameterizedTest
    @MethodSource("dev.drydock.policy.PolicyFilesTest#badConfigs")
    void whatTheReaderRefusesTheSchemaRefuses(String text, int line, String message) throws Exception {
        assumeTrue(!message.contains("invalid YAML") && !message.contains("duplicate key") && !message.contains("SPDX")
                && !message.contains("unknown rule id") && !message.contains("not a comparison"),
                "not something JSON Schema can say (YAML syntax, duplicate keys, the SPDX list, rule ids, range syntax)");
        Set<ValidationMessage> errors = config().validate(YAML.readTree(text));
        assertThat(errors).as(text).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("dev.drydock.policy.PolicyFilesTest#badIgnores")
    void whatTheIgnoreReaderRefusesTheSchemaRefuses(String text, int line, String message) throws Exception {
        assumeTrue(!message.contains("not a date"), "the schema checks the date's shape, not the calendar");
        JsonNode n = YAML.readTree(text);
        assertThat(ignore().validate(n)).as(text).isNotEmpty();
    }

    @Test
    void drydocksOpenVexIsValidForTheOfficialSchema() throws Exception {
        Path file = PolicyFixtures.shared().resolve("schemas/openvex-schema.json");
        assumeTrue(Files.isRegularFile(file), file + " absent (../shared, or -Ddrydock.shared): OpenVEX schema check skipped");
        JsonNode doc = OpenVexWriterTest.document();
        assertThat(schema(file).validate(doc)).isEmpty();
    }
}
