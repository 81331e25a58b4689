package dev.drydock.analyzer.ospkg.apk;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import dev.drydock.analyzer.Package;
import dev.drydock.analyzer.PackageList;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Reads apk-tools' installed database, {@code /lib/apk/db/installed}: one stanza per package, separated by a blank
 * line, each line a one-letter field, a colon and the value (https://wiki.alpinelinux.org/wiki/Apk_spec, "Installed
 * Database V2"). {@code P} name, {@code V} version, {@code A} arch, {@code o} origin, {@code L} licence, {@code D}
 * dependencies; owned files are {@code F:} directory lines each followed by its {@code R:} file names. Hand-written:
 * no Java library reads it.
 */
public final class ApkDatabaseParser {

    /** The neutral ecosystem: the inventory step replaces it with the detected distribution (Alpine, Wolfi...). */
    public static final String ECOSYSTEM = "apk";

    private ApkDatabaseParser() {
    }

    private static final class Stanza {
        int line;
        String name, version, arch, origin, license;
        final List<String> depends = new ArrayList<>();
        final List<String> files = new ArrayList<>();
        String dir = "";
        boolean any;
    }

    public static PackageList parse(BufferedReader r, String path) throws IOException {
        List<Package> packages = new ArrayList<>();
        List<String> diagnostics = new ArrayList<>();
        Stanza s = new Stanza();
        s.line = 1;
        int lineNo = 0;
        String line;
        while ((line = r.readLine()) != null) {
            lineNo++;
            if (line.isEmpty()) {
                emit(s, path, packages, diagnostics);
                s = new Stanza();
                s.line = lineNo + 1;
                continue;
            }
            if (line.length() < 2 || line.charAt(1) != ':') {
                diagnostics.add("/" + path + ":" + lineNo + ": not a 'X:value' line");
                continue;
            }
            s.any = true;
            String v = line.substring(2);
            switch (line.charAt(0)) {
                case 'P' -> s.name = v;
                case 'V' -> s.version = v;
                case 'A' -> s.arch = v;
                case 'o' -> s.origin = v;
                case 'L' -> s.license = v;
                case 'D' -> {
                    for (String d : v.split("\\s+")) {
                        String n = dependencyName(d);
                        if (!n.isEmpty()) {
                            s.depends.add(n);
                        }
                    }
                }
                case 'F' -> s.dir = v;
                case 'R' -> s.files.add(s.dir.isEmpty() ? v : s.dir + "/" + v);
                default -> {
                    // checksums, sizes, timestamps, maintainer, commit: not needed
                }
            }
        }
        emit(s, path, packages, diagnostics);
        return new PackageList(packages, diagnostics);
    }

    /** {@code so:libc.musl-x86_64.so.1} and {@code !conflict} are not package names; {@code foo>=1.2} is foo. */
    static String dependencyName(String d) {
        if (d.isEmpty() || d.startsWith("!") || d.contains(":")) {
            return "";
        }
        int end = 0;
        while (end < d.length() && "<>=~".indexOf(d.charAt(end)) < 0) {
            end++;
        }
        return d.substring(0, end);
    }

    private static void emit(Stanza s, String path, List<Package> out, List<String> diagnostics) {
        if (!s.any) {
            return;
        }
        if (s.name == null || s.name.isEmpty() || s.version == null || s.version.isEmpty()) {
            diagnostics.add("/" + path + ":" + s.line + ": entry " + (s.name == null ? "without P: (name)"
                    : s.name + " without V: (version)") + " (truncated?); skipped");
            return;
        }
        String origin = s.origin == null || s.origin.isEmpty() ? s.name : s.origin;
        out.add(new Package(ECOSYSTEM, s.name, s.version, purl(s.name, s.version, s.arch), origin, null, s.arch,
                s.license == null || s.license.isBlank() ? List.of() : List.of(s.license), path, null, false,
                s.depends, s.files));
    }

    static String purl(String name, String version, String arch) {
        try {
            TreeMap<String, String> q = new TreeMap<>();
            if (arch != null && !arch.isEmpty()) {
                q.put("arch", arch);
            }
            return new PackageURL("apk", "alpine", name, version, q.isEmpty() ? null : q, null).canonicalize();
        } catch (MalformedPackageURLException e) {
            return null;
        }
    }
}
