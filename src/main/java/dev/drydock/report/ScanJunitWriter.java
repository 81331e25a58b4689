package dev.drydock.report;

import dev.drydock.scan.Finding;
import dev.drydock.scan.ScanReport;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JUnit XML (the Ant/Surefire dialect Jenkins, GitLab and GitHub test reporters read): one {@code testsuite} per
 * scanner, one {@code testcase} per finding class (a vulnerability id in one package; a secret rule, image check or
 * lint rule id) whose {@code failure} lists every place it was found with the advice; a class whose findings policy
 * all suppressed is {@code skipped} with the reason; a scanner that ran and found nothing has one passing test case;
 * the policy's verdict is a test case of its own. Written by hand: the dialect is small and an XML library's
 * indentation differs between JDKs, which golden files would notice.
 */
final class ScanJunitWriter implements ReportWriter {

    private final ReportSettings settings;

    ScanJunitWriter(ReportSettings settings) {
        this.settings = settings;
    }

    private record Case(String classname, String name, List<Finding> active, List<Finding> suppressed) {
    }

    @Override
    public void write(ScanReport r, Writer out) throws IOException {
        Map<Finding.Kind, Map<String, Case>> byKind = new LinkedHashMap<>();
        for (Finding.Kind k : scanners(r)) {
            byKind.put(k, new LinkedHashMap<>());
        }
        for (Finding f : r.findings()) {
            Case c = byKind.computeIfAbsent(f.kind(), k -> new LinkedHashMap<>()).computeIfAbsent(Findings.classKey(f),
                    k -> new Case(f.target() == null ? Findings.kindPlural(f.kind()) : f.target(), caseName(f),
                            new ArrayList<>(), new ArrayList<>()));
            (f.suppressed() == null ? c.active() : c.suppressed()).add(f);
        }
        StringBuilder body = new StringBuilder();
        int tests = 0;
        int failures = 0;
        int skipped = 0;
        for (Map.Entry<Finding.Kind, Map<String, Case>> e : byKind.entrySet()) {
            String suite = Findings.kindPlural(e.getKey());
            List<Case> cases = new ArrayList<>(e.getValue().values());
            int f = (int) cases.stream().filter(c -> !c.active().isEmpty()).count();
            int s = (int) cases.stream().filter(c -> c.active().isEmpty()).count();
            int t = Math.max(1, cases.size());
            body.append("  <testsuite name=\"").append(attr(suite)).append("\" tests=\"").append(t).append("\" failures=\"")
                    .append(f).append("\" errors=\"0\" skipped=\"").append(s).append("\">\n");
            if (cases.isEmpty()) {
                body.append("    <testcase classname=\"").append(attr(suite)).append("\" name=\"no ").append(attr(suite))
                        .append(" found\"/>\n");
            }
            for (Case c : cases) {
                writeCase(c, body);
            }
            body.append("  </testsuite>\n");
            tests += t;
            failures += f;
            skipped += s;
        }
        if (r.verdict() != null) {
            ScanReport.Verdict v = r.verdict();
            tests++;
            failures += v.passed() ? 0 : 1;
            body.append("  <testsuite name=\"policy\" tests=\"1\" failures=\"").append(v.passed() ? 0 : 1)
                    .append("\" errors=\"0\" skipped=\"0\">\n");
            body.append("    <testcase classname=\"policy\" name=\"").append(attr(v.rule() == null ? "verdict" : v.rule())).append('"');
            if (v.passed()) {
                body.append("/>\n");
            } else {
                List<String> lines = new ArrayList<>(v.reasons());
                v.expired().forEach(x -> lines.add("expired ignore: " + x));
                body.append(">\n      <failure type=\"policy\" message=\"").append(attr("policy failed"
                        + (v.rule() == null ? "" : ": " + v.rule()))).append("\">").append(text(String.join("\n", lines)))
                        .append("</failure>\n    </testcase>\n");
            }
            body.append("  </testsuite>\n");
        }
        String name = r.subject() == null ? "drydock" : "drydock " + r.subject().name();
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.write("<testsuites name=\"" + attr(name) + "\" tests=\"" + tests + "\" failures=\"" + failures
                + "\" errors=\"0\" skipped=\"" + skipped + "\">\n");
        out.write(body.toString());
        out.write("</testsuites>\n");
    }

    /** The scanners that ran: as the caller says, else those with findings, plus what the report shows ran. */
    private Set<Finding.Kind> scanners(ScanReport r) {
        if (settings.scanners() != null) {
            Set<Finding.Kind> s = EnumSet.noneOf(Finding.Kind.class);
            s.addAll(settings.scanners());
            return s;
        }
        Set<Finding.Kind> s = EnumSet.noneOf(Finding.Kind.class);
        if (r.inventory() != null) {
            s.add(Finding.Kind.VULNERABILITY);
        }
        if (r.subject() != null) {
            s.add(Finding.Kind.SECRET); // image and fs scans always look for secrets
        }
        if (r.subject() != null && !r.subject().isDirectory()) {
            s.add(Finding.Kind.MISCONFIGURATION); // image checks run on every image
        }
        r.findings().forEach(f -> s.add(f.kind()));
        return s;
    }

    private static String caseName(Finding f) {
        Finding.Vulnerability v = f.vulnerability();
        return v == null ? f.id() + ": " + Findings.oneLine(f.title()) : f.id() + " in " + v.packageName();
    }

    private static void writeCase(Case c, StringBuilder sb) {
        sb.append("    <testcase classname=\"").append(attr(c.classname())).append("\" name=\"").append(attr(c.name())).append("\">\n");
        if (c.active().isEmpty()) {
            sb.append("      <skipped message=\"").append(attr("suppressed " + Findings.suppressionText(c.suppressed().get(0).suppressed())))
                    .append("\"/>\n");
        } else {
            Finding first = c.active().get(0);
            StringBuilder details = new StringBuilder();
            for (Finding f : c.active()) {
                details.append(f.severity().name()).append(' ').append(f.id());
                if (f.vulnerability() != null) {
                    Finding.Vulnerability v = f.vulnerability();
                    details.append(" in ").append(v.packageName()).append(' ').append(v.installedVersion())
                            .append(v.fixedVersions().isEmpty() ? " (no fixed version)" : " (fixed in " + String.join(", ", v.fixedVersions()) + ")");
                    if (v.knownExploited()) {
                        details.append(" [known exploited]");
                    }
                }
                String where = Findings.where(f);
                if (!where.isEmpty()) {
                    details.append(" at ").append(where);
                }
                details.append('\n');
            }
            details.append('\n').append(Findings.oneLine(first.title())).append('\n');
            if (first.description() != null) {
                details.append(first.description()).append('\n');
            }
            String advice = Findings.advice(first);
            if (advice != null) {
                details.append("Fix: ").append(advice).append('\n');
            }
            for (String link : Findings.links(first)) {
                details.append(link).append('\n');
            }
            if (!c.suppressed().isEmpty()) {
                details.append(c.suppressed().size()).append(" more suppressed: ")
                        .append(Findings.suppressionText(c.suppressed().get(0).suppressed())).append('\n');
            }
            sb.append("      <failure type=\"").append(first.severity().name()).append("\" message=\"")
                    .append(attr(first.severity().name() + " " + Findings.oneLine(first.title()))).append("\">")
                    .append(text(details.toString().strip())).append("</failure>\n");
        }
        sb.append("    </testcase>\n");
    }

    /** Text content: the five XML specials escaped, characters XML 1.0 cannot hold dropped. */
    static String text(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> {
                    if (cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD)
                            || cp >= 0x10000) {
                        sb.appendCodePoint(cp);
                    }
                }
            }
        });
        return sb.toString();
    }

    /** An attribute value: as {@link #text}, with line breaks as character references so they survive parsing. */
    static String attr(String s) {
        return text(s).replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;");
    }
}
