package dev.drydock.vulndb;

import dev.drydock.Version;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a new database file from scratch (never an existing one: updates build a new file beside the old and rename
 * it). One transaction, no journal (a failed build is simply deleted), batched inserts; {@link #finish()} fills the
 * per-ecosystem counts and KEV flags, then checks the file ({@code integrity_check}, record counts) before it is used.
 */
final class DatabaseWriter implements AutoCloseable {

    private static final int BATCH = 2000;

    private final Path file;
    private final Connection c;
    private final PreparedStatement insAdvisory;
    private final PreparedStatement insPackage;
    private final PreparedStatement insAlias;
    private long nextPk = 1;
    private int pending;
    private long written;
    /** (feed, id) -> (pk, modified) of the source being written, to keep one copy of a record per source. */
    private final Map<String, Object[]> seen = new HashMap<>();
    /** The first records of the current source, held back until its compression dictionary is made from them. */
    private final Map<String, List<Pending>> held = new HashMap<>();
    /** feed -> (dictionary id, dictionary) for the current source. */
    private final Map<String, Object[]> dictionaries = new HashMap<>();
    private long currentSource = -1;
    private static final int DICTIONARY_SAMPLES = 48;

    private record Pending(long pk, long sourceId, Advisory advisory, List<String> related, byte[] json) {
    }

    DatabaseWriter(Path file) throws SQLException {
        this.file = file;
        this.c = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=OFF");
            s.execute("PRAGMA synchronous=OFF");
            s.execute("PRAGMA locking_mode=EXCLUSIVE");
            s.execute("PRAGMA page_size=4096");
            for (String ddl : Schema.TABLES) {
                s.execute(ddl);
            }
        }
        c.setAutoCommit(false);
        insAdvisory = c.prepareStatement("INSERT INTO advisories (pk, source_id, feed, id, modified, withdrawn, data, dict)"
                + " VALUES (?,?,?,?,?,?,?,?)");
        insPackage = c.prepareStatement("INSERT OR IGNORE INTO packages (ecosystem, name, advisory) VALUES (?,?,?)");
        insAlias = c.prepareStatement("INSERT OR IGNORE INTO aliases (alias, advisory, kind) VALUES (?,?,?)");
    }

    Path file() {
        return file;
    }

    /** Starts a source; its records follow with {@link #add}, then {@link #endSource}. */
    long beginSource(String name, String kind, String url, String etag, String lastModified, Instant importedAt) throws SQLException {
        release();
        flush();
        seen.clear();
        dictionaries.clear();
        try (PreparedStatement p = c.prepareStatement("INSERT INTO sources (name, kind, url, etag, last_modified, imported_at,"
                + " records, skipped) VALUES (?,?,?,?,?,?,0,0)", Statement.RETURN_GENERATED_KEYS)) {
            p.setString(1, name);
            p.setString(2, kind);
            p.setString(3, url);
            p.setString(4, etag);
            p.setString(5, lastModified);
            p.setString(6, importedAt.toString());
            p.executeUpdate();
            try (ResultSet rs = p.getGeneratedKeys()) {
                rs.next();
                currentSource = rs.getLong(1);
                return currentSource;
            }
        }
    }

    void endSource(long sourceId, long records, long skipped, String detail) throws SQLException {
        release();
        flush();
        try (PreparedStatement p = c.prepareStatement("UPDATE sources SET records = ?, skipped = ?, detail = ? WHERE id = ?")) {
            p.setLong(1, records);
            p.setLong(2, skipped);
            p.setString(3, detail);
            p.setLong(4, sourceId);
            p.executeUpdate();
        }
    }

    /** Makes the dictionaries of the current source's feeds from the records held back, and writes those records. */
    private void release() throws SQLException {
        for (String feed : List.copyOf(held.keySet())) {
            release(feed);
        }
    }

    private void release(String feed) throws SQLException {
        List<Pending> h = held.remove(feed);
        if (h == null) {
            return;
        }
        byte[] dict = AdvisoryCodec.dictionary(h.stream().map(Pending::json).toList());
        try (PreparedStatement p = c.prepareStatement("INSERT INTO dictionaries (source_id, feed, data) VALUES (?,?,?)",
                Statement.RETURN_GENERATED_KEYS)) {
            p.setLong(1, currentSource);
            p.setString(2, feed);
            p.setBytes(3, dict);
            p.executeUpdate();
            try (ResultSet rs = p.getGeneratedKeys()) {
                rs.next();
                dictionaries.put(feed, new Object[] {rs.getLong(1), dict});
            }
        }
        for (Pending x : h) {
            insert(x.pk(), x.sourceId(), x.advisory(), x.related(), x.json());
        }
    }

    /** What {@link #add} did with a record. */
    enum Added { NEW, DUPLICATE, MERGED }

    /**
     * Adds a record to the current source. A second record with the same feed and id in one source is either a copy
     * (OSV: the same GHSA in two ecosystems' files; the newer is kept, {@link Added#DUPLICATE}) or, for the converted
     * feeds, the same advisory for another package (RubySec has one file per gem and CVE: {@code gems/actionpack/CVE-…}
     * and {@code gems/activesupport/CVE-…}); those are merged into one record with both packages, as OSV would have it.
     */
    Added add(long sourceId, Advisory a, List<String> related) throws SQLException {
        String key = a.source() + '\0' + a.id();
        Object[] prev = seen.get(key);
        String modified = a.modified() == null ? null : a.modified().toString();
        Added result = Added.NEW;
        if (prev != null) {
            Advisory before = (Advisory) prev[2];
            if (before != null) {
                a = merge(before, a);
                result = Added.MERGED;
            } else {
                String prevModified = (String) prev[1];
                if (modified == null || (prevModified != null && prevModified.compareTo(modified) >= 0)) {
                    return Added.DUPLICATE;
                }
                result = Added.DUPLICATE; // a newer copy of a record already written: replace it
            }
            release();
            flush();
            for (String table : List.of("DELETE FROM packages WHERE advisory = ?", "DELETE FROM aliases WHERE advisory = ?",
                    "DELETE FROM advisories WHERE pk = ?")) {
                try (PreparedStatement d = c.prepareStatement(table)) {
                    d.setLong(1, (Long) prev[0]);
                    d.executeUpdate();
                }
            }
            written--;
        }
        long pk = nextPk++;
        // converted feeds are small and may need merging: keep their records; OSV feeds only need the date
        seen.put(key, new Object[] {pk, modified, a.source().startsWith("osv") ? null : a});
        byte[] json = AdvisoryCodec.encode(a);
        written++;
        if (!dictionaries.containsKey(a.source())) {
            List<Pending> h = held.computeIfAbsent(a.source(), k -> new java.util.ArrayList<>());
            h.add(new Pending(pk, sourceId, a, related, json));
            if (h.size() >= DICTIONARY_SAMPLES) {
                release(a.source());
            }
        } else {
            insert(pk, sourceId, a, related, json);
        }
        return result;
    }

    private static Advisory merge(Advisory a, Advisory b) {
        List<String> aliases = new java.util.ArrayList<>(a.aliases());
        b.aliases().stream().filter(x -> !aliases.contains(x)).forEach(aliases::add);
        List<Advisory.Affected> affected = new java.util.ArrayList<>(a.affected());
        b.affected().stream().filter(x -> !affected.contains(x)).forEach(affected::add);
        List<String> refs = new java.util.ArrayList<>(a.references());
        b.references().stream().filter(x -> !refs.contains(x)).forEach(refs::add);
        return new Advisory(a.id(), aliases, a.summary(), a.details(), a.published(), a.modified(), a.withdrawn(), a.severity(),
                a.sourceSeverity() != null ? a.sourceSeverity() : b.sourceSeverity(), affected, refs, a.source(), false);
    }

    private void insert(long pk, long sourceId, Advisory a, List<String> related, byte[] json) throws SQLException {
        insAdvisory.setLong(1, pk);
        insAdvisory.setLong(2, sourceId);
        insAdvisory.setString(3, a.source());
        insAdvisory.setString(4, a.id());
        insAdvisory.setString(5, a.modified() == null ? null : a.modified().toString());
        insAdvisory.setString(6, a.withdrawn() == null ? null : a.withdrawn().toString());
        Object[] dict = dictionaries.get(a.source());
        insAdvisory.setBytes(7, AdvisoryCodec.deflate(json, (byte[]) dict[1]));
        insAdvisory.setLong(8, (Long) dict[0]);
        insAdvisory.addBatch();
        for (Advisory.Affected af : a.affected()) {
            insPackage.setString(1, af.ecosystem());
            insPackage.setString(2, af.name());
            insPackage.setLong(3, pk);
            insPackage.addBatch();
        }
        alias(a.id(), pk, "id");
        for (String al : a.aliases()) {
            alias(al, pk, "alias");
        }
        for (String r : related) {
            alias(r, pk, "related");
        }
        if (++pending >= BATCH) {
            flush();
        }
    }

    private void alias(String alias, long pk, String kind) throws SQLException {
        insAlias.setString(1, alias);
        insAlias.setLong(2, pk);
        insAlias.setString(3, kind);
        insAlias.addBatch();
    }

    private void flush() throws SQLException {
        if (pending > 0) {
            insAdvisory.executeBatch();
            insPackage.executeBatch();
            insAlias.executeBatch();
            pending = 0;
        }
    }

    void addKev(KevCatalog kev) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT OR REPLACE INTO kev VALUES (?,?,?,?,?,?,?)")) {
            for (KevCatalog.Entry e : kev.entries()) {
                p.setString(1, e.cve());
                p.setString(2, e.vendor());
                p.setString(3, e.product());
                p.setString(4, e.name());
                p.setString(5, e.dateAdded());
                p.setString(6, e.dueDate());
                p.setString(7, e.ransomware());
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    /**
     * Copies a source and all its records unchanged from an older database of this schema (an ecosystem whose zip has
     * not changed since). Record keys are shifted past the ones already written; a source's keys are contiguous.
     *
     * @return the number of records copied
     */
    long copySource(Path oldDb, String name) throws SQLException {
        release();
        flush();
        currentSource = -1;
        try (Statement s = c.createStatement()) {
            s.execute("ATTACH DATABASE '" + oldDb.toString().replace("'", "''") + "' AS old");
        }
        try {
            long oldId;
            try (PreparedStatement p = c.prepareStatement("SELECT id FROM old.sources WHERE name = ?")) {
                p.setString(1, name);
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next()) {
                        throw new SQLException("no source " + name + " in " + oldDb);
                    }
                    oldId = rs.getLong(1);
                }
            }
            long newId;
            try (PreparedStatement p = c.prepareStatement("INSERT INTO sources (name, kind, url, etag, last_modified, imported_at,"
                    + " records, skipped, detail) SELECT name, kind, url, etag, last_modified, imported_at, records, skipped, detail"
                    + " FROM old.sources WHERE id = ?", Statement.RETURN_GENERATED_KEYS)) {
                p.setLong(1, oldId);
                p.executeUpdate();
                try (ResultSet rs = p.getGeneratedKeys()) {
                    rs.next();
                    newId = rs.getLong(1);
                }
            }
            long min;
            long max;
            long n;
            try (PreparedStatement p = c.prepareStatement("SELECT min(pk), max(pk), count(*) FROM old.advisories WHERE source_id = ?")) {
                p.setLong(1, oldId);
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    min = rs.getLong(1);
                    max = rs.getLong(2);
                    n = rs.getLong(3);
                }
            }
            if (n == 0) {
                return 0;
            }
            long offset = nextPk - min;
            long dictOffset;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT coalesce(max(id), 0) FROM dictionaries")) {
                rs.next();
                dictOffset = rs.getLong(1);
            }
            exec("INSERT INTO dictionaries (id, source_id, feed, data) SELECT id + ?, ?, feed, data FROM old.dictionaries"
                    + " WHERE source_id = ?", dictOffset, newId, oldId);
            exec("INSERT INTO advisories (pk, source_id, feed, id, modified, withdrawn, data, dict) SELECT pk + ?, ?, feed, id,"
                    + " modified, withdrawn, data, dict + ? FROM old.advisories WHERE source_id = ?", offset, newId, dictOffset, oldId);
            exec("INSERT OR IGNORE INTO packages SELECT ecosystem, name, advisory + ? FROM old.packages WHERE advisory BETWEEN ? AND ?",
                    offset, min, max);
            exec("INSERT OR IGNORE INTO aliases SELECT alias, advisory + ?, kind FROM old.aliases WHERE advisory BETWEEN ? AND ?",
                    offset, min, max);
            nextPk = max + offset + 1;
            written += n;
            return n;
        } finally {
            c.commit();
            try (Statement s = c.createStatement()) {
                s.execute("DETACH DATABASE old");
            }
        }
    }

    /** Copies the KEV table from an older database (the catalogue has not changed since). */
    void copyKev(Path oldDb) throws SQLException {
        flush();
        try (Statement s = c.createStatement()) {
            s.execute("ATTACH DATABASE '" + oldDb.toString().replace("'", "''") + "' AS old");
            s.execute("INSERT OR REPLACE INTO kev SELECT * FROM old.kev");
            c.commit();
            s.execute("DETACH DATABASE old");
        }
    }

    private void exec(String sql, long... args) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                p.setLong(i + 1, args[i]);
            }
            p.executeUpdate();
        }
    }

    long written() {
        return written;
    }

    /** Completes the file: KEV flags, per-ecosystem counts, metadata; then verifies it and closes. */
    void finish(Instant builtAt) throws SQLException {
        release();
        flush();
        try (Statement s = c.createStatement()) {
            s.execute("UPDATE advisories SET kev = 1 WHERE pk IN (SELECT a.advisory FROM aliases a JOIN kev k ON k.cve = a.alias)");
            s.execute("INSERT INTO ecosystems SELECT p.ecosystem, count(DISTINCT a.feed || ' ' || a.id), count(DISTINCT p.name)"
                    + " FROM packages p JOIN advisories a ON a.pk = p.advisory GROUP BY p.ecosystem");
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO meta VALUES (?, ?)")) {
            for (String[] kv : new String[][] {{"schema_version", String.valueOf(Schema.VERSION)}, {"built_at", builtAt.toString()},
                    {"built_by", "drydock " + Version.get()}}) {
                p.setString(1, kv[0]);
                p.setString(2, kv[1]);
                p.executeUpdate();
            }
        }
        c.commit();
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.execute("ANALYZE");
            s.execute("PRAGMA journal_mode=DELETE");
        }
        verify();
        c.close();
    }

    private void verify() throws SQLException {
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                rs.next();
                if (!"ok".equals(rs.getString(1))) {
                    throw new SQLException("integrity check of the new database failed: " + rs.getString(1));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM advisories")) {
                rs.next();
                if (rs.getLong(1) != written) {
                    throw new SQLException("the new database holds " + rs.getLong(1) + " records, " + written + " were written");
                }
            }
        }
    }

    @Override
    public void close() {
        try {
            if (!c.isClosed()) {
                c.close();
            }
        } catch (SQLException e) {
            // closing after a failure: the file is deleted by the caller
        }
    }

    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (java.io.IOException e) {
            // best effort: a stale temp file is cleaned at the next update
        }
    }
}
