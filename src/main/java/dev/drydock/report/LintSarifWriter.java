package dev.drydock.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drydock.Version;
import dev.drydock.dockerfile.rules.RuleInfo;
import dev.drydock.dockerfile.rules.Severity;
import dev.drydock.dockerfile.rules.Violation;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/), as GitHub code scanning reads it: one run, the
 * rules that have results with help text, results with physical locations; files that could not be linted become
 * tool execution notifications.
 */
public final class LintSarifWriter implements LintWriter {

    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void write(LintReport report, Writer out) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "drydock");
        driver.put("semanticVersion", Sarif.semver(Version.get()));
        driver.put("informationUri", "https://github.com/drydock-dev/drydock");
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> index = new HashMap<>();
        for (RuleInfo r : report.rulesUsed()) {
            index.put(r.id(), index.size());
            ObjectNode rn = rules.addObject();
            rn.put("id", r.id());
            rn.put("name", Sarif.pascal(r.title()));
            rn.putObject("shortDescription").put("text", r.title());
            rn.putObject("fullDescription").put("text", r.rationale());
            rn.put("helpUri", r.docsUrl());
            ObjectNode help = rn.putObject("help");
            help.put("text", r.rationale() + "\n\nFix: " + r.fix());
            help.put("markdown", "**" + r.title() + "**\n\n" + r.rationale() + "\n\n**Fix:** " + r.fix()
                    + "\n\n[Documentation](" + r.docsUrl() + ")");
            rn.putObject("defaultConfiguration").put("level", level(r.severity()));
            ObjectNode props = rn.putObject("properties");
            ArrayNode tags = props.putArray("tags");
            tags.add("dockerfile");
            tags.add(r.id().startsWith("DL") ? "hadolint" : "drydock");
            if (!r.aliases().isEmpty()) {
                ArrayNode al = props.putArray("aliases");
                r.aliases().forEach(al::add);
            }
        }
        ArrayNode results = run.putArray("results");
        List<ObjectNode> notifications = new ArrayList<>();
        for (LintReport.FileResult f : report.files()) {
            if (f.error() != null) {
                ObjectNode n = JSON.createObjectNode();
                n.put("level", "error");
                n.putObject("message").put("text", f.error());
                ObjectNode loc = n.putArray("locations").addObject().putObject("physicalLocation");
                loc.putObject("artifactLocation").put("uri", uri(f.path()));
                if (f.errorAt() != null) {
                    ObjectNode region = loc.putObject("region");
                    region.put("startLine", Math.max(1, f.errorAt().line()));
                    region.put("startColumn", Math.max(1, f.errorAt().column()));
                }
                notifications.add(n);
            }
            for (Violation v : f.findings()) {
                ObjectNode r = results.addObject();
                r.put("ruleId", v.id());
                r.put("ruleIndex", index.get(v.id()));
                r.put("level", level(v.severity()));
                r.putObject("message").put("text", v.message());
                ObjectNode loc = r.putArray("locations").addObject().putObject("physicalLocation");
                loc.putObject("artifactLocation").put("uri", uri(f.path()));
                ObjectNode region = loc.putObject("region");
                region.put("startLine", v.position().line());
                region.put("startColumn", v.position().column());
                String src = f.line(v.position().line());
                if (!src.isEmpty()) {
                    region.putObject("snippet").put("text", src);
                }
                r.putObject("partialFingerprints").put("primaryLocationLineHash",
                        Integer.toHexString((v.id() + ":" + src.strip()).hashCode()));
            }
        }
        ObjectNode inv = run.putArray("invocations").addObject();
        inv.put("executionSuccessful", notifications.isEmpty());
        if (!notifications.isEmpty()) {
            ArrayNode tn = inv.putArray("toolExecutionNotifications");
            notifications.forEach(tn::add);
        }
        run.put("columnKind", "unicodeCodePoints");
        JsonGenerator g = JSON.getFactory().createGenerator(out);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.setPrettyPrinter(new DefaultPrettyPrinter());
        JSON.writeTree(g, root);
        g.flush();
        out.write("\n");
    }

    static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO, STYLE -> "note";
        };
    }

    /** A relative URI reference for a path as given: forward slashes, percent-encoded where URIs need it. */
    static String uri(String path) {
        if (path.equals("-")) {
            return "stdin";
        }
        String p = path.replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        return (p.startsWith("/") ? "file://" : "") + Sarif.percentEncode(p);
    }
}
