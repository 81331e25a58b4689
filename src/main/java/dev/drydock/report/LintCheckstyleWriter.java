package dev.drydock.report;

import dev.drydock.dockerfile.rules.Violation;
import java.io.IOException;
import java.io.Writer;

/** Checkstyle XML, which Jenkins' warnings plug-in, reviewdog and many CI dashboards read (Hadolint writes it too). */
public final class LintCheckstyleWriter implements LintWriter {

    @Override
    public void write(LintReport report, Writer out) throws IOException {
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n");
        for (LintReport.FileResult f : report.files()) {
            out.write("  <file name=\"" + xml(f.path()) + "\">\n");
            if (f.error() != null) {
                int line = f.errorAt() == null ? 1 : f.errorAt().line();
                int col = f.errorAt() == null ? 1 : f.errorAt().column();
                out.write("    <error line=\"" + line + "\" column=\"" + col + "\" severity=\"error\" message=\""
                        + xml(f.error()) + "\" source=\"drydock.parse\"/>\n");
            }
            for (Violation v : f.findings()) {
                String sev = switch (v.severity()) {
                    case ERROR -> "error";
                    case WARNING -> "warning";
                    case INFO, STYLE -> "info";
                };
                out.write("    <error line=\"" + v.position().line() + "\" column=\"" + v.position().column()
                        + "\" severity=\"" + sev + "\" message=\"" + xml(v.message()) + "\" source=\"" + xml(v.id()) + "\"/>\n");
            }
            out.write("  </file>\n");
        }
        out.write("</checkstyle>\n");
    }

    static String xml(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> {
                    // XML 1.0 forbids most control characters even as references.
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        sb.append('?');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
