package dev.drydock.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.drydock.sbom.SbomSchemas;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every machine-readable format, from {@link ScanReportFixture}, checked against its schema: drydock's own JSON
 * against docs/schema/report.schema.json (2020-12); SARIF, CycloneDX 1.6 and SPDX 2.3 against the official schemas in
 * ../shared/schemas (skipped, saying so, when that folder is absent); GitLab's against its container-scanning schema
 * 15.2.4 (src/test/resources/report/gitlab, see the README there). Plus what schemas cannot say.
 */
class ReportSchemaTest {

    static final Path SHARED_SCHEMAS = Path.of(System.getProperty("drydock.shared", "../shared"), "schemas");
    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode render(ReportFormat f) throws Exception {
        return JSON.readTree(ReportGoldenTest.render(f));
    }

    static JsonSchema schema(Path file, SpecVersion.VersionFlag version) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return JsonSchemaFactory.getInstance(version).getSchema(in);
        }
    }

    @Test
    void jsonMatchesTheDocumentedSchema() throws Exception {
        JsonNode doc = render(ReportFormat.JSON);
        JsonSchema schema = schema(Path.of("docs/schema/report.schema.json"), SpecVersion.VersionFlag.V202012);
        assertThat(schema.validate(doc)).isEmpty();
        assertThat(doc.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(doc.at("/summary/total").asInt()).isEqualTo(12);
        assertThat(doc.at("/summary/bySeverity/critical").asInt()).isEqualTo(3);
        assertThat(doc.at("/summary/suppressed").asInt()).isEqualTo(2);
        assertThat(doc.at("/summary/knownExploited").asInt()).isEqualTo(1);
        assertThat(doc.at("/verdict/rule").asText()).isEqualTo("fail-on: high");
        assertThat(doc.at("/inventory/packages/0").has("files")).as("owned files are internal").isFalse();
        assertThat(doc.at("/subject").has("directory")).isFalse();
    }

    @Test
    void theJsonSchemaRejectsWhatItShould() throws Exception {
        JsonSchema schema = schema(Path.of("docs/schema/report.schema.json"), SpecVersion.VersionFlag.V202012);
        com.fasterxml.jackson.databind.node.ObjectNode doc = (com.fasterxml.jackson.databind.node.ObjectNode) render(ReportFormat.JSON);
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc.at("/findings/0")).put("severity", "SEVERE");
        assertThat(schema.validate(doc)).isNotEmpty();
        com.fasterxml.jackson.databind.node.ObjectNode other = (com.fasterxml.jackson.databind.node.ObjectNode) render(ReportFormat.JSON);
        other.put("schemaVersion", 2);
        assertThat(schema.validate(other)).isNotEmpty();
    }

    @Test
    void sarifMatchesTheOfficialSchema() throws Exception {
        Path file = SHARED_SCHEMAS.resolve("sarif-schema-2.1.0.json");
        assumeTrue(Files.isRegularFile(file), file + " absent: SARIF schema check skipped");
        JsonNode doc = render(ReportFormat.SARIF);
        assertThat(schema(file, SpecVersion.VersionFlag.V7).validate(doc)).isEmpty();
        JsonNode broken = doc.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.at("/runs/0/results/0")).put("level", "fatal");
        assertThat(schema(file, SpecVersion.VersionFlag.V7).validate(broken)).as("the schema is in force").isNotEmpty();
        JsonNode run = doc.at("/runs/0");
        List<String> ruleIds = new ArrayList<>();
        run.at("/tool/driver/rules").forEach(r -> ruleIds.add(r.get("id").asText()));
        assertThat(ruleIds).doesNotHaveDuplicates().contains("CVE-2023-4911", "aws-access-key-id", "DI0001", "DL3007");
        for (JsonNode r : run.at("/tool/driver/rules")) {
            assertThat(r.at("/help/text").asText()).isNotBlank();
            assertThat(r.at("/helpUri").asText()).startsWith("https://");
            assertThat(r.at("/properties/security-severity").asText()).matches("\\d+\\.\\d");
        }
        for (JsonNode res : run.get("results")) {
            assertThat(ruleIds.get(res.get("ruleIndex").asInt())).isEqualTo(res.get("ruleId").asText());
            assertThat(res.at("/partialFingerprints/drydockFindingHash~1v1").asText()).hasSize(64);
        }
        JsonNode secret = find(run.get("results"), "aws-access-key-id");
        assertThat(secret.at("/level").asText()).isEqualTo("error");
        assertThat(secret.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).isEqualTo("app/.env");
        assertThat(secret.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(3);
        assertThat(secret.at("/locations/0/properties/layer").asInt()).isEqualTo(3);
        assertThat(secret.at("/locations/0/properties/deletedInLayerIndex").asInt()).isEqualTo(3);
        JsonNode lint = find(run.get("results"), "DL3007");
        assertThat(lint.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).isEqualTo("Dockerfile");
        assertThat(lint.at("/level").asText()).isEqualTo("warning");
        JsonNode root = find(run.get("results"), "DI0001");
        assertThat(root.at("/locations/0/logicalLocations/0/name").asText()).isEqualTo("User");
        JsonNode suppressed = find(run.get("results"), "CVE-2024-29041");
        assertThat(suppressed.at("/suppressions/0/justification").asText()).contains("internal health checks", "2026-12-31");
        assertThat(find(run.get("results"), "TEMP-0841856-B18BAF").at("/level").asText()).isEqualTo("note");
    }

    @Test
    void cycloneDxMatchesTheOfficialSchemaAndCarriesVex() throws Exception {
        String text = ReportGoldenTest.render(ReportFormat.CYCLONEDX);
        SbomSchemas.assertValidCycloneDx(text);
        SbomSchemas.assertCycloneDxReferencesResolve(text);
        JsonNode doc = JSON.readTree(text);
        assertThat(doc.get("specVersion").asText()).isEqualTo("1.6");
        List<String> refs = doc.findValuesAsText("bom-ref");
        assertThat(doc.get("vulnerabilities")).hasSize(8);
        for (JsonNode v : doc.get("vulnerabilities")) {
            assertThat(refs).contains(v.at("/affects/0/ref").asText());
        }
        JsonNode kev = find(doc.get("vulnerabilities"), "CVE-2023-4911");
        assertThat(kev.at("/ratings/0/method").asText()).isEqualTo("CVSSv31");
        assertThat(kev.at("/ratings/0/score").asDouble()).isEqualTo(7.8);
        assertThat(kev.at("/affects/0/ref").asText()).startsWith("pkg:deb/debian/libc6@");
        JsonNode vex = find(doc.get("vulnerabilities"), "CVE-2024-2398");
        assertThat(vex.at("/analysis/state").asText()).isEqualTo("not_affected");
        assertThat(vex.at("/analysis/justification").asText()).isEqualTo("code_not_reachable");
        JsonNode ignored = find(doc.get("vulnerabilities"), "CVE-2024-29041");
        assertThat(ignored.at("/analysis/state").asText()).isEqualTo("in_triage");
        assertThat(ignored.at("/analysis/response/0").asText()).isEqualTo("will_not_fix");
        assertThat(ignored.at("/analysis/detail").asText()).contains("2026-12-31");
        assertThat(doc.at("/metadata/timestamp").asText()).isEqualTo("2026-11-01T00:00:00Z");
    }

    @Test
    void spdxMatchesTheOfficialSchemaWithAdvisories() throws Exception {
        String text = ReportGoldenTest.render(ReportFormat.SPDX);
        SbomSchemas.assertValidSpdx(text);
        SbomSchemas.assertSpdxReferencesResolve(text);
        JsonNode doc = JSON.readTree(text);
        assertThat(doc.at("/creationInfo/created").asText()).isEqualTo("2026-11-01T00:00:00Z");
        long advisories = doc.findValues("externalRefs").stream().flatMap(a -> {
            List<JsonNode> l = new ArrayList<>();
            a.forEach(l::add);
            return l.stream();
        }).filter(r -> r.path("referenceCategory").asText().equals("SECURITY")).count();
        assertThat(advisories).isEqualTo(8);
    }

    @Test
    void gitlabMatchesItsContainerScanningSchema() throws Exception {
        JsonNode doc = render(ReportFormat.GITLAB);
        JsonSchema schema;
        try (InputStream in = getClass().getResourceAsStream("/report/gitlab/container-scanning-report-format.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
        assertThat(schema.validate(doc)).isEmpty();
        assertThat(doc.get("version").asText()).isEqualTo("15.2.4");
        com.fasterxml.jackson.databind.node.ObjectNode broken = doc.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.at("/vulnerabilities/0")).put("severity", "Severe");
        assertThat(schema.validate(broken)).as("the schema is in force").isNotEmpty();
        assertThat(doc.at("/scan/start_time").asText()).isEqualTo("2026-11-01T00:00:00");
        assertThat(doc.get("vulnerabilities")).as("suppressed ones left out").hasSize(6);
        List<String> ids = doc.get("vulnerabilities").findValuesAsText("id");
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(doc.at("/vulnerabilities/0/location/operating_system").asText()).isEqualTo("debian:12");
        assertThat(doc.at("/vulnerabilities/0/location/image").asText()).isEqualTo("registry.example.com/shop/api:latest");
    }

    /**
     * A directory scan with the least a report can hold (no OS, no inventory, no layers, no verdict) and one finding
     * with no location: every format must still be valid.
     */
    @Test
    void aBareDirectoryScanIsValidInEveryFormat() throws Exception {
        dev.drydock.scan.Finding secret = new dev.drydock.scan.Finding(dev.drydock.scan.Finding.Kind.SECRET, "github-pat",
                List.of(), dev.drydock.scan.Severity.HIGH, "GitHub token (ghp_****)", null, null, null, null, null, List.of(), null);
        dev.drydock.scan.Finding vuln = new dev.drydock.scan.Finding(dev.drydock.scan.Finding.Kind.VULNERABILITY,
                "GHSA-aaaa-bbbb-cccc", List.of(), dev.drydock.scan.Severity.LOW, "x", null, "requirements.txt", null,
                new dev.drydock.scan.Finding.Vulnerability("PyPI", "x", null, "1.0", List.of(), null, null, "AV:N/AC:L/Au:N/C:P/I:P/A:P",
                        7.5, "cvss_v2", false, null), null, List.of("not a url"), null);
        dev.drydock.scan.ScanReport bare = new dev.drydock.scan.ScanReport(dev.drydock.scan.ScanReport.SCHEMA_VERSION,
                dev.drydock.scan.Subject.directory("./src"), null, null, null, List.of(), List.of(), null)
                .withFindings(List.of(secret, vuln, vuln));
        java.util.function.Function<ReportFormat, String> render = f -> {
            try {
                java.io.StringWriter w = new java.io.StringWriter();
                f.writer(ScanReportFixture.settings()).write(bare, w);
                return w.toString();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        assertThat(schema(Path.of("docs/schema/report.schema.json"), SpecVersion.VersionFlag.V202012)
                .validate(JSON.readTree(render.apply(ReportFormat.JSON)))).isEmpty();
        JsonSchema gitlab;
        try (InputStream in = getClass().getResourceAsStream("/report/gitlab/container-scanning-report-format.json")) {
            gitlab = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
        assertThat(gitlab.validate(JSON.readTree(render.apply(ReportFormat.GITLAB)))).isEmpty();
        SbomSchemas.assertCycloneDxReferencesResolve(render.apply(ReportFormat.CYCLONEDX));
        SbomSchemas.assertValidSpdx(render.apply(ReportFormat.SPDX));
        SbomSchemas.assertValidCycloneDx(render.apply(ReportFormat.CYCLONEDX));
        Path sarif = SHARED_SCHEMAS.resolve("sarif-schema-2.1.0.json");
        assumeTrue(Files.isRegularFile(sarif), sarif + " absent: SARIF schema check skipped");
        assertThat(schema(sarif, SpecVersion.VersionFlag.V7).validate(JSON.readTree(render.apply(ReportFormat.SARIF)))).isEmpty();
    }

    static JsonNode find(JsonNode array, String id) {
        for (JsonNode n : array) {
            if (id.equals(n.path("ruleId").asText(null)) || id.equals(n.path("id").asText(null))) {
                return n;
            }
        }
        throw new AssertionError(id + " not found");
    }
}
