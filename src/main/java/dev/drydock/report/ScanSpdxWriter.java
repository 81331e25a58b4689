package dev.drydock.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drydock.sbom.SbomWriter;
import dev.drydock.scan.Finding;
import dev.drydock.scan.ScanReport;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;

/**
 * SPDX 2.3 (https://spdx.github.io/spdx-spec/v2.3/): the SBOM as {@code drydock sbom} writes it ({@link SbomWriter}),
 * and for each vulnerable package a {@code SECURITY}/{@code advisory} external reference per vulnerability (SPDX 2.3's
 * place for them, annex F), its comment giving id, severity, fixed version and whether policy suppressed it. SPDX 2.3
 * has no field for secrets or configuration findings.
 */
final class ScanSpdxWriter implements ReportWriter {

    private final ReportSettings settings;

    ScanSpdxWriter(ReportSettings settings) {
        this.settings = settings;
    }

    @Override
    public void write(ScanReport r, Writer out) throws IOException {
        StringWriter sbom = new StringWriter();
        new SbomWriter(SbomWriter.Format.SPDX, settings.env(), settings.clock()).write(ScanCycloneDxWriter.inventory(r), sbom);
        ObjectNode doc = (ObjectNode) ScanJsonWriter.JSON.readTree(sbom.toString());
        for (Finding f : r.findings()) {
            if (f.vulnerability() == null || f.vulnerability().purl() == null) {
                continue;
            }
            ObjectNode pkg = packageOf(doc, f.vulnerability().purl());
            if (pkg == null) {
                continue;
            }
            ArrayNode refs = pkg.has("externalRefs") ? (ArrayNode) pkg.get("externalRefs") : pkg.putArray("externalRefs");
            ObjectNode ref = refs.addObject();
            ref.put("referenceCategory", "SECURITY");
            ref.put("referenceType", "advisory");
            ref.put("referenceLocator", Findings.idUrl(f));
            Finding.Vulnerability v = f.vulnerability();
            ref.put("comment", f.id() + " (" + f.severity().lower() + (v.cvssScore() == null ? "" : " " + v.cvssScore())
                    + (v.knownExploited() ? ", known exploited" : "") + "): " + Findings.oneLine(f.title())
                    + (v.fixedVersions().isEmpty() ? "; no fixed version" : "; fixed in " + String.join(", ", v.fixedVersions()))
                    + (f.suppressed() == null ? "" : "; suppressed " + Findings.suppressionText(f.suppressed())));
        }
        ScanJsonWriter.writeTree(doc, out);
    }

    private static ObjectNode packageOf(JsonNode doc, String purl) {
        for (JsonNode p : doc.path("packages")) {
            for (JsonNode ref : p.path("externalRefs")) {
                if ("purl".equals(ref.path("referenceType").asText()) && purl.equals(ref.path("referenceLocator").asText())) {
                    return (ObjectNode) p;
                }
            }
        }
        return null;
    }
}
