package dev.drydock.analyzer.lang.java;

import dev.drydock.analyzer.AnalysisInput;
import dev.drydock.analyzer.Analyzer;
import dev.drydock.analyzer.Package;
import dev.drydock.analyzer.PackageList;
import dev.drydock.analyzer.lang.Purls;
import dev.drydock.layer.FileInfo;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;

/**
 * Java archives ({@code .jar}, {@code .war}, {@code .ear}, {@code .par}) at any depth, read as one stream: every
 * {@code META-INF/maven/G/A/pom.properties} is a package (a shaded jar has several); an archive without one falls back
 * to its {@code MANIFEST.MF}, then to its file name ({@code name-1.2.3.jar}). Archives nested inside (Spring Boot's
 * {@code BOOT-INF/lib}, {@code WEB-INF/lib}, an ear's modules) are read recursively from the same stream, never
 * unpacked. Depth and the total of inflated bytes are bounded, so a zip bomb ends as a diagnostic.
 */
public final class JarAnalyzer implements Analyzer<PackageList> {

    static final String ECOSYSTEM = "Maven";
    private static final Pattern FILE_NAME =
            Pattern.compile("(.+?)-(\\d[^/]*?)(?:\\.(?:jar|war|ear|par))$", Pattern.CASE_INSENSITIVE);
    private static final int MAX_DEPTH = 5;
    private static final int MAX_SMALL_ENTRY = 1 << 20;

    private final long maxInflatedBytes;

    public JarAnalyzer() {
        this(2L << 30);
    }

    JarAnalyzer(long maxInflatedBytes) {
        this.maxInflatedBytes = maxInflatedBytes;
    }

    @Override
    public String type() {
        return "java-archive";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public Class<PackageList> resultType() {
        return PackageList.class;
    }

    @Override
    public boolean required(String path, FileInfo info) {
        return isArchive(path);
    }

    static boolean isArchive(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".jar") || n.endsWith(".war") || n.endsWith(".ear") || n.endsWith(".par");
    }

    /** Jars are read as a stream, so big ones cost no memory here. */
    @Override
    public long maxFileSize() {
        return 512L << 20;
    }

    @Override
    public PackageList analyze(AnalysisInput input) throws IOException {
        List<Package> out = new ArrayList<>();
        List<String> diagnostics = new ArrayList<>();
        Budget budget = new Budget(maxInflatedBytes);
        try {
            archive(input.content(), input.path(), 0, budget, out, diagnostics);
        } catch (TooBig e) {
            diagnostics.add("/" + e.getMessage());
        } catch (IOException | RuntimeException e) {
            diagnostics.add("/" + input.path() + ": not a readable zip archive: " + e.getMessage());
        }
        return new PackageList(out, diagnostics);
    }

    /** Reads one archive from its stream (left positioned at its end); returns nothing, adds what it found. */
    private void archive(InputStream in, String path, int depth, Budget budget, List<Package> out,
                         List<String> diagnostics) throws IOException {
        // allowStoredEntriesWithDataDescriptor: some build tools write stored nested jars that way
        ZipArchiveInputStream zip = new ZipArchiveInputStream(in, "UTF-8", true, true);
        Map<String, Package> found = new LinkedHashMap<>();
        Manifest manifest = null;
        boolean any = false;
        String[] classPrefix = null; // the longest package prefix all classes share: a group guess for manifests
        ZipArchiveEntry e;
        while ((e = zip.getNextEntry()) != null) {
            any = true;
            if (e.isDirectory()) {
                continue;
            }
            String name = e.getName();
            InputStream entry = budget.count(zip, path + "!/" + name);
            if (name.startsWith("META-INF/maven/") && name.endsWith("/pom.properties")) {
                Package p = pomProperties(readSmall(entry, path, name), path);
                if (p != null) {
                    found.putIfAbsent(p.name() + "@" + p.version(), p);
                }
            } else if (name.endsWith(".class") && name.indexOf('/') > 0 && !name.startsWith("META-INF/")) {
                classPrefix = commonPrefix(classPrefix, name);
            } else if (name.equals("META-INF/MANIFEST.MF")) {
                manifest = new Manifest(new ByteArrayInputStream(readSmall(entry, path, name)));
            } else if (isArchive(name)) {
                if (depth + 1 > MAX_DEPTH) {
                    diagnostics.add("/" + path + "!/" + name + ": archives nested deeper than " + MAX_DEPTH
                            + " levels: not read");
                } else {
                    try {
                        archive(new NoClose(entry), path + "!/" + name, depth + 1, budget, out, diagnostics);
                    } catch (TooBig tooBig) {
                        throw tooBig;
                    } catch (IOException | RuntimeException bad) {
                        diagnostics.add("/" + path + "!/" + name + ": not a readable zip archive: "
                                + bad.getMessage());
                    }
                }
            }
            entry.transferTo(OutputStream.nullOutputStream()); // drain, counted: skipping would inflate unseen
        }
        if (!any) {
            throw new IOException(path + ": no zip entries");
        }
        if (found.isEmpty()) {
            Package p = fromManifest(manifest, path, classPrefix);
            if (p == null) {
                p = fromFileName(path);
            }
            if (p != null) { // else nothing identifies it (as with a war holding only libraries): not a package
                found.put(p.name(), p);
            }
        }
        out.addAll(found.values());
    }

    private static byte[] readSmall(InputStream entry, String path, String name) throws IOException {
        byte[] b = entry.readNBytes(MAX_SMALL_ENTRY + 1);
        if (b.length > MAX_SMALL_ENTRY) {
            throw new IOException(path + "!/" + name + " is larger than " + MAX_SMALL_ENTRY + " bytes");
        }
        return b;
    }

    private static Package pomProperties(byte[] bytes, String path) throws IOException {
        Properties p = new Properties();
        p.load(new ByteArrayInputStream(bytes));
        String g = p.getProperty("groupId", "").strip();
        String a = p.getProperty("artifactId", "").strip();
        String v = p.getProperty("version", "").strip();
        if (g.isEmpty() || a.isEmpty() || v.isEmpty()) {
            return null;
        }
        return pkg(g, a, v, path);
    }

    private static String[] commonPrefix(String[] prefix, String classFile) {
        String[] dirs = classFile.split("/");
        String[] packages = java.util.Arrays.copyOf(dirs, dirs.length - 1);
        if (prefix == null) {
            return packages;
        }
        int n = 0;
        while (n < prefix.length && n < packages.length && prefix[n].equals(packages[n])) {
            n++;
        }
        return n == prefix.length ? prefix : java.util.Arrays.copyOf(prefix, n);
    }

    /**
     * Without pom.properties, the manifest's version with its Implementation-Vendor-Id as the group, or else the
     * package all the jar's classes share (at least two segments: {@code org.checkerframework}), as Syft guesses too;
     * the artifact is the file name's when its version agrees, else Implementation-Title or Bundle-SymbolicName.
     */
    private static Package fromManifest(Manifest m, String path, String[] classPrefix) {
        if (m == null) {
            return null;
        }
        var attrs = m.getMainAttributes();
        String version = first(attrs.getValue("Implementation-Version"), attrs.getValue("Bundle-Version"),
                attrs.getValue("Specification-Version"));
        String artifact = first(attrs.getValue("Implementation-Title"), symbolicName(attrs.getValue("Bundle-SymbolicName")),
                attrs.getValue("Specification-Title"));
        String group = first(attrs.getValue("Implementation-Vendor-Id"),
                classPrefix != null && classPrefix.length >= 2 ? String.join(".", classPrefix) : null, null);
        if (version == null || artifact == null) {
            return null;
        }
        Package byName = fromFileName(path);
        if (byName != null && byName.version().equals(version)) {
            artifact = byName.name();
        }
        if (group == null) {
            return new Package(ECOSYSTEM, artifact, version, Purls.of("maven", null, artifact, version), null, null,
                    null, List.of(), path, null, false, List.of(), List.of());
        }
        return pkg(group, artifact, version, path);
    }

    private static String symbolicName(String s) {
        return s == null ? null : s.split(";", 2)[0].strip();
    }

    private static String first(String a, String b, String c) {
        for (String s : new String[] {a, b, c}) {
            if (s != null && !s.isBlank()) {
                return s.strip();
            }
        }
        return null;
    }

    /** Last resort: {@code commons-lang3-3.14.0.jar}; the group cannot be known, so the name is the artifact alone. */
    static Package fromFileName(String path) {
        String file = path.substring(path.lastIndexOf('/') + 1);
        Matcher m = FILE_NAME.matcher(file);
        if (!m.matches()) {
            return null;
        }
        return new Package(ECOSYSTEM, m.group(1), m.group(2), Purls.of("maven", null, m.group(1), m.group(2)), null,
                null, null, List.of(), path, null, false, List.of(), List.of());
    }

    private static Package pkg(String g, String a, String v, String path) {
        return new Package(ECOSYSTEM, g + ":" + a, v, Purls.of("maven", g, a, v), null, null, null, List.of(), path,
                null, false, List.of(), List.of());
    }

    /** The bound on inflated bytes over the whole archive tree. */
    private static final class Budget {
        private long left;
        private final long limit;

        Budget(long limit) {
            this.left = limit;
            this.limit = limit;
        }

        InputStream count(InputStream in, String where) {
            return new FilterInputStream(in) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) {
                        take(1, where);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buf, int off, int len) throws IOException {
                    int n = super.read(buf, off, len);
                    if (n > 0) {
                        take(n, where);
                    }
                    return n;
                }

                @Override
                public long skip(long n) throws IOException {
                    int read = read(new byte[(int) Math.max(0, Math.min(n, 8192))]); // counted, never unseen
                    return Math.max(read, 0);
                }

                @Override
                public void close() {
                    // the zip stream stays open for the next entry
                }
            };
        }

        private void take(long n, String where) throws TooBig {
            left -= n;
            if (left < 0) {
                throw new TooBig(where + ": archive inflates to more than " + limit
                        + " bytes (a zip bomb?): not read further");
            }
        }
    }

    private static final class TooBig extends IOException {
        TooBig(String message) {
            super(message);
        }
    }

    private static final class NoClose extends FilterInputStream {
        NoClose(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
        }
    }

}
