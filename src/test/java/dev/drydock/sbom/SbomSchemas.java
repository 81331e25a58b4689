package dev.drydock.sbom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Validation of SBOMs against the official JSON schemas (README of ../shared/schemas), for tests in any package. */
public final class SbomSchemas {

    static final Path SHARED_SCHEMAS = Path.of("..", "shared", "schemas");
    static final ObjectMapper JSON = new ObjectMapper();

    private SbomSchemas() {
    }

    /**
     * The official CycloneDX 1.6 schema as cyclonedx-core-java bundles it (its own validator needs a newer
     * json-schema-validator than the tests have), and the copy in ../shared when present; the bom schema's references
     * to the spdx and jsf schemas are mapped to the files beside it.
     */
    public static void assertValidCycloneDx(String json) throws Exception {
        JsonSchemaFactory bundled = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7,
                b -> b.schemaMappers(m -> m.mapPrefix("http://cyclonedx.org/schema/", "classpath:")));
        assertThat(bundled.getSchema(SchemaLocation.of("http://cyclonedx.org/schema/bom-1.6.schema.json")).validate(JSON.readTree(json)))
                .as("cyclonedx-core-java's bundled bom-1.6.schema.json").isEmpty();
        Path bom = SHARED_SCHEMAS.resolve("cyclonedx-bom-1.6.schema.json");
        assumeTrue(Files.isRegularFile(bom), "../shared/schemas/cyclonedx-bom-1.6.schema.json absent: check against the shared schema skipped");
        String prefix = SHARED_SCHEMAS.toAbsolutePath().normalize().toUri() + "cyclonedx-";
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7,
                b -> b.schemaMappers(m -> m.mapPrefix("http://cyclonedx.org/schema/", prefix)));
        JsonSchema schema = factory.getSchema(SchemaLocation.of("http://cyclonedx.org/schema/bom-1.6.schema.json"));
        assertThat(schema.validate(JSON.readTree(json))).isEmpty();
    }

    public static void assertValidSpdx(String json) throws Exception {
        Path file = SHARED_SCHEMAS.resolve("spdx-2.3-schema.json");
        assumeTrue(Files.isRegularFile(file), "../shared/schemas/spdx-2.3-schema.json absent: SPDX schema check skipped");
        JsonSchema schema;
        try (InputStream in = Files.newInputStream(file)) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
        assertThat(schema.validate(JSON.readTree(json))).isEmpty();
    }


    /** What the schemas cannot say: bom-refs are unique and every dependency names one. */
    public static void assertCycloneDxReferencesResolve(String json) throws Exception {
        var doc = JSON.readTree(json);
        java.util.List<String> refs = new java.util.ArrayList<>(doc.findValuesAsText("bom-ref"));
        assertThat(refs).doesNotHaveDuplicates();
        for (var d : doc.path("dependencies")) {
            assertThat(refs).contains(d.path("ref").asText());
            d.path("dependsOn").forEach(x -> assertThat(refs).contains(x.asText()));
        }
    }

    /** SPDXIDs are unique, relationships name existing elements, every LicenseRef used is defined. */
    public static void assertSpdxReferencesResolve(String json) throws Exception {
        var doc = JSON.readTree(json);
        java.util.List<String> ids = new java.util.ArrayList<>(java.util.List.of("SPDXRef-DOCUMENT"));
        doc.path("packages").forEach(p -> ids.add(p.path("SPDXID").asText()));
        assertThat(ids).doesNotHaveDuplicates();
        for (var r : doc.path("relationships")) {
            assertThat(ids).contains(r.path("spdxElementId").asText(), r.path("relatedSpdxElement").asText());
        }
        java.util.Set<String> defined = new java.util.HashSet<>();
        doc.path("hasExtractedLicensingInfos").forEach(x -> defined.add(x.path("licenseId").asText()));
        var ref = java.util.regex.Pattern.compile("LicenseRef-[A-Za-z0-9.-]+");
        for (var p : doc.path("packages")) {
            var m = ref.matcher(p.path("licenseDeclared").asText());
            while (m.find()) {
                assertThat(defined).contains(m.group());
            }
        }
    }
}
