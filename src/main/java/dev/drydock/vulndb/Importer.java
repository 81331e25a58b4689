package dev.drydock.vulndb;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drydock.DrydockException.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads advisory files into a {@link DatabaseWriter}: OSV JSON and YAML, RubySec and FriendsOfPHP YAML, the CISA KEV
 * catalogue, from directories (walked in name order, symbolic links not followed), single files, or zips (entries
 * read one at a time, each bounded in size and checked against its CRC). The kind of each file is decided by its
 * extension and content, never by where it sits. A record that cannot be used is skipped and counted with its
 * reason; a zip that is truncated or corrupt fails the whole import ({@link InputException}), because half a feed
 * would silently hide vulnerabilities.
 */
final class Importer {

    static final int DEFAULT_MAX_RECORD_BYTES = 32 * 1024 * 1024;

    private final DatabaseWriter writer;
    private final Comparator<String> rubyGems;
    private final int maxRecordBytes;

    /**
     * @param rubyGems RubyGems' version ordering for converting RubySec requirements, or {@code null} when this
     *                 build has none (RubySec records are then skipped with that reason)
     */
    Importer(DatabaseWriter writer, Comparator<String> rubyGems, int maxRecordBytes) {
        this.writer = writer;
        this.rubyGems = rubyGems;
        this.maxRecordBytes = maxRecordBytes;
    }

    /** Imports a directory, a zip or one file into the source {@code sourceId}. */
    ImportStats importPath(long sourceId, Path path, String feed) throws SQLException {
        ImportStats stats = new ImportStats();
        if (Files.isDirectory(path)) {
            List<Path> files;
            try (Stream<Path> s = Files.walk(path)) {
                files = new ArrayList<>(s.filter(Files::isRegularFile).sorted().toList());
            } catch (IOException | java.io.UncheckedIOException e) {
                throw new InputException(path + ": cannot list directory: " + e.getMessage(), e);
            }
            for (Path f : files) {
                if (isZip(f)) {
                    stats.add(importZip(sourceId, f, feed));
                } else {
                    importFile(sourceId, f, path.relativize(f).toString().replace('\\', '/'), feed, stats);
                }
            }
        } else if (Files.isRegularFile(path)) {
            if (isZip(path)) {
                stats.add(importZip(sourceId, path, feed));
            } else {
                importFile(sourceId, path, path.getFileName().toString(), feed, stats);
            }
        } else {
            throw new InputException(path + ": no such file or directory (give an osv.dev all.zip, a directory of advisories, or one advisory file)");
        }
        return stats;
    }

    private static boolean isZip(Path f) {
        return f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    private void importFile(long sourceId, Path f, String name, String feed, ImportStats stats) throws SQLException {
        stats.read();
        if (kind(name) == null) {
            stats.skip("not an advisory file (not .json, .yaml or .yml)", name);
            return;
        }
        byte[] bytes;
        try {
            if (Files.size(f) > maxRecordBytes) {
                stats.skip("larger than " + mib(maxRecordBytes) + " (the limit for one record)", name);
                return;
            }
            try (InputStream in = Files.newInputStream(f)) {
                bytes = in.readNBytes(maxRecordBytes + 1);
            }
        } catch (IOException e) {
            throw new InputException(f + ": cannot read: " + e.getMessage(), e);
        }
        if (bytes.length > maxRecordBytes) {
            stats.skip("larger than " + mib(maxRecordBytes) + " (the limit for one record)", name);
            return;
        }
        record(sourceId, name, bytes, feed, stats);
    }

    /** Imports every entry of a zip; a truncated or corrupt zip is an {@link InputException} naming the file. */
    ImportStats importZip(long sourceId, Path zip, String feed) throws SQLException {
        ImportStats stats = new ImportStats();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = z.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (e.isDirectory()) {
                    continue;
                }
                stats.read();
                String name = e.getName();
                if (kind(name) == null) {
                    stats.skip("not an advisory file (not .json, .yaml or .yml)", name);
                    continue;
                }
                if (e.getSize() > maxRecordBytes) {
                    stats.skip("larger than " + mib(maxRecordBytes) + " (the limit for one record)", name);
                    continue;
                }
                byte[] bytes;
                try (InputStream in = z.getInputStream(e)) {
                    bytes = in.readNBytes(maxRecordBytes + 1);
                }
                if (bytes.length > maxRecordBytes) { // the header lied about the size: a zip bomb, or damage
                    stats.skip("larger than " + mib(maxRecordBytes) + " (the limit for one record)", name);
                    continue;
                }
                CRC32 crc = new CRC32();
                crc.update(bytes);
                if (e.getCrc() != -1 && crc.getValue() != e.getCrc()) {
                    throw new ZipException("entry " + name + " fails its CRC check");
                }
                record(sourceId, name, bytes, feed, stats);
            }
        } catch (ZipException | java.io.EOFException e) {
            throw new InputException(zip + ": not a valid zip (truncated or corrupt: " + e.getMessage()
                    + "); nothing was imported from it, the existing database is unchanged", e);
        } catch (IOException e) {
            throw new InputException(zip + ": cannot read zip: " + e.getMessage(), e);
        }
        return stats;
    }

    private enum Kind { JSON, YAML }

    private static Kind kind(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".json") ? Kind.JSON : n.endsWith(".yaml") || n.endsWith(".yml") ? Kind.YAML : null;
    }

    private void record(long sourceId, String name, byte[] bytes, String feed, ImportStats stats) throws SQLException {
        JsonNode n;
        Kind kind = kind(name);
        try {
            n = kind == Kind.JSON ? RecordParser.json(bytes) : RecordParser.yaml(bytes);
        } catch (RecordParser.ParseException e) {
            stats.skip(kind == Kind.JSON ? "invalid JSON" : "invalid YAML", name + ": " + e.getMessage());
            return;
        }
        if (KevCatalog.looksLikeKev(n)) {
            KevCatalog kev = KevCatalog.parse(n);
            writer.addKev(kev);
            stats.kev(kev.entries().size());
            return;
        }
        if (kind == Kind.YAML && RubySecRecords.looksLikeRubySec(n)) {
            rubySec(sourceId, name, n, stats);
            return;
        }
        if (kind == Kind.YAML && FriendsOfPhpRecords.looksLikeFriendsOfPhp(n)) {
            try {
                FriendsOfPhpRecords.Converted c = FriendsOfPhpRecords.convert(n, name.replaceFirst("^(.*/)?friendsofphp/", ""));
                store(sourceId, c.advisory(), List.of(), stats);
                stats.approximated(c.approximatedRanges());
            } catch (RubySecRecords.UnsupportedException e) {
                stats.skip("FriendsOfPHP advisory that cannot be converted", name + ": " + e.getMessage());
            }
            return;
        }
        if (OsvRecords.looksLikeOsv(n)) {
            Advisory a;
            try {
                a = OsvRecords.toAdvisory(n, feed);
            } catch (IllegalArgumentException e) {
                stats.skip("OSV record without an id", name);
                return;
            }
            store(sourceId, a, OsvRecords.related(n), stats);
            return;
        }
        if (n.isObject() && n.has("id") && !n.has("vulnStatus") && !n.has("$schema")) {
            stats.skip("OSV record without affected, modified or aliases", name);
        } else if (n.isObject() && n.has("$schema")) {
            stats.skip("a JSON schema, not an advisory", name);
        } else if (n.isObject() && n.has("vulnStatus")) {
            stats.skip("an NVD CVE record (not OSV; drydock does not import NVD)", name);
        } else if (n.isObject() && !n.has("id") && (n.has("affected") || n.has("modified"))) {
            stats.skip("OSV record without an id", name);
        } else {
            stats.skip("not an OSV, RubySec, FriendsOfPHP or KEV document", name);
        }
    }

    private void rubySec(long sourceId, String name, JsonNode n, ImportStats stats) throws SQLException {
        if (!n.has("gem")) {
            stats.skip("Ruby interpreter advisory (rubies/): OSV has no ecosystem for Ruby engines", name);
            return;
        }
        if (rubyGems == null) {
            stats.skip("RubySec advisory: this build has no RubyGems version scheme to order its bounds", name);
            return;
        }
        String file = name.substring(name.lastIndexOf('/') + 1);
        String stem = file.replaceFirst("\\.ya?ml$", "");
        try {
            RubySecRecords.Converted c = RubySecRecords.convert(n, stem, rubyGems);
            store(sourceId, c.advisory(), List.of(), stats);
            stats.approximated(c.approximatedRanges());
        } catch (RubySecRecords.UnsupportedException e) {
            stats.skip("RubySec advisory that cannot be converted", name + ": " + e.getMessage());
        }
    }

    private void store(long sourceId, Advisory a, List<String> related, ImportStats stats) throws SQLException {
        switch (writer.add(sourceId, a, related)) {
            case NEW -> stats.imported(a);
            case MERGED -> stats.merged(a);
            case DUPLICATE -> stats.duplicate();
        }
    }

    private static String mib(int bytes) {
        return bytes >= 1024 * 1024 ? (bytes / (1024 * 1024)) + " MiB" : bytes + " bytes";
    }
}
