package dev.drydock.report;

import dev.drydock.dockerfile.rules.Severity;
import dev.drydock.dockerfile.rules.Violation;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * Human-readable lint output: per file, {@code line:col  severity  id  message} and the offending source line;
 * a summary last: FAIL or PASS against the threshold, and an ERROR line naming the files that could not be
 * linted (then never PASS: the run failed). Colours only when asked (the CLI asks when stdout is a terminal and NO_COLOR is unset).
 */
public final class LintTableWriter implements LintWriter {

    private static final String RESET = "\u001b[0m";
    private static final String DIM = "\u001b[2m";
    private static final String BOLD = "\u001b[1m";

    private final boolean color;

    public LintTableWriter(boolean color) {
        this.color = color;
    }

    @Override
    public void write(LintReport report, Writer out) throws IOException {
        for (LintReport.FileResult f : report.files()) {
            if (f.error() != null) {
                String where = f.errorAt() == null ? "" : ":" + f.errorAt().line() + ":" + f.errorAt().column();
                out.write(paint(BOLD, f.path() + where) + "  " + paint(sevColour(Severity.ERROR), "cannot lint") + "  " + f.error() + "\n\n");
                continue;
            }
            if (f.findings().isEmpty()) {
                continue;
            }
            out.write(paint(BOLD, f.path()) + "\n");
            for (Violation v : f.findings()) {
                String pos = v.position().line() + ":" + v.position().column();
                out.write(String.format("  %-7s %s  %-6s  %s%n", pos, paint(sevColour(v.severity()), pad(v.severity().label(), 7)),
                        v.id(), v.message()));
                String src = f.line(v.position().line()).strip();
                if (!src.isEmpty()) {
                    out.write("          " + paint(DIM, "│ " + truncate(src, 110)) + "\n");
                }
            }
            out.write("\n");
        }
        Map<Severity, Integer> c = report.countsBySeverity();
        int total = report.allFindings().size();
        StringBuilder sb = new StringBuilder();
        sb.append(total).append(total == 1 ? " finding" : " findings");
        sb.append(" (").append(c.get(Severity.ERROR)).append(" error, ").append(c.get(Severity.WARNING)).append(" warning, ")
                .append(c.get(Severity.INFO)).append(" info, ").append(c.get(Severity.STYLE)).append(" style)");
        sb.append(" in ").append(report.files().size()).append(report.files().size() == 1 ? " file" : " files");
        if (report.errorCount() > 0) {
            sb.append("; ").append(report.errorCount()).append(report.errorCount() == 1 ? " file" : " files").append(" could not be linted");
        }
        out.write(sb + "\n");
        if (report.errorCount() > 0) {
            // the run did not succeed (exit 3) whatever the findings say, so never PASS
            List<String> broken = report.files().stream().filter(f -> f.error() != null)
                    .map(LintReport.FileResult::path).toList();
            out.write(paint(sevColour(Severity.ERROR), "ERROR") + ": " + broken.size()
                    + (broken.size() == 1 ? " file" : " files") + " could not be linted: " + String.join(", ", broken)
                    + "\n");
        }
        if (report.threshold() != null && (report.failed() || report.errorCount() == 0)) {
            out.write((report.failed() ? paint(sevColour(Severity.ERROR), "FAIL") : paint("\u001b[32m", "PASS"))
                    + ": fail-on " + report.threshold().label()
                    + (report.failed() ? " (findings at or above it)" : " (nothing at or above it)") + "\n");
        }
    }

    private String paint(String code, String s) {
        return color ? code + s + RESET : s;
    }

    private static String sevColour(Severity s) {
        return switch (s) {
            case ERROR -> "\u001b[31m";
            case WARNING -> "\u001b[33m";
            case INFO -> "\u001b[36m";
            case STYLE -> "\u001b[35m";
        };
    }

    private static String pad(String s, int n) {
        return s.length() >= n ? s : s + " ".repeat(n - s.length());
    }

    private static String truncate(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
