package dev.drydock.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CycloneDX VEX: a BOM's {@code vulnerabilities[]} with {@code analysis} (state, justification, response, detail)
 * and {@code affects[]} (https://cyclonedx.org/capabilities/vex/). An {@code affects.ref} is a bom-ref of a component
 * in the same document (resolved to its purl), a purl, or a BOM-Link {@code urn:cdx:serial/version#bom-ref} into the
 * SBOM it describes (Trivy writes purls as bom-refs, so the fragment is read as a purl when no component has it).
 */
final class CycloneDxVexReader {

    private CycloneDxVexReader() {
    }

    static Vex read(PolicyDocument doc) {
        JsonNode root = doc.root;
        Map<String, String> purls = new HashMap<>();
        collect(root.path("metadata").path("component"), purls);
        root.path("components").forEach(c -> collect(c, purls));
        Instant docTime = root.path("metadata").has("timestamp")
                ? OpenVexReader.time(doc, root.path("metadata").get("timestamp"), "metadata.timestamp") : null;
        JsonNode list = root.get("vulnerabilities");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw doc.error(list == null ? "" : "vulnerabilities", "a CycloneDX VEX document needs a non-empty vulnerabilities list");
        }
        List<Vex.Statement> out = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Vex.Statement s = statement(doc, list.get(i), "vulnerabilities[" + i + "]", purls, docTime, warnings);
            if (s != null) {
                out.add(s);
            }
        }
        return new Vex(doc.file, "cyclonedx", docTime, out, warnings);
    }

    private static void collect(JsonNode c, Map<String, String> purls) {
        if (c.has("bom-ref")) {
            purls.put(c.get("bom-ref").asText(), c.has("purl") ? c.get("purl").asText() : c.get("bom-ref").asText());
        }
        c.path("components").forEach(k -> collect(k, purls));
    }

    private static Vex.Statement statement(PolicyDocument doc, JsonNode v, String path, Map<String, String> purls,
                                           Instant docTime, List<String> warnings) {
        doc.object(v, path);
        if (!v.has("id")) {
            throw doc.error(path, "id is required (e.g. CVE-2023-44487)");
        }
        String id = doc.nonEmptyText(v.get("id"), path + ".id");
        JsonNode a = v.get("analysis");
        if (a == null || a.isNull() || !a.has("state")) {
            warnings.add(doc.file + ":" + doc.line(path) + ": " + id + " has no analysis.state; it is not a VEX statement and applies to nothing");
            return null;
        }
        doc.object(a, path + ".analysis");
        String state = doc.nonEmptyText(a.get("state"), path + ".analysis.state");
        VexStatus status = VexStatus.ofCycloneDx(state);
        if (status == null) {
            List<String> all = List.of("resolved", "resolved_with_pedigree", "exploitable", "in_triage", "false_positive", "not_affected");
            throw doc.error(path + ".analysis.state", "unknown state '" + state + "'" + Suggestions.didYouMean(state, all)
                    + " (expected " + String.join(", ", all) + ")");
        }
        VexJustification just = null;
        if (a.has("justification")) {
            String j = doc.nonEmptyText(a.get("justification"), path + ".analysis.justification");
            just = VexJustification.ofCycloneDx(j);
            if (just == null) {
                throw doc.error(path + ".analysis.justification", "unknown justification '" + j + "'"
                        + Suggestions.didYouMean(j, VexJustification.CYCLONEDX) + " (expected " + String.join(", ", VexJustification.CYCLONEDX) + ")");
            }
        }
        String detail = a.has("detail") ? doc.text(a.get("detail"), path + ".analysis.detail") : null;
        if (state.equals("false_positive") && detail == null && just == null) {
            detail = "false positive";
        }
        if (status == VexStatus.NOT_AFFECTED && just == null && (detail == null || detail.isBlank())) {
            throw doc.error(path + ".analysis", "a not_affected analysis needs a justification or a detail saying why");
        }
        List<String> response = doc.strings(a.get("response"), path + ".analysis.response");
        String action = response.isEmpty() ? null : String.join(", ", response);
        List<String> aliases = new ArrayList<>();
        JsonNode refs = v.path("references");
        for (int i = 0; i < refs.size(); i++) {
            if (refs.get(i).has("id")) {
                aliases.add(refs.get(i).get("id").asText());
            }
        }
        Instant time = a.has("lastUpdated") ? OpenVexReader.time(doc, a.get("lastUpdated"), path + ".analysis.lastUpdated")
                : v.has("updated") ? OpenVexReader.time(doc, v.get("updated"), path + ".updated") : docTime;
        List<Vex.Product> products = new ArrayList<>();
        JsonNode affects = v.path("affects");
        for (int i = 0; i < affects.size(); i++) {
            String ap = path + ".affects[" + i + "]";
            JsonNode af = doc.object(affects.get(i), ap);
            if (!af.has("ref")) {
                throw doc.error(ap, "ref is required (a bom-ref or purl)");
            }
            String ref = doc.nonEmptyText(af.get("ref"), ap + ".ref");
            String purl = resolve(ref, purls);
            if (purl == null) {
                warnings.add(doc.file + ":" + doc.line(ap) + ": affects ref '" + ref + "' of " + id
                        + " is neither a purl nor a bom-ref in this document; ignored");
                continue;
            }
            List<String> versions = new ArrayList<>();
            JsonNode vs = af.path("versions");
            for (int k = 0; k < vs.size(); k++) {
                JsonNode e = vs.get(k);
                if ("affected".equals(e.path("status").asText()) && status.suppresses()) {
                    continue; // this version is the affected one: the statement does not clear it
                }
                if (e.has("version")) {
                    versions.add("=" + e.get("version").asText());
                } else if (e.has("range")) {
                    versions.add(e.get("range").asText());
                }
            }
            if (versions.isEmpty()) {
                products.add(new Vex.Product(purl, List.of(), null));
            }
            for (String r : versions) {
                try {
                    products.add(new Vex.Product(purl, List.of(), VersionRange.parse(r)));
                } catch (IllegalArgumentException e) {
                    throw doc.error(ap + ".versions", e.getMessage());
                }
            }
        }
        if (products.isEmpty()) {
            warnings.add(doc.file + ":" + doc.line(path) + ": " + id + " affects no component drydock can identify; it applies to nothing");
        }
        return new Vex.Statement(id, aliases, products, status, just, detail, action, time, doc.line(path));
    }

    private static String resolve(String ref, Map<String, String> purls) {
        if (purls.containsKey(ref)) {
            return purls.get(ref);
        }
        if (ref.startsWith("pkg:")) {
            return ref;
        }
        int hash = ref.indexOf('#');
        if (ref.startsWith("urn:cdx:") && hash > 0) {
            String frag = URLDecoder.decode(ref.substring(hash + 1), StandardCharsets.UTF_8);
            return purls.getOrDefault(frag, frag.startsWith("pkg:") ? frag : null);
        }
        return null;
    }
}
