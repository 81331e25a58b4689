package dev.drydock.scan;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.drydock.analyzer.os.OperatingSystem;
import dev.drydock.layer.LayersReport;
import java.util.Comparator;
import java.util.List;

/**
 * The result of a scan ({@code drydock image}, {@code drydock fs}): what was scanned, every finding of every scanner
 * (suppressed ones marked, never dropped), the inventory they came from, and the policy's verdict. Every report writer
 * renders this one record; the JSON writer's schema ({@code docs/schema/report.schema.json}) is its shape.
 *
 * @param schemaVersion the JSON report schema version ({@link #SCHEMA_VERSION})
 * @param subject       what was scanned
 * @param os            the detected OS, or null
 * @param inventory     the packages, or null when no package scanner ran
 * @param layers        layer sizes and efficiency (images only), or null
 * @param findings      sorted by {@link #ORDER}
 * @param diagnostics   what could not be read or decided (unparsable files, versions no scheme could compare, a
 *                      missing vulnerability database), in a stable order
 * @param verdict       the policy's decision, or null before policy ran
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScanReport(int schemaVersion, Subject subject, OperatingSystem os, Inventory inventory,
                         LayersReport layers, List<Finding> findings, List<String> diagnostics, Verdict verdict) {

    public static final int SCHEMA_VERSION = 1;

    public ScanReport {
        findings = List.copyOf(findings);
        diagnostics = List.copyOf(diagnostics);
    }

    /** Severity first, then kind, target, id, place: deterministic. */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::severity)
            .thenComparing(Finding::kind)
            .thenComparing(Finding::target, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Finding::id)
            .thenComparing(f -> f.vulnerability() == null ? "" : f.vulnerability().packageName() + "@" + f.vulnerability().installedVersion())
            .thenComparing(f -> f.location() == null || f.location().path() == null ? "" : f.location().path())
            .thenComparing(f -> f.location() == null || f.location().line() == null ? 0 : f.location().line())
            .thenComparing(f -> f.location() == null || f.location().layerIndex() == null ? -1 : f.location().layerIndex());

    /**
     * The policy's decision.
     *
     * @param passed  whether the scan passes
     * @param rule    the policy rule that failed it ({@code fail-on: high}, {@code forbidden-packages}), or null
     * @param reasons one line per failure, in the order the table prints them last
     * @param expired ignore entries that no longer apply because their date passed (each a line naming id and date)
     */
    public record Verdict(boolean passed, String rule, List<String> reasons, List<String> expired) {
        public Verdict {
            reasons = reasons == null ? List.of() : List.copyOf(reasons);
            expired = expired == null ? List.of() : List.copyOf(expired);
        }
    }

    public ScanReport withFindings(List<Finding> f) {
        return new ScanReport(schemaVersion, subject, os, inventory, layers, f.stream().sorted(ORDER).toList(),
                diagnostics, verdict);
    }

    public ScanReport withVerdict(Verdict v) {
        return new ScanReport(schemaVersion, subject, os, inventory, layers, findings, diagnostics, v);
    }
}
