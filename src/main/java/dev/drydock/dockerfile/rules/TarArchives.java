package dev.drydock.dockerfile.rules;

import java.util.List;

/**
 * File names of the archives {@code ADD} unpacks: tar files, plain or compressed with gzip, bzip2, xz, lzip, lzma,
 * compress or zstd (BuildKit detects the format from the content; these names are how a Dockerfile reader can tell).
 * A {@code .zip} is not among them: {@code ADD} copies it as is.
 */
final class TarArchives {

    private static final List<String> SUFFIXES = List.of(".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tb2", ".tbz",
            ".tbz2", ".tar.xz", ".txz", ".tar.lz", ".tlz", ".tar.lzma", ".tpz", ".tar.z", ".tz", ".tar.zst", ".tzst");

    private TarArchives() {
    }

    static boolean isArchive(String path) {
        String p = path.toLowerCase(java.util.Locale.ROOT);
        return SUFFIXES.stream().anyMatch(p::endsWith);
    }

    /** The last path component, for {@code /} and Windows {@code \} separators, quotes removed. */
    static String basename(String path) {
        String p = path.replace("\"", "").replace("'", "");
        int cut = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
        return p.substring(cut + 1);
    }
}
