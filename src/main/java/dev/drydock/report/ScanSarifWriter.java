package dev.drydock.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drydock.Version;
import dev.drydock.scan.Finding;
import dev.drydock.scan.ScanReport;
import dev.drydock.scan.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/) as GitHub code scanning reads it: one run; one rule
 * per finding id with help text, a help URI and GitHub's {@code security-severity}; one result per finding with its
 * level from the severity, a location (a Dockerfile with its line; a file in the image with the layer as location
 * properties; else the image itself, with the config field as a logical location) and a partial fingerprint that
 * stays put while texts change. Suppressed findings carry a SARIF {@code suppressions} entry with the justification;
 * diagnostics become tool execution notifications.
 */
final class ScanSarifWriter implements ReportWriter {

    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    @Override
    public void write(ScanReport r, Writer out) throws IOException {
        ObjectNode root = ScanJsonWriter.JSON.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "drydock");
        driver.put("semanticVersion", Sarif.semver(Version.get()));
        driver.put("informationUri", "https://github.com/drydock-dev/drydock");
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> index = new LinkedHashMap<>();
        for (Finding f : r.findings()) {
            if (index.containsKey(f.id())) {
                continue;
            }
            index.put(f.id(), index.size());
            rules.add(rule(f, r));
        }
        ArrayNode results = run.putArray("results");
        for (Finding f : r.findings()) {
            results.add(result(f, index.get(f.id()), r));
        }
        ObjectNode inv = run.putArray("invocations").addObject();
        inv.put("executionSuccessful", true);
        if (!r.diagnostics().isEmpty()) {
            ArrayNode tn = inv.putArray("toolExecutionNotifications");
            r.diagnostics().forEach(d -> {
                ObjectNode n = tn.addObject();
                n.put("level", "warning");
                n.putObject("message").put("text", d);
            });
        }
        if (r.verdict() != null) {
            ObjectNode p = run.putObject("properties");
            p.put("policyPassed", r.verdict().passed());
            if (r.verdict().rule() != null) {
                p.put("policyRule", r.verdict().rule());
            }
        }
        run.put("columnKind", "unicodeCodePoints");
        ScanJsonWriter.writeTree(root, out);
    }

    /**
     * A rule from the first finding with its id (the report's order puts the most severe first, so the rule's default
     * level is its worst). Vulnerabilities: the advisory's title and description; checks and rules: theirs.
     */
    private static ObjectNode rule(Finding f, ScanReport r) {
        ObjectNode rn = ScanJsonWriter.JSON.createObjectNode();
        rn.put("id", f.id());
        rn.put("name", f.vulnerability() != null ? "Vulnerability" : Sarif.pascal(f.id() + " " + Findings.kindLabel(f.kind())));
        String title = Findings.oneLine(f.title());
        rn.putObject("shortDescription").put("text", f.vulnerability() != null ? f.id() + ": " + title : title);
        rn.putObject("fullDescription").put("text", f.description() == null ? title : Findings.oneLine(f.description()));
        rn.put("helpUri", Findings.helpUri(f));
        String advice = Findings.advice(f);
        StringBuilder text = new StringBuilder(f.description() == null ? title : f.description());
        StringBuilder md = new StringBuilder("**").append(md(f.id())).append("**: ").append(md(title)).append("\n\n");
        if (f.description() != null) {
            md.append(md(f.description())).append("\n\n");
        }
        if (f.vulnerability() != null) {
            Finding.Vulnerability v = f.vulnerability();
            md.append("| Package | Installed | Fixed in | Severity |\n| --- | --- | --- | --- |\n")
                    .append("| ").append(md(v.packageName())).append(" | ").append(md(v.installedVersion())).append(" | ")
                    .append(v.fixedVersions().isEmpty() ? "no fix" : md(String.join(", ", v.fixedVersions()))).append(" | ")
                    .append(f.severity().lower()).append(v.cvssScore() == null ? "" : " (" + v.cvssScore() + ")")
                    .append(" |\n\n");
        }
        if (advice != null) {
            text.append("\n\nFix: ").append(advice);
            md.append("**Fix:** ").append(md(advice)).append("\n\n");
        }
        for (String link : Findings.links(f)) {
            md.append("- <").append(link).append(">\n");
        }
        ObjectNode help = rn.putObject("help");
        help.put("text", text.toString());
        help.put("markdown", md.toString().strip());
        rn.putObject("defaultConfiguration").put("level", level(f.severity()));
        ObjectNode props = rn.putObject("properties");
        ArrayNode tags = props.putArray("tags");
        tags.add("security");
        tags.add(Findings.kindLabel(f.kind()));
        if (f.vulnerability() != null && f.vulnerability().ecosystem() != null) {
            tags.add(f.vulnerability().ecosystem());
        }
        props.put("precision", f.kind() == Finding.Kind.SECRET ? "high" : "very-high");
        props.put("security-severity", securitySeverity(f));
        if (!f.aliases().isEmpty()) {
            ArrayNode al = props.putArray("aliases");
            f.aliases().forEach(al::add);
        }
        return rn;
    }

    private static ObjectNode result(Finding f, int ruleIndex, ScanReport r) {
        ObjectNode res = ScanJsonWriter.JSON.createObjectNode();
        res.put("ruleId", f.id());
        res.put("ruleIndex", ruleIndex);
        res.put("level", level(f.severity()));
        res.put("kind", "fail");
        StringBuilder msg = new StringBuilder();
        if (f.vulnerability() != null) {
            Finding.Vulnerability v = f.vulnerability();
            msg.append(f.id()).append(" in ").append(v.packageName()).append(' ').append(v.installedVersion())
                    .append(" (").append(f.severity().lower()).append(v.knownExploited() ? ", known exploited" : "").append("): ")
                    .append(Findings.oneLine(f.title()))
                    .append(v.fixedVersions().isEmpty() ? "; no fixed version" : "; fixed in " + String.join(", ", v.fixedVersions()));
        } else {
            msg.append(Findings.oneLine(f.title()));
            String where = Findings.where(f);
            if (!where.isEmpty()) {
                msg.append(" at ").append(where);
            }
        }
        res.putObject("message").put("text", msg.toString());
        res.putArray("locations").add(location(f, r));
        res.putObject("partialFingerprints").put("drydockFindingHash/v1", Findings.fingerprint(f));
        if (f.suppressed() != null) {
            ObjectNode s = res.putArray("suppressions").addObject();
            s.put("kind", "external");
            s.put("status", "accepted");
            s.put("justification", Findings.suppressionText(f.suppressed()));
        }
        ObjectNode props = res.putObject("properties");
        props.put("kind", Findings.kindLabel(f.kind()));
        props.put("severity", f.severity().lower());
        if (f.target() != null) {
            props.put("target", f.target());
        }
        if (f.vulnerability() != null) {
            Finding.Vulnerability v = f.vulnerability();
            props.put("package", v.packageName());
            props.put("installedVersion", v.installedVersion());
            if (v.purl() != null) {
                props.put("purl", v.purl());
            }
            props.put("knownExploited", v.knownExploited());
        }
        return res;
    }

    /**
     * A physical location wherever there is a path: Dockerfiles with their region, files inside the image with the
     * layer in the location's properties. A finding about the image as a whole (its config) gets the image's name as
     * artifact, as code-scanning services need one physical location, and the config field as a logical location.
     */
    private static ObjectNode location(Finding f, ScanReport r) {
        ObjectNode loc = ScanJsonWriter.JSON.createObjectNode();
        Finding.Location l = f.location();
        ObjectNode phys = loc.putObject("physicalLocation");
        String path = l != null && l.path() != null ? l.path() : imageName(r);
        phys.putObject("artifactLocation").put("uri", uri(path));
        ObjectNode region = phys.putObject("region");
        region.put("startLine", l != null && l.line() != null ? l.line() : 1);
        if (l != null && l.line() != null && l.column() != null) {
            region.put("startColumn", l.column());
        }
        if (l != null && l.configField() != null) {
            ObjectNode logical = loc.putArray("logicalLocations").addObject();
            logical.put("name", l.configField());
            logical.put("fullyQualifiedName", "config." + l.configField());
            logical.put("kind", "member");
        }
        if (l != null && (l.layerIndex() != null || l.deletedInLayer() != null)) {
            ObjectNode p = loc.putObject("properties");
            if (l.layerIndex() != null) {
                p.put("layer", l.layerIndex() + 1);
                p.put("layerIndex", l.layerIndex());
            }
            if (l.layerDiffId() != null) {
                p.put("layerDiffId", l.layerDiffId());
            }
            if (l.deletedInLayer() != null) {
                p.put("deletedInLayerIndex", l.deletedInLayer());
            }
            if (r.subject() != null) {
                p.put("image", r.subject().name());
            }
        }
        return loc;
    }

    private static String imageName(ScanReport r) {
        if (r.subject() == null) {
            return "image";
        }
        String n = r.subject().tags().isEmpty() ? r.subject().name() : r.subject().tags().get(0);
        return n.replaceFirst("^[a-z-]+:(?!//)", "").replace(':', '/').replace('@', '/');
    }

    static String level(Severity s) {
        return switch (s) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, UNKNOWN -> "note";
        };
    }

    /**
     * GitHub's {@code security-severity}: the CVSS score when there is one, else a score inside the severity's band
     * (critical ≥ 9.0, high 7.0–8.9, medium 4.0–6.9, low 0.1–3.9).
     */
    static String securitySeverity(Finding f) {
        if (f.vulnerability() != null && f.vulnerability().cvssScore() != null) {
            return String.format(Locale.ROOT, "%.1f", f.vulnerability().cvssScore());
        }
        return switch (f.severity()) {
            case CRITICAL -> "9.5";
            case HIGH -> "8.0";
            case MEDIUM -> "5.5";
            case LOW -> "2.0";
            case UNKNOWN -> "0.0";
        };
    }

    /** A relative URI reference: forward slashes, percent-encoded where URIs need it. */
    static String uri(String path) {
        String p = path.replace('\\', '/');
        while (p.startsWith("./") || p.startsWith("/")) {
            p = p.substring(p.startsWith("/") ? 1 : 2);
        }
        return Sarif.percentEncode(p);
    }

    private static String md(String s) {
        return s == null ? "" : s.replaceAll("([\\\\`*_\\[\\]<>|#])", "\\\\$1");
    }
}
