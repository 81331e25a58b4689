package dev.drydock.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drydock.Version;
import dev.drydock.analyzer.Package;
import dev.drydock.scan.Finding;
import dev.drydock.scan.Inventory;
import dev.drydock.scan.ScanReport;
import dev.drydock.scan.Severity;
import dev.drydock.scan.Subject;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * drydock's own JSON: the {@link ScanReport} record as it is, plus {@code tool} and a {@code summary} of counts for CI
 * scripts that only need those. Its shape is documented, versioned ({@code schemaVersion}) and checked by
 * {@code docs/schema/report.schema.json}; a change that removes or renames a field raises the version. Left out:
 * the files each OS package owns (internal bookkeeping, often thousands of paths) and the inventory's copy of the
 * subject.
 */
final class ScanJsonWriter implements ReportWriter {

    static final ObjectMapper JSON = JsonMapper.builder()
            .disable(MapperFeature.AUTO_DETECT_IS_GETTERS) // Subject.isDirectory() is derived, not data
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .addMixIn(Package.class, PackageMixin.class)
            .addMixIn(Inventory.class, InventoryMixin.class)
            .addMixIn(Subject.class, SubjectMixin.class)
            .build();

    @Override
    public void write(ScanReport r, Writer out) throws IOException {
        ObjectNode tree = JSON.valueToTree(r);
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", r.schemaVersion());
        ObjectNode tool = root.putObject("tool");
        tool.put("name", "drydock");
        tool.put("version", Version.get());
        root.set("summary", summary(r));
        tree.fieldNames().forEachRemaining(n -> {
            if (!n.equals("schemaVersion")) {
                root.set(n, tree.get(n));
            }
        });
        writeTree(root, out);
    }

    static ObjectNode summary(ScanReport r) {
        List<Finding> active = Findings.active(r);
        ObjectNode s = JSON.createObjectNode();
        s.put("total", active.size());
        ObjectNode bySeverity = s.putObject("bySeverity");
        for (Map.Entry<Severity, Integer> e : Findings.counts(active).entrySet()) {
            bySeverity.put(e.getKey().lower(), e.getValue());
        }
        ObjectNode byKind = s.putObject("byKind");
        for (Finding.Kind k : Finding.Kind.values()) {
            byKind.put(Findings.kindLabel(k), active.stream().filter(f -> f.kind() == k).count());
        }
        s.put("suppressed", r.findings().size() - active.size());
        s.put("fixable", active.stream().filter(f -> f.vulnerability() != null && !f.vulnerability().fixedVersions().isEmpty()).count());
        s.put("knownExploited", active.stream().filter(f -> f.vulnerability() != null && f.vulnerability().knownExploited()).count());
        if (r.verdict() != null) {
            s.put("passed", r.verdict().passed());
        }
        return s;
    }

    /** Two-space indented JSON and a final newline; the writer is left open. */
    static void writeTree(JsonNode tree, Writer out) throws IOException {
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)).withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        JsonGenerator g = JSON.getFactory().createGenerator(out);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.setPrettyPrinter(pp);
        JSON.writeTree(g, tree);
        g.flush();
        out.write("\n");
    }

    abstract static class PackageMixin {
        @JsonIgnore
        abstract List<String> files();
    }

    abstract static class InventoryMixin {
        @JsonIgnore
        abstract Subject subject();
    }

    abstract static class SubjectMixin {
        @JsonIgnore
        abstract boolean isDirectory();
    }
}
