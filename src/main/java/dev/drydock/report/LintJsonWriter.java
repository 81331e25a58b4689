package dev.drydock.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drydock.Version;
import dev.drydock.dockerfile.rules.Severity;
import dev.drydock.dockerfile.rules.Violation;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/**
 * JSON lint output, schema {@code docs/schema/lint-report.schema.json} (version {@value #SCHEMA_VERSION}: additions
 * keep the version, removals or changes of meaning bump it).
 */
public final class LintJsonWriter implements LintWriter {

    public static final String SCHEMA_VERSION = "1.0";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void write(LintReport report, Writer out) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        ObjectNode tool = root.putObject("tool");
        tool.put("name", "drydock");
        tool.put("version", Version.get());
        ArrayNode files = root.putArray("files");
        for (LintReport.FileResult f : report.files()) {
            ObjectNode fn = files.addObject();
            fn.put("path", f.path());
            if (f.error() != null) {
                ObjectNode e = fn.putObject("error");
                e.put("message", f.error());
                if (f.errorAt() != null) {
                    e.put("line", f.errorAt().line());
                    e.put("column", f.errorAt().column());
                }
            }
            ArrayNode fs = fn.putArray("findings");
            for (Violation v : f.findings()) {
                ObjectNode o = fs.addObject();
                o.put("ruleId", v.id());
                o.put("severity", v.severity().label());
                o.put("title", v.rule().title());
                o.put("message", v.message());
                o.put("line", v.position().line());
                o.put("column", v.position().column());
                o.put("instructionLine", v.line());
                o.put("fixable", !v.fixes().isEmpty());
                ArrayNode al = o.putArray("aliases");
                v.rule().aliases().forEach(al::add);
                o.put("docs", v.rule().docsUrl());
            }
        }
        ObjectNode sum = root.putObject("summary");
        sum.put("files", report.files().size());
        sum.put("filesWithErrors", report.errorCount());
        sum.put("findings", report.allFindings().size());
        ObjectNode bySev = sum.putObject("bySeverity");
        for (Map.Entry<Severity, Integer> e : report.countsBySeverity().entrySet()) {
            bySev.put(e.getKey().label(), e.getValue());
        }
        if (report.threshold() == null) {
            sum.putNull("failOn");
        } else {
            sum.put("failOn", report.threshold().label());
        }
        sum.put("failed", report.failed());
        JsonGenerator g = JSON.getFactory().createGenerator(out);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.setPrettyPrinter(new DefaultPrettyPrinter());
        JSON.writeTree(g, root);
        g.flush();
        out.write("\n");
    }
}
