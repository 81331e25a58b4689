package dev.drydock.secret;

import dev.drydock.analyzer.AnalysisInput;
import dev.drydock.analyzer.Analyzer;
import dev.drydock.layer.FileInfo;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Scans every regular text file of every layer (deleted or overwritten ones too: the walker sees each layer whole) for
 * secrets. Files are skipped by path before they are read when the shared path allow-list or their extension says
 * they cannot hold a readable secret; binary content is skipped after the first bytes.
 */
public final class SecretAnalyzer implements Analyzer<SecretHits> {

    public static final String TYPE = "secret";
    static final long MAX_FILE = 10L << 20;

    /** Compiled, compressed or media formats: a secret inside is not text the rules can read. */
    private static final Set<String> BINARY_EXTENSIONS = Set.of("so", "a", "o", "ko", "pyc", "pyo", "class", "jar", "war",
            "ear", "zip", "gz", "tgz", "bz2", "xz", "zst", "lz4", "7z", "rar", "deb", "rpm", "apk", "whl", "egg", "png", "jpg",
            "jpeg", "gif", "ico", "webp", "bmp", "tif", "tiff", "svgz", "woff", "woff2", "ttf", "otf", "eot", "pdf", "mo",
            "mp3", "mp4", "ogg", "wav", "db", "sqlite", "node", "wasm", "dll", "exe", "bin", "dat", "cache", "pak");

    private final SecretScanner scanner;

    public SecretAnalyzer() {
        this(new SecretScanner(SecretRules.builtIn()));
    }

    public SecretAnalyzer(SecretScanner scanner) {
        this.scanner = scanner;
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
        int dot = name.lastIndexOf('.');
        if (dot > 0 && BINARY_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT))) {
            return false;
        }
        return scanner.wants(path);
    }

    @Override
    public long maxFileSize() {
        return MAX_FILE;
    }

    @Override
    public SecretHits analyze(AnalysisInput input) throws IOException {
        List<SecretHit> hits = scanner.scan(input.path(), input.content().readAllBytes());
        return hits.isEmpty() ? null : new SecretHits(hits);
    }
}
