package dev.drydock.report;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import dev.drydock.analyzer.Package;
import dev.drydock.scan.Inventory;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code drydock packages}: one row per package (name, version, ecosystem, purl type, the layer that brought it as its
 * short diff_id, the file it was found in), then the count and any diagnostics.
 */
public final class InventoryTableWriter {

    private static final String[] HEADER = {"NAME", "VERSION", "ECOSYSTEM", "TYPE", "LAYER", "PATH"};

    public void write(Inventory inv, Writer out) throws IOException {
        String what = inv.subject().isDirectory() ? inv.subject().name()
                : inv.subject().name() + " (" + inv.subject().digest() + ")";
        out.write(what + (inv.os() == null ? "" : ", " + inv.os().name()) + "\n\n");
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (Package p : inv.packages()) {
            rows.add(new String[] {p.name(), nz(p.version()), nz(p.ecosystem()), type(p.purl()), layer(p.layer()),
                    p.path() == null ? "" : "/" + p.path()});
        }
        int[] width = new int[HEADER.length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], Math.min(60, r[i].length()));
            }
        }
        for (String[] r : rows) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                sb.append(i == r.length - 1 ? r[i] : String.format("%-" + width[i] + "s  ", r[i]));
            }
            out.write(sb.toString().stripTrailing() + "\n");
        }
        int n = inv.packages().size();
        out.write("\n" + n + (n == 1 ? " package" : " packages") + "\n");
        if (!inv.diagnostics().isEmpty()) {
            out.write("\nDiagnostics:\n");
            for (String d : inv.diagnostics()) {
                out.write("  " + d + "\n");
            }
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String type(String purl) {
        if (purl == null) {
            return "";
        }
        try {
            return new PackageURL(purl).getType();
        } catch (MalformedPackageURLException e) {
            return "";
        }
    }

    private static String layer(String diffId) {
        if (diffId == null) {
            return "";
        }
        int colon = diffId.indexOf(':');
        String hex = diffId.substring(colon + 1);
        return hex.length() > 12 ? hex.substring(0, 12) : hex;
    }
}
