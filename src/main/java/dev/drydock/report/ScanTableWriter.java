package dev.drydock.report;

import dev.drydock.scan.Finding;
import dev.drydock.scan.ScanReport;
import dev.drydock.scan.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The scan report for people: the counts by severity first, then what was scanned, then the findings grouped by
 * target (vulnerabilities with package, installed and fixed versions; other findings with where and what to do),
 * suppressed findings apart with the reason, expired ignores, diagnostics, and the policy's verdict and the rule
 * that failed as the last lines (what a CI log shows without scrolling). Colour only when asked.
 */
final class ScanTableWriter implements ReportWriter {

    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String DIM = "\u001b[2m";
    private static final String RED = "\u001b[31m";
    private static final String GREEN = "\u001b[32m";
    private static final int TITLE_WIDTH = 80;

    private final boolean color;

    ScanTableWriter(boolean color) {
        this.color = color;
    }

    @Override
    public void write(ScanReport r, Writer out) throws IOException {
        List<Finding> active = Findings.active(r);
        List<Finding> suppressed = Findings.suppressed(r);
        out.write(summary(active, suppressed) + "\n");
        out.write(byKind(active) + "\n");
        if (r.subject() != null) {
            var s = r.subject();
            out.write("Target:  " + s.name() + (s.digest() == null ? "" : " (" + s.digest() + ")")
                    + (s.platform() == null ? "" : " " + s.platform()) + "\n");
        }
        if (r.os() != null) {
            out.write("OS:      " + r.os().name() + (r.os().endOfLife() == null ? "" : ", security support until " + r.os().endOfLife())
                    + "\n");
        }
        for (Map.Entry<String, List<Finding>> g : groups(active).entrySet()) {
            writeGroup(g.getKey(), g.getValue(), out);
        }
        if (!suppressed.isEmpty()) {
            out.write("\n" + paint(BOLD, "Suppressed (" + suppressed.size() + ", not counted)") + "\n");
            List<String[]> rows = new ArrayList<>();
            for (Finding f : suppressed) {
                rows.add(new String[] {f.severity().name(), f.id(), f.vulnerability() != null ? Findings.packageLabel(f) : f.target(),
                        Findings.suppressionText(f.suppressed())});
            }
            writeRows(new String[] {"SEVERITY", "ID", "PACKAGE/TARGET", "WHY"}, rows, out);
        }
        if (r.verdict() != null && !r.verdict().expired().isEmpty()) {
            out.write("\n" + paint(BOLD, "Expired ignores (no longer applied)") + "\n");
            for (String e : r.verdict().expired()) {
                out.write("  " + e + "\n");
            }
        }
        if (!r.diagnostics().isEmpty()) {
            out.write("\n" + paint(BOLD, "Diagnostics") + "\n");
            for (String d : r.diagnostics()) {
                out.write("  " + d + "\n");
            }
        }
        if (r.verdict() != null) {
            ScanReport.Verdict v = r.verdict();
            out.write("\n" + paint(BOLD, "Policy") + "\n");
            for (String reason : v.reasons()) {
                out.write("  " + reason + "\n");
            }
            out.write(v.passed() ? paint(BOLD + GREEN, "Verdict: PASS") + (v.rule() == null ? "" : " (" + v.rule() + ")") + "\n"
                    : paint(BOLD + RED, "Verdict: FAIL") + (v.rule() == null ? "" : " (failed rule: " + v.rule() + ")") + "\n");
        }
    }

    /** {@code Total: 12 findings (CRITICAL: 3, HIGH: 4, ...); 2 suppressed}: the first line. */
    static String summary(List<Finding> active, List<Finding> suppressed) {
        Map<Severity, Integer> c = Findings.counts(active);
        String counts = c.entrySet().stream().map(e -> e.getKey().name() + ": " + e.getValue()).collect(Collectors.joining(", "));
        return "Total: " + active.size() + (active.size() == 1 ? " finding" : " findings") + " (" + counts + ")"
                + (suppressed.isEmpty() ? "" : "; " + suppressed.size() + " suppressed");
    }

    private static String byKind(List<Finding> active) {
        List<String> parts = new ArrayList<>();
        for (Finding.Kind k : Finding.Kind.values()) {
            long n = active.stream().filter(f -> f.kind() == k).count();
            if (n > 0) {
                parts.add(n + " " + (n > 1 ? Findings.kindPlural(k) : k == Finding.Kind.LINT ? "lint finding" : Findings.kindLabel(k)));
            }
        }
        long kev = active.stream().filter(f -> f.vulnerability() != null && f.vulnerability().knownExploited()).count();
        long fixable = active.stream().filter(f -> f.vulnerability() != null && !f.vulnerability().fixedVersions().isEmpty()).count();
        String s = parts.isEmpty() ? "nothing found" : String.join(", ", parts);
        if (kev > 0 || fixable > 0) {
            s += "; " + fixable + " with a fix, " + kev + " known exploited (CISA KEV)";
        }
        return "         " + s;
    }

    /** Targets grouped by the kind of their first finding, then by name; each group keeps the report's order. */
    private static Map<String, List<Finding>> groups(List<Finding> active) {
        Map<String, List<Finding>> byTarget = new LinkedHashMap<>();
        active.stream()
                .sorted(Comparator.comparing(Finding::kind).thenComparing(f -> f.target() == null ? "" : f.target()))
                .map(f -> f.target() == null ? "" : f.target())
                .distinct()
                .forEach(t -> byTarget.put(t, new ArrayList<>()));
        active.forEach(f -> byTarget.get(f.target() == null ? "" : f.target()).add(f));
        return byTarget;
    }

    private void writeGroup(String target, List<Finding> fs, Writer out) throws IOException {
        Map<Severity, Integer> c = Findings.counts(fs);
        String counts = c.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getKey().name() + " " + e.getValue()).collect(Collectors.joining(", "));
        out.write("\n" + paint(BOLD, target.isEmpty() ? "(image)" : target) + "  " + fs.size()
                + (fs.size() == 1 ? " finding" : " findings") + " (" + counts + ")\n");
        boolean vulns = fs.stream().allMatch(f -> f.vulnerability() != null);
        List<String[]> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Finding f : fs) {
            String title = truncate(Findings.oneLine(f.title()));
            if (vulns) {
                Finding.Vulnerability v = f.vulnerability();
                String fixed = v.fixedVersions().isEmpty() ? "(" + statusText(v.status()) + ")" : Findings.fixedIn(f);
                rows.add(new String[] {f.severity().name(), f.id(), v.packageName(), v.installedVersion(), fixed,
                        (v.knownExploited() ? "[KEV] " : "") + title});
                notes.add(null);
            } else {
                rows.add(new String[] {f.severity().name(), f.id(), Findings.where(f), title});
                String advice = Findings.advice(f);
                notes.add(advice == null ? null : "fix: " + Findings.oneLine(advice));
            }
        }
        String[] header = vulns ? new String[] {"SEVERITY", "ID", "PACKAGE", "INSTALLED", "FIXED IN", "TITLE"}
                : new String[] {"SEVERITY", "ID", "WHERE", "TITLE"};
        writeRows(header, rows, notes, out);
    }

    private static String statusText(Finding.Status s) {
        return switch (s == null ? Finding.Status.UNKNOWN : s) {
            case WILL_NOT_FIX -> "will not fix";
            case FIX_DEFERRED -> "fix deferred";
            case END_OF_LIFE -> "end of life";
            case AFFECTED -> "no fix yet";
            default -> "unknown";
        };
    }

    private void writeRows(String[] header, List<String[]> rows, Writer out) throws IOException {
        writeRows(header, rows, null, out);
    }

    /** Columns padded to their widest cell; the last column is not padded; the first (severity) is coloured. */
    private void writeRows(String[] header, List<String[]> rows, List<String> notes, Writer out) throws IOException {
        int[] w = new int[header.length];
        for (int i = 0; i < header.length; i++) {
            w[i] = header[i].length();
            for (String[] r : rows) {
                w[i] = Math.max(w[i], r[i] == null ? 0 : r[i].length());
            }
        }
        out.write("  " + paint(DIM, line(header, w)) + "\n");
        for (int j = 0; j < rows.size(); j++) {
            String[] r = rows.get(j);
            String sev = pad(r[0], w[0]);
            String[] rest = new String[r.length - 1];
            int[] rw = new int[r.length - 1];
            System.arraycopy(r, 1, rest, 0, rest.length);
            System.arraycopy(w, 1, rw, 0, rw.length);
            out.write("  " + paint(severityColour(r[0]), sev) + "  " + line(rest, rw) + "\n");
            if (notes != null && notes.get(j) != null) {
                out.write("  " + " ".repeat(w[0] + 2) + paint(DIM, notes.get(j)) + "\n");
            }
        }
    }

    private static String line(String[] cells, int[] w) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            String c = cells[i] == null ? "" : cells[i];
            sb.append(i == cells.length - 1 ? c : pad(c, w[i]) + "  ");
        }
        return sb.toString().stripTrailing();
    }

    private String paint(String code, String s) {
        return color ? code + s + RESET : s;
    }

    private static String severityColour(String severity) {
        return switch (severity) {
            case "CRITICAL" -> BOLD + RED;
            case "HIGH" -> RED;
            case "MEDIUM" -> "\u001b[33m";
            case "LOW" -> "\u001b[34m";
            default -> DIM;
        };
    }

    private static String pad(String s, int n) {
        return s.length() >= n ? s : s + " ".repeat(n - s.length());
    }

    private static String truncate(String s) {
        return s.length() <= TITLE_WIDTH ? s : s.substring(0, TITLE_WIDTH - 1) + "…";
    }
}
