package dev.drydock.analyzer.ospkg.dpkg;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import dev.drydock.analyzer.Package;
import dev.drydock.analyzer.PackageList;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a dpkg status file ({@code /var/lib/dpkg/status}, or one stanza file under distroless
 * {@code /var/lib/dpkg/status.d/}). Hand-written because no Java library reads the format: RFC-822-like stanzas
 * separated by blank lines, continuation lines starting with a space or tab (deb-control(5), dpkg's
 * {@code lib/dpkg/parse.c}). Only packages whose {@code Status} is {@code install ok installed} are reported (or
 * {@code hold ok installed}: held at its version by {@code apt-mark hold}, but installed all the same); removed,
 * half-installed and config-files-only packages are not.
 */
public final class DpkgStatusParser {

    /** The neutral ecosystem: the inventory step replaces it with the detected distribution (Debian, Ubuntu). */
    public static final String ECOSYSTEM = "dpkg";

    static final int MAX_LINE = 1 << 20;

    private DpkgStatusParser() {
    }

    /**
     * @param path where the file was found, for {@link Package#path()} and diagnostics
     * @param wantStatus false for distroless status.d files, which have no {@code Status} field in older images
     */
    public static PackageList parse(BufferedReader r, String path, boolean wantStatus) throws IOException {
        List<Package> packages = new ArrayList<>();
        List<String> diagnostics = new ArrayList<>();
        Map<String, String> stanza = new LinkedHashMap<>();
        String lastKey = null;
        int lineNo = 0;
        int stanzaLine = 1;
        boolean brokenStanza = false;
        String line;
        while ((line = r.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                if (!stanza.isEmpty()) {
                    emit(stanza, path, stanzaLine, wantStatus, brokenStanza, packages, diagnostics);
                }
                stanza.clear();
                lastKey = null;
                brokenStanza = false;
                stanzaLine = lineNo + 1;
                continue;
            }
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                if (lastKey == null) {
                    diagnostics.add("/" + path + ":" + lineNo + ": continuation line outside a field");
                    brokenStanza = true;
                }
                // continuation: the multi-line fields (Description, Conffiles) are not needed
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                diagnostics.add("/" + path + ":" + lineNo + ": not a 'Field: value' line");
                brokenStanza = true;
                lastKey = null;
                continue;
            }
            lastKey = line.substring(0, colon).strip();
            stanza.put(lastKey.toLowerCase(java.util.Locale.ROOT), line.substring(colon + 1).strip());
        }
        if (!stanza.isEmpty()) {
            emit(stanza, path, stanzaLine, wantStatus, brokenStanza, packages, diagnostics);
        }
        return new PackageList(packages, diagnostics);
    }

    private static void emit(Map<String, String> f, String path, int line, boolean wantStatus, boolean broken,
                             List<Package> out, List<String> diagnostics) {
        String name = f.get("package");
        String version = f.get("version");
        String status = f.get("status");
        if (wantStatus || status != null) {
            if (status == null) {
                diagnostics.add("/" + path + ":" + line + ": package " + (name == null ? "?" : name) + " has no Status");
                return;
            }
            String st = status.replaceAll("\\s+", " ");
            if (!st.equals("install ok installed") && !st.equals("hold ok installed")) {
                return; // removed, half-configured, config-files only: dpkg does not count them as installed
            }
        }
        if (name == null || name.isEmpty() || version == null || version.isEmpty()) {
            diagnostics.add("/" + path + ":" + line + ": stanza without " + (name == null || name.isEmpty()
                    ? "Package" : "Version of " + name) + (broken ? " (malformed lines)" : "") + "; skipped");
            return;
        }
        String arch = f.get("architecture");
        String sourceName = name;
        String sourceVersion = version;
        String source = f.get("source");
        if (source != null && !source.isEmpty()) {
            // "Source: name (version)" when the source version differs from the binary's
            int paren = source.indexOf('(');
            if (paren > 0 && source.endsWith(")")) {
                sourceName = source.substring(0, paren).strip();
                sourceVersion = source.substring(paren + 1, source.length() - 1).strip();
            } else {
                sourceName = source.strip();
            }
        }
        out.add(new Package(ECOSYSTEM, name, version, purl(name, version, arch), sourceName,
                sourceVersion.equals(version) ? null : sourceVersion,
                arch, List.of(), path, null, false, dependsOn(f.get("depends"), f.get("pre-depends")), List.of()));
    }

    static String purl(String name, String version, String arch) {
        try {
            TreeMap<String, String> q = new TreeMap<>();
            if (arch != null && !arch.isEmpty()) {
                q.put("arch", arch);
            }
            return new PackageURL("deb", "debian", name, version, q.isEmpty() ? null : q, null).canonicalize();
        } catch (MalformedPackageURLException e) {
            return null;
        }
    }

    /** Direct dependency names from Depends and Pre-Depends (alternatives and versions dropped, first choice kept). */
    static List<String> dependsOn(String... fields) {
        List<String> out = new ArrayList<>();
        for (String field : fields) {
            if (field == null || field.isBlank()) {
                continue;
            }
            for (String dep : field.split(",")) {
                String first = dep.split("\\|")[0].strip();
                int end = 0;
                while (end < first.length() && " (:[<".indexOf(first.charAt(end)) < 0) {
                    end++;
                }
                String n = first.substring(0, end);
                if (!n.isEmpty() && !out.contains(n)) {
                    out.add(n);
                }
            }
        }
        return out;
    }
}
