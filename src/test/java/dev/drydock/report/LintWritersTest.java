package dev.drydock.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.drydock.dockerfile.Position;
import dev.drydock.dockerfile.rules.Edit;
import dev.drydock.dockerfile.rules.RuleInfo;
import dev.drydock.dockerfile.rules.Severity;
import dev.drydock.dockerfile.rules.Violation;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Every lint format, on one report with a finding of each severity and a file that could not be parsed. */
class LintWritersTest {

    static final Path SHARED_SCHEMAS = Path.of("..", "shared", "schemas");
    private static final ObjectMapper JSON = new ObjectMapper();

    static LintReport sample() {
        RuleInfo dl3007 = new RuleInfo("DL3007", Severity.WARNING, "Using latest is prone to errors", "The latest tag moves.",
                "Pin a version tag.", List.of("DS001", "CKV_DOCKER_7"), "FROM node:latest", "FROM node:20", false);
        RuleInfo dd0001 = new RuleInfo("DD0001", Severity.ERROR, "Secret in ENV", "ENV values are stored in the image config.",
                "Use a BuildKit secret mount.", List.of(), "ENV A=b", "ENV A=", false);
        RuleInfo dl3015 = new RuleInfo("DL3015", Severity.INFO, "Avoid additional packages", "Recommends add packages.",
                "Add --no-install-recommends.", List.of("DS029"), "RUN apt-get install -y x", "RUN apt-get install -y --no-install-recommends x", true);
        RuleInfo dl3059 = new RuleInfo("DL3059", Severity.STYLE, "Multiple consecutive RUN", "Each RUN is a layer.",
                "Join them with &&.", List.of(), "RUN a\nRUN b", "RUN a && b", false);
        List<Violation> v = List.of(
                new Violation(dl3007, Severity.WARNING, "Using latest is prone to errors: node:latest", "app/Dockerfile",
                        new Position(1, 1, 0), 1, List.of()),
                new Violation(dd0001, Severity.ERROR, "ENV AWS_SECRET_ACCESS_KEY holds a secret (wJal****) <&\"'>", "app/Dockerfile",
                        new Position(2, 5, 21), 2, List.of()),
                new Violation(dl3015, Severity.INFO, "apt-get install without --no-install-recommends", "app/Dockerfile",
                        new Position(3, 1, 60), 3, List.of(Edit.insert(80, " --no-install-recommends"))),
                new Violation(dl3059, Severity.STYLE, "Multiple consecutive RUN instructions", "app/Dockerfile",
                        new Position(4, 1, 100), 4, List.of()));
        List<String> lines = List.of("FROM node:latest", "ENV AWS_SECRET_ACCESS_KEY=wJal****", "RUN apt-get install -y curl", "RUN make");
        return new LintReport(List.of(
                new LintReport.FileResult("app/Dockerfile", v, null, null, lines),
                new LintReport.FileResult("broken dir/Dockerfile", List.of(), "unknown instruction: RUNN", new Position(3, 1, 0),
                        List.of("FROM a", "", "RUNN x"))),
                Severity.WARNING, true);
    }

    static String render(LintWriter.Format f) throws Exception {
        StringWriter w = new StringWriter();
        f.writer(false).write(sample(), w);
        return w.toString();
    }

    @Test
    void jsonMatchesTheDocumentedSchema() throws Exception {
        JsonNode doc = JSON.readTree(render(LintWriter.Format.JSON));
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.newInputStream(Path.of("docs/schema/lint-report.schema.json")));
        Set<ValidationMessage> errors = schema.validate(doc);
        assertThat(errors).isEmpty();
        assertThat(doc.at("/files/0/findings/1/ruleId").asText()).isEqualTo("DD0001");
        assertThat(doc.at("/files/0/findings/2/fixable").asBoolean()).isTrue();
        assertThat(doc.at("/files/1/error/line").asInt()).isEqualTo(3);
        assertThat(doc.at("/summary/bySeverity/error").asInt()).isEqualTo(1);
        assertThat(doc.at("/summary/failed").asBoolean()).isTrue();
        assertThat(doc.at("/summary/failOn").asText()).isEqualTo("warning");
    }

    @Test
    void sarifMatchesTheOfficialSchema() throws Exception {
        Path schemaFile = SHARED_SCHEMAS.resolve("sarif-schema-2.1.0.json");
        assumeTrue(Files.isRegularFile(schemaFile), "../shared/schemas/sarif-schema-2.1.0.json absent: SARIF schema check skipped");
        JsonNode doc = JSON.readTree(render(LintWriter.Format.SARIF));
        JsonSchema schema;
        try (InputStream in = Files.newInputStream(schemaFile)) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
        assertThat(schema.validate(doc)).isEmpty();
        JsonNode run = doc.at("/runs/0");
        assertThat(run.at("/tool/driver/rules")).hasSize(4);
        assertThat(run.at("/results/1/level").asText()).isEqualTo("error");
        assertThat(run.at("/results/2/level").asText()).isEqualTo("note");
        int idx = run.at("/results/0/ruleIndex").asInt();
        assertThat(run.at("/tool/driver/rules/" + idx + "/id").asText()).isEqualTo("DL3007");
        assertThat(run.at("/results/0/locations/0/physicalLocation/artifactLocation/uri").asText()).isEqualTo("app/Dockerfile");
        assertThat(run.at("/invocations/0/executionSuccessful").asBoolean()).isFalse();
        assertThat(run.at("/invocations/0/toolExecutionNotifications/0/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("broken%20dir/Dockerfile");
    }

    @Test
    void checkstyleIsWellFormedXmlWithEscapedMessages() throws Exception {
        String xml = render(LintWriter.Format.CHECKSTYLE);
        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(d.getElementsByTagName("file").getLength()).isEqualTo(2);
        Element second = (Element) d.getElementsByTagName("error").item(1);
        assertThat(second.getAttribute("source")).isEqualTo("DD0001");
        assertThat(second.getAttribute("message")).endsWith("<&\"'>");
        assertThat(((Element) d.getElementsByTagName("error").item(3)).getAttribute("severity")).isEqualTo("info");
    }

    @Test
    void tableShowsPositionSeverityIdMessageAndSourceLineThenSummary() throws Exception {
        String t = render(LintWriter.Format.TABLE);
        assertThat(t).contains("app/Dockerfile\n");
        assertThat(t).containsPattern("1:1 +warning +DL3007 +Using latest");
        assertThat(t).contains("│ FROM node:latest");
        assertThat(t).contains("broken dir/Dockerfile:3:1  cannot lint  unknown instruction: RUNN");
        assertThat(t).contains("4 findings (1 error, 1 warning, 1 info, 1 style) in 2 files; 1 file could not be linted");
        assertThat(t).endsWith("FAIL: fail-on warning (findings at or above it)\n");
        assertThat(t).doesNotContain("\u001b[");
    }

    @Test
    void tableColoursOnlyWhenAsked() throws Exception {
        StringWriter w = new StringWriter();
        new LintTableWriter(true).write(sample(), w);
        assertThat(w.toString()).contains("\u001b[31m");
    }
}
