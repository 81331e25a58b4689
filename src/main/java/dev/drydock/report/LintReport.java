package dev.drydock.report;

import dev.drydock.dockerfile.Position;
import dev.drydock.dockerfile.rules.RuleInfo;
import dev.drydock.dockerfile.rules.Severity;
import dev.drydock.dockerfile.rules.Violation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of linting one or more Dockerfiles, as the report writers see it.
 *
 * @param files     one entry per input, in the order given
 * @param threshold the failure threshold in force ({@code null}: never fail)
 * @param failed    whether findings reached the threshold
 */
public record LintReport(List<FileResult> files, Severity threshold, boolean failed) {

    public LintReport {
        files = List.copyOf(files);
    }

    /**
     * One input file.
     *
     * @param path        its name as given ({@code -} for stdin)
     * @param findings    sorted findings
     * @param error       why it could not be linted ({@code null} when it could)
     * @param errorAt     where the error is, when known
     * @param sourceLines its lines, to show the offending line (empty when unreadable)
     */
    public record FileResult(String path, List<Violation> findings, String error, Position errorAt,
                             List<String> sourceLines) {

        public FileResult {
            findings = List.copyOf(findings);
            sourceLines = List.copyOf(sourceLines);
        }

        /** Line {@code n} as reports may show it: secrets in it redacted. */
        public String line(int n) {
            return n >= 1 && n <= sourceLines.size()
                    ? dev.drydock.dockerfile.rules.SourceRedaction.redact(sourceLines.get(n - 1)) : "";
        }
    }

    public List<Violation> allFindings() {
        List<Violation> all = new ArrayList<>();
        files.forEach(f -> all.addAll(f.findings()));
        return all;
    }

    public Map<Severity, Integer> countsBySeverity() {
        Map<Severity, Integer> m = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            m.put(s, 0);
        }
        allFindings().forEach(v -> m.merge(v.severity(), 1, Integer::sum));
        return m;
    }

    /** The rules that have findings, in id order, each once. */
    public Collection<RuleInfo> rulesUsed() {
        Map<String, RuleInfo> m = new LinkedHashMap<>();
        allFindings().stream().map(Violation::rule).sorted(java.util.Comparator.comparing(RuleInfo::id))
                .forEach(r -> m.putIfAbsent(r.id(), r));
        return m.values();
    }

    public long errorCount() {
        return files.stream().filter(f -> f.error() != null).count();
    }
}
