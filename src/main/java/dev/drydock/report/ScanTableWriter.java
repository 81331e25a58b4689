package dev.drydock.report;

import dev.drydock.scan.Distro;
import dev.drydock.scan.Finding;
import dev.drydock.scan.ScanReport;
import dev.drydock.scan.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code --format table} for {@code drydock image} and {@code drydock fs}: the findings grouped by target (the OS
 * packages, each lockfile or application, the image config), each group with its counts by severity; vulnerabilities
 * as package, vulnerability, severity, status, installed, fixed, title; then secrets and misconfigurations; then
 * diagnostics. A minimal writer: the full report writers replace it.
 */
public final class ScanTableWriter {

    private static final int TITLE_WIDTH = 60;

    public void write(ScanReport report, Writer out) throws IOException {
        String nl = "\n";
        StringBuilder b = new StringBuilder();
        b.append(report.subject().name());
        if (report.os() != null) {
            b.append(" (").append(report.os().name()).append(')');
        }
        b.append(nl);
        // the OS packages first (as Trivy and Grype show them), then files and the image config by name
        Map<String, List<Finding>> byTarget = new TreeMap<>((x, y) -> {
            int c = Boolean.compare(!isOs(report, x), !isOs(report, y));
            return c != 0 ? c : x.compareTo(y);
        });
        for (Finding f : report.findings()) {
            byTarget.computeIfAbsent(f.target() == null ? "" : f.target(), k -> new ArrayList<>()).add(f);
        }
        if (byTarget.isEmpty()) {
            b.append(nl).append("No findings.").append(nl);
        }
        for (Map.Entry<String, List<Finding>> e : byTarget.entrySet()) {
            List<Finding> fs = e.getValue();
            b.append(nl).append(e.getKey()).append(nl);
            b.append("=".repeat(Math.max(1, Math.min(100, e.getKey().length())))).append(nl);
            b.append("Total: ").append(fs.size()).append(" (").append(counts(fs)).append(')').append(nl).append(nl);
            List<Finding> vulns = fs.stream().filter(f -> f.kind() == Finding.Kind.VULNERABILITY).toList();
            List<Finding> others = fs.stream().filter(f -> f.kind() != Finding.Kind.VULNERABILITY).toList();
            if (!vulns.isEmpty()) {
                List<String[]> rows = new ArrayList<>();
                rows.add(new String[] {"PACKAGE", "VULNERABILITY", "SEVERITY", "STATUS", "INSTALLED", "FIXED", "TITLE"});
                for (Finding f : vulns) {
                    Finding.Vulnerability v = f.vulnerability();
                    String id = f.id() + (v.knownExploited() ? " (KEV)" : "");
                    rows.add(new String[] {v.packageName(), id, f.severity().name(),
                            v.status().name().toLowerCase(Locale.ROOT), v.installedVersion(),
                            v.fixedVersions().isEmpty() ? "-" : String.join(", ", v.fixedVersions()), clip(f.title())});
                }
                table(b, rows);
            }
            if (!others.isEmpty()) {
                if (!vulns.isEmpty()) {
                    b.append(nl);
                }
                List<String[]> rows = new ArrayList<>();
                rows.add(new String[] {"KIND", "ID", "SEVERITY", "WHERE", "TITLE"});
                for (Finding f : others) {
                    rows.add(new String[] {f.kind().name().toLowerCase(Locale.ROOT), f.id(), f.severity().name(), where(f),
                            clip(f.title()) + (f.description() != null && f.kind() == Finding.Kind.SECRET
                            ? " — " + f.description() : "")});
                }
                table(b, rows);
            }
        }
        if (!report.diagnostics().isEmpty()) {
            b.append(nl);
            for (String d : report.diagnostics()) {
                b.append("note: ").append(d).append(nl);
            }
        }
        out.write(b.toString());
        out.flush();
    }

    private static boolean isOs(ScanReport report, String target) {
        return report.findings().stream().anyMatch(f -> target.equals(f.target()) && f.vulnerability() != null
                && Distro.isOsEcosystem(f.vulnerability().ecosystem()));
    }

    static String counts(List<Finding> fs) {
        Map<Severity, Integer> n = new EnumMap<>(Severity.class);
        fs.forEach(f -> n.merge(f.severity(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        for (Severity s : Severity.values()) {
            parts.add(s.name() + ": " + n.getOrDefault(s, 0));
        }
        return String.join(", ", parts);
    }

    private static String where(Finding f) {
        Finding.Location l = f.location();
        if (l == null) {
            return "-";
        }
        StringBuilder w = new StringBuilder();
        if (l.path() != null) {
            w.append('/').append(l.path());
            if (l.line() != null) {
                w.append(':').append(l.line());
            }
        } else if (l.configField() != null) {
            w.append(l.configField());
        }
        if (l.layerIndex() != null) {
            w.append(" (layer ").append(l.layerIndex() + 1);
            if (l.deletedInLayer() != null) {
                w.append(", deleted in layer ").append(l.deletedInLayer() + 1);
            }
            w.append(')');
        }
        return w.length() == 0 ? "-" : w.toString();
    }

    private static String clip(String s) {
        if (s == null) {
            return "";
        }
        String one = s.replace('\n', ' ').strip();
        return one.length() <= TITLE_WIDTH ? one : one.substring(0, TITLE_WIDTH - 3) + "...";
    }

    private static void table(StringBuilder b, List<String[]> rows) {
        int cols = rows.get(0).length;
        int[] width = new int[cols];
        for (String[] r : rows) {
            for (int i = 0; i < cols; i++) {
                width[i] = Math.max(width[i], r[i] == null ? 0 : r[i].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < cols; i++) {
                String c = r[i] == null ? "" : r[i];
                line.append(c);
                if (i < cols - 1) {
                    line.append(" ".repeat(width[i] - c.length() + 2));
                }
            }
            b.append(line.toString().stripTrailing()).append('\n');
        }
    }
}
