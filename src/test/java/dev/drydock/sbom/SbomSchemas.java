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

}
