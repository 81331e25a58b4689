package dev.drydock.sbom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import dev.drydock.analyzer.Package;
import dev.drydock.analyzer.os.OsRelease;
import dev.drydock.scan.Inventory;
import dev.drydock.scan.Subject;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Both SBOM formats: valid against the official schemas, deterministic, licences and dependencies as documented. */
class SbomWriterTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String LAYER = "sha256:" + "ab".repeat(32);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2030-01-02T03:04:05.678Z"), ZoneOffset.UTC);

    static Inventory sample() {
        Subject image = new Subject("docker-archive:app.tar", "sha256:" + "12".repeat(32), "sha256:" + "34".repeat(32),
                List.of("app:1"), "2024-05-06T07:08:09.123456789Z", "linux/amd64");
        List<Package> pkgs = new ArrayList<>();
        pkgs.add(new Package("Debian:12", "libc6", "2.36-9+deb12u4", "pkg:deb/debian/libc6@2.36-9%2Bdeb12u4?arch=amd64&distro=debian-12",
                "glibc", null, "amd64", List.of("LGPL-2.1-or-later", "GPL-2.0+"), "var/lib/dpkg/status", LAYER, false, List.of(), List.of()));
        pkgs.add(new Package("Debian:12", "zlib1g", "1:1.2.13.dfsg-1", null, "zlib", "1.2.13.dfsg-1", "amd64",
                List.of("Zlib-like custom text"), "var/lib/dpkg/status", LAYER, false, List.of("libc6"), List.of()));
        pkgs.add(new Package("Maven", "org.yaml:snakeyaml", "2.2", "pkg:maven/org.yaml/snakeyaml@2.2", null, null, null,
                List.of("Apache-2.0 OR MIT"), "app/app.jar!/BOOT-INF/lib/snakeyaml-2.2.jar", LAYER, false, List.of(), List.of()));
        pkgs.add(new Package("npm", "express", "4.18.2", "pkg:npm/express@4.18.2", null, null, null, List.of("MIT"),
                "app/package-lock.json", LAYER, false, List.of("ms", "not-there"), List.of()));
        pkgs.add(new Package("npm", "ms", "2.1.3", "pkg:npm/ms@2.1.3", null, null, null, List.of("mit"),
                "app/package-lock.json", LAYER, true, List.of(), List.of()));
        pkgs.add(new Package("npm", "ms", "2.1.3", "pkg:npm/ms@2.1.3", null, null, null, List.of(),
                "other/package-lock.json", LAYER, false, List.of(), List.of()));
        pkgs.sort(Inventory.ORDER);
        return new Inventory(image, dev.drydock.analyzer.os.OperatingSystem.of(
                new OsRelease("debian", "12", "bookworm", "Debian GNU/Linux 12 (bookworm)", List.of()), false, "etc/os-release"),
                pkgs, List.of());
    }

    static String write(SbomWriter.Format f, Inventory inv, Map<String, String> env) throws Exception {
        StringWriter w = new StringWriter();
        new SbomWriter(f, env, CLOCK).write(inv, w);
        return w.toString();
    }

    @Test
    void cycloneDxIsValidAndCarriesTheImageOsPackagesEvidenceAndDependencies() throws Exception {
        String json = write(SbomWriter.Format.CYCLONEDX, sample(), Map.of());
        JsonNode doc = JSON.readTree(json);
        assertThat(doc.path("specVersion").asText()).isEqualTo("1.6");
        assertThat(doc.at("/metadata/timestamp").asText()).isEqualTo("2024-05-06T07:08:09Z"); // the image's created time
        assertThat(doc.at("/metadata/component/type").asText()).isEqualTo("container");
        assertThat(doc.at("/metadata/component/version").asText()).isEqualTo("sha256:" + "12".repeat(32));
        assertThat(doc.at("/metadata/tools/components/0/name").asText()).isEqualTo("drydock");
        JsonNode components = doc.path("components");
        assertThat(components).hasSize(7); // the OS and six packages
        assertThat(components.get(0).path("type").asText()).isEqualTo("operating-system");
        JsonNode snake = find(components, "snakeyaml");
        assertThat(snake.path("group").asText()).isEqualTo("org.yaml");
        assertThat(snake.at("/licenses/0/expression").asText()).isEqualTo("Apache-2.0 OR MIT");
        assertThat(snake.at("/evidence/occurrences/0/location").asText()).isEqualTo("/app/app.jar!/BOOT-INF/lib/snakeyaml-2.2.jar");
        JsonNode libc = find(components, "libc6");
        assertThat(libc.at("/licenses/0/license/id").asText()).isEqualTo("LGPL-2.1-or-later");
        assertThat(libc.at("/licenses/1/license/name").asText()).isEqualTo("GPL-2.0+");
        assertThat(property(libc, "drydock:layer")).isEqualTo(LAYER);
        assertThat(property(libc, "drydock:source:name")).isEqualTo("glibc");
        // two ms@2.1.3 from two lockfiles: two components with distinct refs
        assertThat(components.findValuesAsText("bom-ref")).doesNotHaveDuplicates()
                .contains("pkg:npm/ms@2.1.3", "pkg:npm/ms@2.1.3#other/package-lock.json");
        assertThat(find(components, "ms").at("/licenses/0/license/id").asText()).isEqualTo("MIT");
        JsonNode deps = doc.path("dependencies");
        assertThat(dependsOn(deps, "pkg:npm/express@4.18.2")).containsExactly("pkg:npm/ms@2.1.3"); // same lockfile; not-there dropped
        assertThat(dependsOn(deps, "drydock:os")).hasSize(2);
        assertThat(dependsOn(deps, "drydock:subject")).contains("drydock:os").hasSize(5);
        SbomSchemas.assertValidCycloneDx(json);
        SbomSchemas.assertCycloneDxReferencesResolve(json);
    }

    @Test
    void spdxIsValidWithPurlsRelationshipsAndLicences() throws Exception {
        String json = write(SbomWriter.Format.SPDX, sample(), Map.of());
        JsonNode doc = JSON.readTree(json);
        assertThat(doc.path("spdxVersion").asText()).isEqualTo("SPDX-2.3");
        assertThat(doc.at("/creationInfo/created").asText()).isEqualTo("2024-05-06T07:08:09Z");
        assertThat(doc.path("documentNamespace").asText()).startsWith("https://drydock.dev/spdx/image/docker-archive-app.tar-");
        JsonNode packages = doc.path("packages");
        assertThat(packages).hasSize(8);
        assertThat(packages.get(0).path("SPDXID").asText()).isEqualTo("SPDXRef-Image");
        assertThat(packages.get(0).at("/checksums/0/checksumValue").asText()).isEqualTo("12".repeat(32));
        JsonNode libc = find(packages, "libc6");
        assertThat(libc.path("licenseDeclared").asText()).isEqualTo("LGPL-2.1-or-later AND GPL-2.0+");
        assertThat(libc.at("/externalRefs/0/referenceLocator").asText()).startsWith("pkg:deb/debian/libc6@");
        JsonNode zlib = find(packages, "zlib1g");
        assertThat(zlib.path("licenseDeclared").asText()).isEqualTo("LicenseRef-Zlib-like-custom-text");
        assertThat(zlib.has("externalRefs")).isFalse();
        assertThat(doc.at("/hasExtractedLicensingInfos/0/extractedText").asText()).isEqualTo("Zlib-like custom text");
        assertThat(find(packages, "org.yaml:snakeyaml").path("licenseDeclared").asText()).isEqualTo("Apache-2.0 OR MIT");
        List<String> rels = new ArrayList<>();
        doc.path("relationships").forEach(r -> rels.add(r.path("spdxElementId").asText() + " " + r.path("relationshipType").asText()
                + " " + r.path("relatedSpdxElement").asText()));
        assertThat(rels).contains("SPDXRef-DOCUMENT DESCRIBES SPDXRef-Image", "SPDXRef-Image CONTAINS SPDXRef-OperatingSystem");
        assertThat(rels).filteredOn(r -> r.contains("DEPENDS_ON")).containsExactly(
                find(packages, "zlib1g").path("SPDXID").asText() + " DEPENDS_ON " + libc.path("SPDXID").asText(),
                find(packages, "express").path("SPDXID").asText() + " DEPENDS_ON SPDXRef-Package-5-ms");
        SbomSchemas.assertValidSpdx(json);
        SbomSchemas.assertSpdxReferencesResolve(json);
    }

    @Test
    void outputIsDeterministicAndSourceDateEpochWins() throws Exception {
        for (SbomWriter.Format f : SbomWriter.Format.values()) {
            assertThat(write(f, sample(), Map.of())).isEqualTo(write(f, sample(), Map.of()));
            String pinned = write(f, sample(), Map.of("SOURCE_DATE_EPOCH", "1700000000"));
            assertThat(pinned).contains("2023-11-14T22:13:20Z");
            assertThat(write(f, sample(), Map.of("DRYDOCK_SOURCE_DATE_EPOCH", "0", "SOURCE_DATE_EPOCH", "1700000000")))
                    .contains("1970-01-01T00:00:00Z");
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SbomWriter(SbomWriter.Format.SPDX,
                        Map.of("SOURCE_DATE_EPOCH", "yesterday"), CLOCK))
                .isInstanceOf(dev.drydock.DrydockException.UsageException.class)
                .hasMessage("SOURCE_DATE_EPOCH must be seconds since 1970-01-01, got 'yesterday'");
    }

    @Test
    void aDirectoryHasNoTimestampInCycloneDxAndTheClockInSpdx() throws Exception {
        Inventory dir = new Inventory(Subject.directory("./project"), null, List.of(Package.of("PyPI", "requests", "2.32.3",
                "pkg:pypi/requests@2.32.3", "requirements.txt")), List.of());
        String cdx = write(SbomWriter.Format.CYCLONEDX, dir, Map.of());
        assertThat(JSON.readTree(cdx).at("/metadata").has("timestamp")).isFalse();
        assertThat(JSON.readTree(cdx).at("/metadata/component/type").asText()).isEqualTo("file");
        SbomSchemas.assertValidCycloneDx(cdx);
        String spdx = write(SbomWriter.Format.SPDX, dir, Map.of());
        assertThat(JSON.readTree(spdx).at("/creationInfo/created").asText()).isEqualTo("2030-01-02T03:04:05Z");
        assertThat(JSON.readTree(spdx).at("/packages/0/SPDXID").asText()).isEqualTo("SPDXRef-Directory");
        SbomSchemas.assertValidSpdx(spdx);
    }

    @Test
    void licenceExpressionsAreCheckedAgainstTheSpdxList() {
        assertThat(SpdxLicenses.expression("mit")).isEqualTo("MIT");
        assertThat(SpdxLicenses.expression("(MIT OR apache-2.0) AND GPL-2.0-only WITH Classpath-exception-2.0"))
                .isEqualTo("(MIT OR Apache-2.0) AND GPL-2.0-only WITH Classpath-exception-2.0");
        assertThat(SpdxLicenses.expression("GPL-2.0+")).isEqualTo("GPL-2.0+");
        assertThat(SpdxLicenses.expression("LicenseRef-mine")).isEqualTo("LicenseRef-mine");
        assertThat(SpdxLicenses.expression("MIT OR")).isNull();
        assertThat(SpdxLicenses.expression("(MIT")).isNull();
        assertThat(SpdxLicenses.expression("BSD style")).isNull();
        assertThat(SpdxLicenses.expression("MIT MIT")).isNull();
    }

    static JsonNode find(JsonNode array, String name) {
        for (JsonNode n : array) {
            if (name.equals(n.path("name").asText())) {
                return n;
            }
        }
        throw new AssertionError("no " + name + " in " + array);
    }

    static String property(JsonNode component, String name) {
        for (JsonNode p : component.path("properties")) {
            if (name.equals(p.path("name").asText())) {
                return p.path("value").asText();
            }
        }
        return null;
    }

    static List<String> dependsOn(JsonNode deps, String ref) {
        for (JsonNode d : deps) {
            if (ref.equals(d.path("ref").asText())) {
                List<String> out = new ArrayList<>();
                d.path("dependsOn").forEach(x -> out.add(x.asText()));
                return out;
            }
        }
        throw new AssertionError("no dependency entry for " + ref);
    }
}
