package dev.drydock.layer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.drydock.image.Image;
import dev.drydock.image.ImageJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What {@code drydock layers} reports: per layer its blob, build step and changes; for the image its size, dive's
 * efficiency numbers, the largest files and the largest waste; and the CI gates' verdicts. Written as a table or JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LayersReport(String source, String platform, String configDigest, String manifestDigest, String os,
                           List<LayerRow> layers, Totals totals, List<FileRow> largestFiles, List<Efficiency.Inefficiency> largestWaste,
                           List<String> diagnostics, List<Gate> gates) {

    /** One layer. {@code size} is the blob as stored; {@code contentBytes} the sum of its files. */
    public record LayerRow(int index, String digest, String diffId, String mediaType, long size, long contentBytes,
                           String createdBy, int added, int modified, int removed, boolean present) {
    }

    public record Totals(long compressedBytes, long contentBytes, long finalBytes, long userBytes, long wastedBytes,
                         double efficiency, double userWastedPercent, int files) {
    }

    public record FileRow(String path, long size, int layer) {
    }

    /** A CI gate: passed when the actual value is on the right side of the threshold. */
    public record Gate(String name, String threshold, String actual, boolean passed) {
    }

    public static LayersReport of(Image image, List<LayerContents> contents, MergedView view, String os, int top,
                                  List<String> diagnostics) {
        List<LayerRow> rows = new ArrayList<>();
        long compressed = 0;
        long content = 0;
        for (Image.Layer l : image.layers()) {
            LayerContents c = contents.get(l.index());
            MergedView.LayerChanges ch = view.changes().get(l.index());
            rows.add(new LayerRow(l.index() + 1, l.blob().digest().toString(), l.diffId().toString(), l.blob().mediaType(),
                    l.blob().size(), c.fileBytes(), l.createdBy(), ch.added(), ch.modified(), ch.removed(), l.present()));
            compressed += l.blob().size();
            content += c.fileBytes();
        }
        long finalBytes = 0;
        int files = 0;
        List<FileRow> largest = new ArrayList<>();
        for (MergedView.Owned o : view.files().values()) {
            if (o.info().isRegular()) {
                finalBytes += o.info().size();
                files++;
                largest.add(new FileRow("/" + o.info().path(), o.info().size(), o.layer() + 1));
            }
        }
        largest.sort(Comparator.comparingLong(FileRow::size).reversed().thenComparing(FileRow::path));
        Efficiency e = view.efficiency();
        List<Efficiency.Inefficiency> waste = e.inefficiencies().stream()
                .map(i -> new Efficiency.Inefficiency("/" + i.path(), i.count(), i.cumulativeSize())).limit(top).toList();
        List<String> diags = new ArrayList<>();
        contents.forEach(c -> diags.addAll(c.diagnostics()));
        diags.addAll(diagnostics);
        view.symlinkLoops().forEach(loop -> diags.add(image.source() + ": " + loop.message()));
        return new LayersReport(image.source(), image.platform().normalized().toString(), image.configDigest().toString(),
                image.manifestDigest() == null ? null : image.manifestDigest().toString(), os, rows,
                new Totals(compressed, content, finalBytes, e.userBytes(), e.wastedBytes(), e.score(), e.userWastedPercent(), files),
                largest.subList(0, Math.min(top, largest.size())), waste, diags, List.of());
    }

    public LayersReport withGates(List<Gate> g) {
        return new LayersReport(source, platform, configDigest, manifestDigest, os, layers, totals, largestFiles, largestWaste,
                diagnostics, List.copyOf(g));
    }

    public boolean passed() {
        return gates.stream().allMatch(Gate::passed);
    }

    public void writeJson(Writer w) throws IOException {
        ImageJson.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT)
                .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(w, this);
    }

    public void writeTable(Writer w) {
        PrintWriter out = new PrintWriter(w);
        out.printf("Image: %s (%s%s)%n", source, platform, os == null ? "" : ", " + os);
        out.printf("Config: %s%n%n", configDigest);
        out.printf("%3s  %-19s  %9s  %9s  %6s  %6s  %6s  %s%n", "#", "DIGEST", "SIZE", "CONTENT", "ADDED", "MODIF", "REMOV",
                "CREATED BY");
        for (LayerRow r : layers) {
            out.printf("%3d  %-19s  %9s  %9s  %6d  %6d  %6d  %s%n", r.index(), shortDigest(r.digest()), bytes(r.size()),
                    r.present() ? bytes(r.contentBytes()) : "foreign", r.added(), r.modified(), r.removed(), oneLine(r.createdBy()));
        }
        out.printf("%nTotal: %s in %d layers (%s compressed), %d files (%s) in the final filesystem%n",
                bytes(totals.contentBytes()), layers.size(), bytes(totals.compressedBytes()), totals.files(),
                bytes(totals.finalBytes()));
        out.printf("Efficiency: %.4f %%   Wasted: %s   User wasted: %.4f %%%n", totals.efficiency() * 100,
                bytes(totals.wastedBytes()), totals.userWastedPercent() * 100);
        if (!largestFiles.isEmpty()) {
            out.printf("%nLargest files%n%9s  %5s  %s%n", "SIZE", "LAYER", "PATH");
            largestFiles.forEach(f -> out.printf("%9s  %5d  %s%n", bytes(f.size()), f.layer(), f.path()));
        }
        if (!largestWaste.isEmpty()) {
            out.printf("%nLargest waste (files written or deleted more than once)%n%9s  %6s  %s%n", "TOTAL", "COUNT", "PATH");
            largestWaste.forEach(i -> out.printf("%9s  %6d  %s%n", bytes(i.cumulativeSize()), i.count(), i.path()));
        }
        if (!diagnostics.isEmpty()) {
            out.printf("%nDiagnostics%n");
            diagnostics.forEach(d -> out.printf("  %s%n", d));
        }
        if (!gates.isEmpty()) {
            out.printf("%nCI gates%n");
            gates.forEach(g -> out.printf("  %s  %s: %s (threshold %s)%n", g.passed() ? "PASS" : "FAIL", g.name(), g.actual(),
                    g.threshold()));
        }
        out.flush();
    }

    private static String shortDigest(String d) {
        return d.length() > 19 ? d.substring(0, 19) : d;
    }

    private static String oneLine(String s) {
        String t = s.replaceAll("\\s+", " ").strip();
        return t.length() > 100 ? t.substring(0, 99) + "…" : t;
    }

    /** Decimal units, as dive prints them. */
    public static String bytes(long n) {
        if (n < 1000) {
            return n + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB", "PB"};
        double v = n;
        int u = -1;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
