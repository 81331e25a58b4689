package dev.drydock.sbom;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drydock.Version;
import dev.drydock.analyzer.Package;
import dev.drydock.scan.Inventory;
import dev.drydock.scan.Subject;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * SPDX 2.3 JSON (https://spdx.github.io/spdx-spec/v2.3/), written with Jackson since no library on Maven Central
 * writes it without a large dependency tree: the image (or directory) as the described package, one package per
 * inventory entry with its purl as a {@code PACKAGE-MANAGER} external reference, and {@code DESCRIBES},
 * {@code CONTAINS} and {@code DEPENDS_ON} relationships. Declared licences become an SPDX expression when every part
 * is on the SPDX licence list, else a {@code LicenseRef-} with the text in {@code hasExtractedLicensingInfos};
 * undeclared ones are {@code NOASSERTION}. SPDX requires {@code created}: without {@link SbomModel#created()} it is
 * the current time.
 */
final class SpdxWriter {

    static final String NOASSERTION = "NOASSERTION";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SpdxWriter() {
    }

    static void write(SbomModel model, Writer out, Instant now) throws IOException {
        Inventory inv = model.inventory();
        Subject s = inv.subject();
        ObjectNode doc = JSON.createObjectNode();
        doc.put("spdxVersion", "SPDX-2.3");
        doc.put("dataLicense", "CC0-1.0");
        doc.put("SPDXID", "SPDXRef-DOCUMENT");
        doc.put("name", s.name());
        doc.put("documentNamespace", "https://drydock.dev/spdx/" + (s.isDirectory() ? "dir/" : "image/")
                + safe(s.name()) + "-" + model.uuid());
        ObjectNode creation = doc.putObject("creationInfo");
        Instant created = model.created() != null ? model.created() : now.truncatedTo(ChronoUnit.SECONDS);
        creation.put("created", DateTimeFormatter.ISO_INSTANT.format(created));
        creation.putArray("creators").add("Tool: drydock-" + Version.get());

        ArrayNode packages = doc.putArray("packages");
        ArrayNode relationships = JSON.createArrayNode();
        Map<String, String> licenceRefs = new TreeMap<>();
        String rootId = s.isDirectory() ? "SPDXRef-Directory" : "SPDXRef-Image";
        ObjectNode root = pkg(packages, rootId, s.name(), s.isDirectory() ? null : s.digest());
        root.put("primaryPackagePurpose", s.isDirectory() ? "FILE" : "CONTAINER");
        if (!s.isDirectory()) {
            int colon = s.digest().indexOf(':');
            ArrayNode checksums = root.putArray("checksums");
            ObjectNode c = checksums.addObject();
            c.put("algorithm", s.digest().substring(0, colon).toUpperCase(Locale.ROOT));
            c.put("checksumValue", s.digest().substring(colon + 1));
            root.put("comment", "image id " + s.imageId() + (s.tags().isEmpty() ? "" : ", tags " + String.join(", ", s.tags())));
        }
        relationship(relationships, "SPDXRef-DOCUMENT", "DESCRIBES", rootId);
        if (inv.os() != null) {
            ObjectNode os = pkg(packages, "SPDXRef-OperatingSystem", inv.os().id(), inv.os().versionId() == null || inv.os().versionId().isEmpty() ? null : inv.os().versionId());
            os.put("primaryPackagePurpose", "OPERATING_SYSTEM");
            relationship(relationships, rootId, "CONTAINS", "SPDXRef-OperatingSystem");
        }
        Map<String, String> ids = new HashMap<>();
        List<SbomModel.Entry> entries = model.entries();
        for (int i = 0; i < entries.size(); i++) {
            Package p = entries.get(i).pkg();
            ids.put(entries.get(i).ref(), "SPDXRef-Package-" + (i + 1) + "-" + safe(p.name()));
        }
        for (SbomModel.Entry e : entries) {
            Package p = e.pkg();
            String id = ids.get(e.ref());
            ObjectNode n = pkg(packages, id, p.name(), p.version());
            n.put("licenseDeclared", declared(p.licenses(), licenceRefs));
            n.put("primaryPackagePurpose", "LIBRARY");
            if (p.path() != null) {
                n.put("sourceInfo", "found in /" + p.path() + (p.layer() == null ? "" : " in layer " + p.layer()));
            }
            if (p.purl() != null) {
                ObjectNode ref = n.putArray("externalRefs").addObject();
                ref.put("referenceCategory", "PACKAGE-MANAGER");
                ref.put("referenceType", "purl");
                ref.put("referenceLocator", p.purl());
            }
            relationship(relationships, rootId, "CONTAINS", id);
        }
        for (SbomModel.Entry e : entries) {
            for (String dep : e.dependsOn()) {
                relationship(relationships, ids.get(e.ref()), "DEPENDS_ON", ids.get(dep));
            }
        }
        if (!licenceRefs.isEmpty()) {
            ArrayNode extracted = doc.putArray("hasExtractedLicensingInfos");
            licenceRefs.forEach((text, ref) -> {
                ObjectNode x = extracted.addObject();
                x.put("licenseId", ref);
                x.put("extractedText", text);
                x.put("name", text);
            });
        }
        doc.set("relationships", relationships);
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
        out.write(JSON.writer(pp).writeValueAsString(doc));
        out.write("\n");
    }

    private static ObjectNode pkg(ArrayNode packages, String id, String name, String version) {
        ObjectNode n = packages.addObject();
        n.put("SPDXID", id);
        n.put("name", name);
        if (version != null && !version.isEmpty()) {
            n.put("versionInfo", version);
        }
        n.put("downloadLocation", NOASSERTION);
        n.put("filesAnalyzed", false);
        n.put("licenseConcluded", NOASSERTION);
        n.put("licenseDeclared", NOASSERTION);
        n.put("copyrightText", NOASSERTION);
        return n;
    }

    private static void relationship(ArrayNode rels, String from, String type, String to) {
        ObjectNode r = rels.addObject();
        r.put("spdxElementId", from);
        r.put("relationshipType", type);
        r.put("relatedSpdxElement", to);
    }

    /** The licences joined with AND; a part not on the SPDX list becomes a LicenseRef- recorded in {@code refs}. */
    static String declared(List<String> licences, Map<String, String> refs) {
        List<String> parts = new ArrayList<>();
        for (String l : licences) {
            if (l == null || l.isBlank()) {
                continue;
            }
            String expr = SpdxLicenses.expression(l);
            if (expr == null) {
                expr = refs.computeIfAbsent(l.strip(), t -> "LicenseRef-" + safe(t));
            }
            String part = licences.size() > 1 && SpdxLicenses.compound(expr) ? "(" + expr + ")" : expr;
            if (!parts.contains(part)) {
                parts.add(part);
            }
        }
        return parts.isEmpty() ? NOASSERTION : String.join(" AND ", parts);
    }

    /** Letters, digits, dots and dashes: what SPDX ids and LicenseRefs allow. */
    static String safe(String text) {
        String s = text.replaceAll("[^A-Za-z0-9.-]+", "-");
        return s.isEmpty() ? "x" : s;
    }
}
