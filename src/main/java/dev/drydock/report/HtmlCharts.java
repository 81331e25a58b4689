package dev.drydock.report;

import dev.drydock.layer.Efficiency;
import dev.drydock.layer.LayersReport;
import dev.drydock.scan.Severity;
import java.util.Locale;
import java.util.Map;

/** The HTML report's two charts, as inline SVG (no script, no library): findings by severity, and the layers. */
final class HtmlCharts {

    private static final String[] SEVERITY_COLOURS = {"#8b0000", "#d32f2f", "#ef6c00", "#1565c0", "#757575"};

    private HtmlCharts() {
    }

    /** Horizontal bars, one per severity, scaled to the largest count. */
    static void severity(Map<Severity, Integer> counts, StringBuilder h) {
        int max = Math.max(1, counts.values().stream().mapToInt(Integer::intValue).max().orElse(1));
        int rowH = 28;
        int width = 420;
        int barMax = 260;
        h.append("<figure id=\"severity-chart\">\n<figcaption>Findings by severity</figcaption>\n")
                .append("<svg role=\"img\" aria-label=\"Findings by severity\" viewBox=\"0 0 ").append(width).append(' ')
                .append(rowH * counts.size() + 4).append("\" width=\"").append(width).append("\" height=\"")
                .append(rowH * counts.size() + 4).append("\" xmlns=\"http://www.w3.org/2000/svg\">\n");
        int y = 2;
        for (Severity s : Severity.values()) {
            int n = counts.get(s);
            int w = n == 0 ? 0 : Math.max(3, n * barMax / max);
            h.append("<g class=\"bar\" data-severity=\"").append(s.lower()).append("\"><title>").append(ScanHtmlWriter.cap(s.lower()))
                    .append(": ").append(n).append("</title>")
                    .append("<text x=\"0\" y=\"").append(y + 18).append("\">").append(ScanHtmlWriter.cap(s.lower())).append("</text>")
                    .append("<rect x=\"90\" y=\"").append(y + 4).append("\" width=\"").append(w).append("\" height=\"")
                    .append(rowH - 8).append("\" rx=\"3\" fill=\"").append(SEVERITY_COLOURS[s.ordinal()]).append("\"/>")
                    .append("<text x=\"").append(96 + w).append("\" y=\"").append(y + 18).append("\">").append(n)
                    .append("</text></g>\n");
            y += rowH;
        }
        h.append("</svg>\n</figure>\n");
    }

    /** One bar per layer (its content size), the total wasted bytes under them, and the largest waste. */
    static void layers(LayersReport l, StringBuilder h) {
        long max = 1;
        for (LayersReport.LayerRow row : l.layers()) {
            max = Math.max(max, row.contentBytes());
        }
        long wasted = l.totals() == null ? 0 : l.totals().wastedBytes();
        max = Math.max(max, wasted);
        int rowH = 40;
        int barMax = 300;
        int rows = l.layers().size() + (l.totals() == null ? 0 : 1);
        int height = rowH * rows + 4;
        h.append("<figure id=\"layer-chart\">\n<figcaption>Layers: content size");
        if (l.totals() != null) {
            h.append(" — efficiency ").append(String.format(Locale.ROOT, "%.1f", l.totals().efficiency() * 100))
                    .append(" %, wasted ").append(ScanHtmlWriter.esc(LayersReport.bytes(wasted)));
        }
        h.append("</figcaption>\n<svg role=\"img\" aria-label=\"Layer sizes and wasted bytes\" viewBox=\"0 0 620 ")
                .append(height).append("\" width=\"620\" height=\"").append(height).append("\" xmlns=\"http://www.w3.org/2000/svg\">\n");
        int y = 2;
        for (LayersReport.LayerRow row : l.layers()) {
            int w = (int) Math.max(row.contentBytes() == 0 ? 0 : 2, row.contentBytes() * barMax / max);
            String size = LayersReport.bytes(row.contentBytes());
            h.append("<g class=\"layer\"><title>Layer ").append(row.index()).append(": ").append(ScanHtmlWriter.esc(size)).append(", ")
                    .append(row.added()).append(" added, ").append(row.modified()).append(" modified, ").append(row.removed())
                    .append(" removed — ").append(ScanHtmlWriter.esc(Findings.oneLine(row.createdBy()))).append("</title>")
                    .append("<text x=\"0\" y=\"").append(y + 16).append("\">#").append(row.index()).append("</text>")
                    .append("<rect x=\"50\" y=\"").append(y + 4).append("\" width=\"").append(w)
                    .append("\" height=\"16\" rx=\"2\" fill=\"#455a64\"/>")
                    .append("<text x=\"").append(56 + w).append("\" y=\"").append(y + 16).append("\">").append(ScanHtmlWriter.esc(size))
                    .append("</text>")
                    .append("<text class=\"cmd\" x=\"50\" y=\"").append(y + 34).append("\">")
                    .append(ScanHtmlWriter.esc(truncate(Findings.oneLine(row.createdBy()), 90))).append("</text></g>\n");
            y += rowH;
        }
        if (l.totals() != null) {
            int w = (int) Math.max(wasted == 0 ? 0 : 2, wasted * barMax / max);
            h.append("<g class=\"wasted\"><title>Wasted: ").append(ScanHtmlWriter.esc(LayersReport.bytes(wasted)))
                    .append(" in files written more than once or deleted later</title>")
                    .append("<text x=\"0\" y=\"").append(y + 16).append("\">waste</text>")
                    .append("<rect x=\"50\" y=\"").append(y + 4).append("\" width=\"").append(w)
                    .append("\" height=\"16\" rx=\"2\" fill=\"#c62828\"/>")
                    .append("<text x=\"").append(56 + w).append("\" y=\"").append(y + 16).append("\">")
                    .append(ScanHtmlWriter.esc(LayersReport.bytes(wasted))).append(" wasted</text></g>\n");
        }
        h.append("</svg>\n");
        if (!l.largestWaste().isEmpty()) {
            h.append("<table class=\"small\" id=\"waste\"><caption>Largest waste</caption>\n<thead><tr><th>Path</th>"
                    + "<th>Copies</th><th>Total</th></tr></thead>\n<tbody>\n");
            for (Efficiency.Inefficiency i : l.largestWaste()) {
                h.append("<tr><td><code>").append(ScanHtmlWriter.esc(i.path())).append("</code></td><td>").append(i.count())
                        .append("</td><td>").append(ScanHtmlWriter.esc(LayersReport.bytes(i.cumulativeSize()))).append("</td></tr>\n");
            }
            h.append("</tbody></table>\n");
        }
        h.append("</figure>\n");
    }

    private static String truncate(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
