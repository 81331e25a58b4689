package dev.drydock.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drydock.sbom.SbomWriter;
import dev.drydock.scan.Finding;
import dev.drydock.scan.Inventory;
import dev.drydock.scan.ScanReport;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.Map;

/**
 * CycloneDX 1.6 (https://cyclonedx.org/docs/1.6/json/): the SBOM exactly as {@code drydock sbom} writes it
 * ({@link SbomWriter}: the same components, bom-refs and dependencies) plus {@code vulnerabilities[]}: one entry per
 * vulnerability finding with its rating, advisories, recommendation, and {@code affects} pointing at the component by
 * bom-ref. Suppressed findings carry an {@code analysis} (VEX): an OpenVEX or CycloneDX {@code not_affected} statement
 * stays {@code not_affected} with its justification mapped to CycloneDX's; an ignore-file entry is a decision not to
 * fix now, which is {@code in_triage} with response {@code will_not_fix} and the reason and expiry as detail. Secrets
 * and configuration findings are not vulnerabilities of a component and are left to the other formats.
 */
final class ScanCycloneDxWriter implements ReportWriter {

    /** OpenVEX justifications (https://github.com/openvex/spec) and CycloneDX's nearest equivalents. */
    private static final Map<String, String> JUSTIFICATIONS = Map.of(
            "component_not_present", "code_not_present",
            "vulnerable_code_not_present", "code_not_present",
            "vulnerable_code_not_in_execute_path", "code_not_reachable",
            "vulnerable_code_cannot_be_controlled_by_adversary", "protected_at_runtime",
            "inline_mitigations_already_exist", "protected_by_mitigating_control");

    private final ReportSettings settings;

    ScanCycloneDxWriter(ReportSettings settings) {
        this.settings = settings;
    }

    @Override
    public void write(ScanReport r, Writer out) throws IOException {
        StringWriter sbom = new StringWriter();
        new SbomWriter(SbomWriter.Format.CYCLONEDX, settings.env(), settings.clock()).write(inventory(r), sbom);
        ObjectNode bom = (ObjectNode) ScanJsonWriter.JSON.readTree(sbom.toString());
        ArrayNode vulns = bom.putArray("vulnerabilities");
        Set<String> refs = new HashSet<>();
        for (Finding f : r.findings()) {
            if (f.kind() == Finding.Kind.VULNERABILITY && f.vulnerability() != null) {
                ObjectNode v = vulnerability(f, bom);
                String ref = v.get("bom-ref").asText();
                for (int n = 2; !refs.add(ref); n++) { // the same advisory twice on one component: bom-refs stay unique
                    ref = v.get("bom-ref").asText() + "#" + n;
                }
                v.put("bom-ref", ref);
                vulns.add(v);
            }
        }
        ScanJsonWriter.writeTree(bom, out);
    }

    static Inventory inventory(ScanReport r) {
        return r.inventory() != null ? r.inventory() : new Inventory(r.subject(), r.os(), List.of(), List.of());
    }

    private static ObjectNode vulnerability(Finding f, JsonNode bom) {
        Finding.Vulnerability v = f.vulnerability();
        String ref = componentRef(bom, v.purl(), f.location() == null ? null : f.location().path());
        ObjectNode n = ScanJsonWriter.JSON.createObjectNode();
        n.put("bom-ref", "vuln:" + f.id() + ":" + ref);
        n.put("id", f.id());
        ObjectNode source = n.putObject("source");
        source.put("name", v.dataSource() == null ? "drydock" : v.dataSource());
        source.put("url", Findings.idUrl(f));
        if (!f.aliases().isEmpty()) {
            ArrayNode refs = n.putArray("references");
            for (String alias : f.aliases()) {
                ObjectNode a = refs.addObject();
                a.put("id", alias);
                ObjectNode s = a.putObject("source");
                s.put("url", Findings.idUrl(new Finding(f.kind(), alias, List.of(), f.severity(), "", null, null, null, null,
                        null, List.of(), null)));
            }
        }
        ObjectNode rating = n.putArray("ratings").addObject();
        rating.putObject("source").put("name", v.dataSource() == null ? "drydock" : v.dataSource());
        if (v.cvssScore() != null) {
            rating.put("score", v.cvssScore());
        }
        rating.put("severity", f.severity().name().toLowerCase(Locale.ROOT));
        String version = Findings.cvssVersion(v.cvssVector());
        if (version != null) {
            rating.put("method", switch (version) {
                case "4" -> "CVSSv4";
                case "3.1" -> "CVSSv31";
                case "3.0" -> "CVSSv3";
                default -> "CVSSv2";
            });
            rating.put("vector", v.cvssVector());
        } else {
            rating.put("method", "other");
        }
        n.put("description", Findings.oneLine(f.title()));
        if (f.description() != null) {
            n.put("detail", f.description());
        }
        String advice = Findings.advice(f);
        if (advice != null) {
            n.put("recommendation", advice);
        }
        List<String> advisories = f.references().stream().filter(Findings::isWebUrl).toList();
        if (!advisories.isEmpty()) {
            ArrayNode adv = n.putArray("advisories");
            advisories.forEach(u -> adv.addObject().put("url", u));
        }
        if (f.suppressed() != null) {
            n.set("analysis", analysis(f.suppressed()));
        }
        ObjectNode affects = n.putArray("affects").addObject();
        affects.put("ref", ref);
        ObjectNode ver = affects.putArray("versions").addObject();
        ver.put("version", v.installedVersion());
        ver.put("status", "affected");
        ArrayNode props = n.putArray("properties");
        prop(props, "drydock:severitySource", v.severitySource());
        prop(props, "drydock:status", v.status() == null ? null : v.status().name().toLowerCase(Locale.ROOT));
        prop(props, "drydock:fixedVersions", v.fixedVersions().isEmpty() ? null : String.join(", ", v.fixedVersions()));
        prop(props, "drydock:knownExploited", Boolean.toString(v.knownExploited()));
        prop(props, "drydock:target", f.target());
        return n;
    }

    private static ObjectNode analysis(Finding.Suppression s) {
        ObjectNode a = ScanJsonWriter.JSON.createObjectNode();
        String reason = s.reason() == null ? "" : s.reason();
        if ("vex".equals(s.by()) && reason.startsWith("not_affected")) {
            a.put("state", "not_affected");
            JUSTIFICATIONS.entrySet().stream().filter(e -> reason.contains(e.getKey())).findFirst()
                    .ifPresent(e -> a.put("justification", e.getValue()));
        } else if ("vex".equals(s.by()) && reason.startsWith("fixed")) {
            a.put("state", "resolved");
        } else {
            a.put("state", "in_triage");
            a.putArray("response").add("will_not_fix");
        }
        a.put("detail", Findings.suppressionText(s));
        return a;
    }

    /**
     * The component of the finding's package: the one with its purl (and, when several share it, the one found in
     * the finding's file); else the subject, so every {@code affects} resolves.
     */
    static String componentRef(JsonNode bom, String purl, String path) {
        String first = null;
        for (JsonNode c : bom.path("components")) {
            if (purl != null && purl.equals(c.path("purl").asText(null))) {
                if (first == null) {
                    first = c.path("bom-ref").asText();
                }
                for (JsonNode p : c.path("properties")) {
                    if ("drydock:path".equals(p.path("name").asText()) && ("/" + path).equals(p.path("value").asText())) {
                        return c.path("bom-ref").asText();
                    }
                }
            }
        }
        return first != null ? first : bom.path("metadata").path("component").path("bom-ref").asText("drydock:subject");
    }

    private static void prop(ArrayNode props, String name, String value) {
        if (value != null) {
            ObjectNode p = props.addObject();
            p.put("name", name);
            p.put("value", value);
        }
    }
}
