package dev.drydock.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drydock.Version;
import dev.drydock.scan.Finding;
import dev.drydock.scan.ScanReport;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code --format sarif} for {@code drydock image} and {@code drydock fs}: SARIF 2.1.0, one run, one rule per finding
 * id, one result per finding located at its file (or the target when it has none). A minimal writer: the full
 * report writers replace it.
 */
public final class ScanSarifWriter {

    private static final ObjectMapper JSON = new ObjectMapper();

    public void write(ScanReport report, Writer out) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", LintSarifWriter.SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "drydock");
        driver.put("semanticVersion", Version.get().replaceAll("[^0-9A-Za-z.+-]", ""));
        driver.put("informationUri", "https://github.com/drydock-dev/drydock");
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> index = new LinkedHashMap<>();
        for (Finding f : report.findings()) {
            if (index.containsKey(f.id())) {
                continue;
            }
            index.put(f.id(), index.size());
            ObjectNode r = rules.addObject();
            r.put("id", f.id());
            r.putObject("shortDescription").put("text", f.title() == null ? f.id() : f.title());
            if (f.description() != null) {
                r.putObject("fullDescription").put("text", f.description());
            }
            if (!f.references().isEmpty()) {
                r.put("helpUri", f.references().get(0));
            }
            r.putObject("defaultConfiguration").put("level", level(f));
            ObjectNode props = r.putObject("properties");
            props.putArray("tags").add(f.kind().name().toLowerCase(java.util.Locale.ROOT)).add(f.severity().lower());
            if (f.vulnerability() != null && f.vulnerability().cvssScore() != null) {
                props.put("security-severity", String.format(java.util.Locale.ROOT, "%.1f", f.vulnerability().cvssScore()));
            }
        }
        ArrayNode results = run.putArray("results");
        for (Finding f : report.findings()) {
            ObjectNode r = results.addObject();
            r.put("ruleId", f.id());
            r.put("ruleIndex", index.get(f.id()));
            r.put("level", level(f));
            r.putObject("message").put("text", message(f));
            String uri = f.location() != null && f.location().path() != null ? f.location().path()
                    : f.target() == null ? report.subject().name() : f.target();
            ObjectNode loc = r.putArray("locations").addObject().putObject("physicalLocation");
            loc.putObject("artifactLocation").put("uri", uri);
            Integer line = f.location() == null ? null : f.location().line();
            loc.putObject("region").put("startLine", line == null || line < 1 ? 1 : line);
        }
        JsonGenerator g = JSON.getFactory().createGenerator(out);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.setPrettyPrinter(new DefaultPrettyPrinter());
        JSON.writeTree(g, root);
        g.flush();
        out.write("\n");
        out.flush();
    }

    private static String message(Finding f) {
        Finding.Vulnerability v = f.vulnerability();
        if (v == null) {
            return f.title() + (f.fix() == null ? "" : ". " + f.fix());
        }
        return "Package: " + v.packageName() + "\nInstalled version: " + v.installedVersion() + "\nVulnerability: " + f.id()
                + "\nSeverity: " + f.severity().name() + "\nFixed version: "
                + (v.fixedVersions().isEmpty() ? "none" : String.join(", ", v.fixedVersions())) + "\n" + f.title();
    }

    private static String level(Finding f) {
        return switch (f.severity()) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, UNKNOWN -> "note";
        };
    }
}
