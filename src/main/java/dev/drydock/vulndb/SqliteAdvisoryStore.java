package dev.drydock.vulndb;

import dev.drydock.DrydockException.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * {@link AdvisoryStore} over the SQLite database, read-only. Safe for concurrent readers: a fixed pool of connections
 * (one per core, at most four), each with its prepared statements, is opened at once, so lookups run in parallel and
 * every connection reads the same file: a scan keeps a consistent view even if {@code db update} renames a new
 * database into place meanwhile (the pool is reopened if that happened while it was being opened). Results are cached
 * (bounded LRU), since images hold the same source package many times over.
 */
public final class SqliteAdvisoryStore implements AdvisoryStore {

    private static final String FIND = "SELECT a.feed, a.id, a.modified, a.kev, a.data, a.dict, a.pk FROM packages p"
            + " JOIN advisories a ON a.pk = p.advisory WHERE p.ecosystem = ? AND p.name = ? ORDER BY a.pk";
    private static final String BY_ID = "SELECT a.feed, a.id, a.modified, a.kev, a.data, a.dict, a.pk FROM aliases x"
            + " JOIN advisories a ON a.pk = x.advisory WHERE x.alias = ? ORDER BY a.pk";
    private static final int CACHE_ENTRIES = 8192;

    interface SqlFunction<T> {
        T apply(Connection c) throws SQLException;
    }

    private record Conn(Connection c, PreparedStatement find, PreparedStatement byId) {
    }

    private final Path file;
    private final BlockingQueue<Conn> idle;
    private final List<Conn> all = new ArrayList<>();
    private final Map<String, List<Advisory>> cache = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<Advisory>> eldest) {
            return size() > CACHE_ENTRIES;
        }
    });
    /** Decoded records by key: a distribution's advisory names every binary package of its source package, looked up one by one. */
    private final Map<Long, Advisory> records = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Advisory> eldest) {
            return size() > CACHE_ENTRIES;
        }
    });
    /** The compression dictionaries (see {@link AdvisoryCodec}), read once. */
    private final Map<Long, byte[]> dictionaries = new HashMap<>();
    private final Map<String, String> meta;
    private volatile boolean closed;

    /**
     * Opens the file read-only and checks it is a drydock database of this schema version.
     *
     * @throws InputException when it is not (the message says to rebuild it)
     */
    SqliteAdvisoryStore(Path file) throws SQLException {
        this.file = file;
        int n = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        this.idle = new ArrayBlockingQueue<>(n);
        Map<String, String> m = null;
        for (int attempt = 0; attempt < 5 && m == null; attempt++) {
            Object before = fileKey(file);
            for (int i = 0; i < n; i++) {
                all.add(connect(file));
            }
            if (Objects.equals(before, fileKey(file))) {
                m = readMeta(all.get(0).c(), file);
            } else {
                closeAll(); // renamed while opening: start again on the new file
                all.clear();
            }
        }
        if (m == null) {
            throw new InputException(file + ": the vulnerability database keeps being replaced while it is opened; try again");
        }
        meta = m;
        try (Statement s = all.get(0).c().createStatement(); ResultSet rs = s.executeQuery("SELECT id, data FROM dictionaries")) {
            while (rs.next()) {
                dictionaries.put(rs.getLong(1), rs.getBytes(2));
            }
        }
        idle.addAll(all);
    }

    private static Object fileKey(Path file) {
        try {
            return Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    private static Conn connect(Path file) throws SQLException {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setReadOnly(true);
        cfg.setOpenMode(SQLiteOpenMode.NOMUTEX); // one thread at a time uses a connection (the pool sees to it)
        cfg.setBusyTimeout(10_000);
        Connection c = cfg.createConnection("jdbc:sqlite:" + file);
        return new Conn(c, c.prepareStatement(FIND), c.prepareStatement(BY_ID));
    }

    /** A read-only connection for one-off reads of a database file (DbBuild reads the old sources with it). */
    static Connection readOnly(Path file) throws SQLException {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setReadOnly(true);
        return cfg.createConnection("jdbc:sqlite:" + file);
    }

    /** The {@code meta} table, checked: a drydock database of the schema version this drydock reads. */
    static Map<String, String> readMeta(Connection c, Path file) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT key, value FROM meta")) {
            Map<String, String> m = new HashMap<>();
            while (rs.next()) {
                m.put(rs.getString(1), rs.getString(2));
            }
            String v = m.get("schema_version");
            if (v == null || m.get("built_at") == null) {
                throw new InputException(file + ": not a complete drydock vulnerability database (no schema version);"
                        + " rebuild it with 'drydock db update' or 'drydock db import'");
            }
            if (!v.equals(String.valueOf(Schema.VERSION))) {
                throw new InputException(file + ": vulnerability database schema version " + v + ", this drydock reads version "
                        + Schema.VERSION + "; rebuild it with 'drydock db update' or 'drydock db import'");
            }
            return m;
        } catch (SQLException e) {
            throw new InputException(file + ": not a drydock vulnerability database (" + e.getMessage()
                    + "); delete it and run 'drydock db update' or 'drydock db import'", e);
        }
    }

    Map<String, String> meta() {
        return meta;
    }

    @Override
    public List<Advisory> find(String ecosystem, String name) {
        String key = ecosystem + '\0' + name;
        List<Advisory> hit = cache.get(key);
        if (hit != null) {
            return hit;
        }
        List<Advisory> out = query(true, ecosystem, name);
        cache.put(key, out);
        return out;
    }

    /** Every record known by this id, as its own id, an alias, an upstream or a related id ({@code CVE-2021-44228}). */
    public List<Advisory> findById(String id) {
        return query(false, id, null);
    }

    private List<Advisory> query(boolean byPackage, String a, String b) {
        return withConnection(conn -> {
            PreparedStatement ps = byPackage ? conn.find() : conn.byId();
            ps.setString(1, a);
            if (byPackage) {
                ps.setString(2, b);
            }
            // one copy per (feed, id): the same GHSA arrives in several ecosystems' zips; keep the newest
            Map<String, Object[]> rows = new LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String key = rs.getString(1) + '\0' + rs.getString(2);
                    String modified = rs.getString(3);
                    Object[] prev = rows.get(key);
                    if (prev == null || (modified != null && (prev[0] == null || modified.compareTo((String) prev[0]) > 0))) {
                        long pk = rs.getLong(7);
                        Advisory known = records.get(pk);
                        rows.put(key, new Object[] {modified, rs.getInt(4) != 0, known != null ? known : rs.getBytes(5), rs.getLong(6), pk});
                    }
                }
            }
            List<Advisory> out = new ArrayList<>(rows.size());
            for (Object[] r : rows.values()) {
                if (r[2] instanceof Advisory known) {
                    out.add(known);
                } else {
                    Advisory decoded = AdvisoryCodec.decode((byte[]) r[2], dictionaries.get((Long) r[3]), (Boolean) r[1]);
                    records.put((Long) r[4], decoded);
                    out.add(decoded);
                }
            }
            return List.copyOf(out);
        });
    }

    /** Runs {@code f} on a pooled connection (waiting for one if all are busy). */
    <T> T withConnection(SqlQuery<T> f) {
        if (closed) {
            throw new IllegalStateException("the vulnerability database is closed");
        }
        Conn conn;
        try {
            conn = idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a database connection", e);
        }
        try {
            return f.apply(conn);
        } catch (SQLException e) {
            throw new IllegalStateException("vulnerability database " + file + ": lookup failed: " + e.getMessage(), e);
        } finally {
            idle.add(conn);
        }
    }

    /** Runs {@code f} on a pooled connection's plain JDBC connection (for status queries on the same file). */
    <T> T withJdbc(SqlFunction<T> f) {
        return withConnection(conn -> f.apply(conn.c()));
    }

    interface SqlQuery<T> {
        T apply(Conn c) throws SQLException;
    }

    @Override
    public void close() {
        closed = true;
        closeAll();
    }

    private void closeAll() {
        for (Conn c : all) {
            try {
                c.c().close();
            } catch (SQLException e) {
                // read-only: nothing to lose
            }
        }
    }
}
