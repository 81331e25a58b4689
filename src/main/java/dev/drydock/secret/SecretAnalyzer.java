package dev.drydock.secret;

import dev.drydock.analyzer.AnalysisInput;
import dev.drydock.analyzer.Analyzer;
import dev.drydock.layer.FileInfo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import java.util.zip.ZipInputStream;

/**
 * Scans every regular text file of every layer, and the text inside Java archives, (deleted or overwritten ones too: the walker sees each layer whole) for
 * secrets. Files are skipped by path before they are read when the shared path allow-list or their extension says
 * they cannot hold a readable secret; binary content is skipped after the first bytes.
 */
public final class SecretAnalyzer implements Analyzer<SecretHits> {

    public static final String TYPE = "secret";
    /** Text files larger than this are not read for secrets. */
    static final long MAX_FILE = 10L << 20;
    /** Java archives are opened (a key packed into a jar is as leaked as one beside it), up to this size. */
    static final long MAX_ARCHIVE = 64L << 20;
    /** Bytes inflated from one archive at most, nested archives included: a zip bomb stops here. */
    static final long MAX_INFLATED = 256L << 20;
    private static final Set<String> ARCHIVES = Set.of("jar", "war", "ear");

    /** Compiled, compressed or media formats: a secret inside is not text the rules can read. */
    private static final Set<String> BINARY_EXTENSIONS = Set.of("so", "a", "o", "ko", "pyc", "pyo", "class", "jar", "war",
            "ear", "zip", "gz", "tgz", "bz2", "xz", "zst", "lz4", "7z", "rar", "deb", "rpm", "apk", "whl", "egg", "png", "jpg",
            "jpeg", "gif", "ico", "webp", "bmp", "tif", "tiff", "svgz", "woff", "woff2", "ttf", "otf", "eot", "pdf", "mo",
            "mp3", "mp4", "ogg", "wav", "db", "sqlite", "node", "wasm", "dll", "exe", "bin", "dat", "cache", "pak");

    private final SecretScanner scanner;

    public SecretAnalyzer() {
        this(SecretScanner.builtIn());
    }

    public SecretAnalyzer(SecretScanner scanner) {
        this.scanner = scanner;
    }

    /** The built-in rules with a {@code .drydock.yaml}'s {@code secrets:} section applied (custom, allowed, disabled). */
    public static SecretAnalyzer of(SecretConfig config) {
        return config.isEmpty() ? new SecretAnalyzer() : new SecretAnalyzer(new SecretScanner(config.applyTo(SecretRules.builtIn())));
    }

    public SecretScanner scanner() {
        return scanner;
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** The rules file's checksum: a changed rule set re-scans cached layers. */
    @Override
    public int version() {
        return (int) (scanner.rules().checksum() & 0x7fffffff);
    }

    @Override
    public Class<SecretHits> resultType() {
        return SecretHits.class;
    }

    @Override
    public boolean required(String path, FileInfo info) {
        if (!info.isRegular() || info.size() == 0) {
            return false;
        }
        String name = info.name();
        String ext = extension(name);
        if (ARCHIVES.contains(ext)) {
            return info.size() <= MAX_ARCHIVE && scanner.wants(path);
        }
        if (BINARY_EXTENSIONS.contains(ext) || info.size() > MAX_FILE) {
            return false;
        }
        return scanner.wants(path);
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }

    @Override
    public long maxFileSize() {
        return MAX_ARCHIVE;
    }

    @Override
    public SecretHits analyze(AnalysisInput input) throws IOException {
        List<SecretHit> hits;
        if (ARCHIVES.contains(extension(input.info().name()))) {
            hits = new ArrayList<>();
            scanArchive(input.content().readNBytes((int) MAX_ARCHIVE), input.path(), 0, new long[] {MAX_INFLATED}, hits);
        } else {
            hits = scanner.scan(input.path(), input.content().readAllBytes());
        }
        return hits.isEmpty() ? null : new SecretHits(hits);
    }

    /**
     * Scans the text entries of a zip-format archive, and of archives inside it (one level: Spring Boot's
     * {@code BOOT-INF/lib}), each reported as {@code ARCHIVE!/ENTRY} in the hit's {@code entry}. The archive is in
     * memory (bounded by {@link #MAX_ARCHIVE}), so its central directory is read and only the entries worth scanning
     * are inflated: a jar is mostly {@code .class} files, which a streaming read would have to inflate to get past
     * (bench/secrets.sh's profile). An archive without a readable central directory is streamed instead.
     */
    private void scanArchive(byte[] archive, String path, int depth, long[] budget, List<SecretHit> out) throws IOException {
        ZipFile zip;
        try {
            zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(archive)).get();
        } catch (IOException | RuntimeException noCentralDirectory) {
            scanStream(new ByteArrayInputStream(archive), path, depth, budget, out);
            return;
        }
        try (zip) {
            for (ZipArchiveEntry e : Collections.list(zip.getEntriesInPhysicalOrder())) {
                if (budget[0] <= 0) {
                    break;
                }
                if (e.isDirectory() || !zip.canReadEntryData(e) || !wanted(e.getName(), depth)) {
                    continue;
                }
                try (InputStream in = zip.getInputStream(e)) {
                    entry(in, e.getName(), path, depth, budget, out);
                }
            }
        }
    }

    /** The same over the archive's local headers, in order. */
    private void scanStream(InputStream in, String path, int depth, long[] budget, List<SecretHit> out) throws IOException {
        ZipInputStream zip = new ZipInputStream(in);
        ZipEntry e;
        while ((e = zip.getNextEntry()) != null && budget[0] > 0) {
            if (!e.isDirectory() && wanted(e.getName(), depth)) {
                entry(zip, e.getName(), path, depth, budget, out);
            }
        }
    }

    /** Whether an archive entry is text worth scanning or, at the top level, an archive worth opening. */
    private boolean wanted(String entry, int depth) {
        String ext = extension(entry.substring(entry.lastIndexOf('/') + 1));
        boolean nested = ARCHIVES.contains(ext) && depth == 0;
        return (nested || !BINARY_EXTENSIONS.contains(ext)) && scanner.wants(entry);
    }

    private void entry(InputStream in, String entry, String path, int depth, long[] budget, List<SecretHit> out)
            throws IOException {
        boolean nested = ARCHIVES.contains(extension(entry.substring(entry.lastIndexOf('/') + 1))) && depth == 0;
        byte[] bytes = in.readNBytes((int) Math.min(budget[0], nested ? MAX_ARCHIVE : MAX_FILE));
        budget[0] -= bytes.length;
        if (nested) {
            scanArchive(bytes, path + "!/" + entry, depth + 1, budget, out);
            return;
        }
        for (SecretHit h : scanner.scan(entry, bytes)) {
            out.add(new SecretHit(h.rule(), h.line(), h.match(), path + "!/" + entry));
        }
    }
}
