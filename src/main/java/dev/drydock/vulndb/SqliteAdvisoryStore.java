package dev.drydock.vulndb;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * {@link AdvisoryStore} over the SQLite database, read-only. Safe for concurrent readers: each thread borrows a
 * connection (with its prepared statements) from a small pool, so lookups run in parallel; results are cached
 * (bounded LRU), since images hold the same source package many times over. A scan that opened the database keeps
 * reading the file it opened even if {@code db update} renames a new one into place meanwhile.
 */
public final class SqliteAdvisoryStore implements AdvisoryStore {

    private static final String FIND = "SELECT a.feed, a.id, a.modified, a.kev, a.data, a.dict FROM packages p"
            + " JOIN advisories a ON a.pk = p.advisory WHERE p.ecosystem = ? AND p.name = ? ORDER BY a.pk";
    private static final String BY_ID = "SELECT a.feed, a.id, a.modified, a.kev, a.data, a.dict FROM aliases x"
            + " JOIN advisories a ON a.pk = x.advisory WHERE x.alias = ? ORDER BY a.pk";
    private static final int CACHE_ENTRIES = 8192;

    private final Path file;
    private final ConcurrentLinkedDeque<Conn> idle = new ConcurrentLinkedDeque<>();
    private final List<Conn> all = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, List<Advisory>> cache = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<Advisory>> eldest) {
            return size() > CACHE_ENTRIES;
        }
    });
    private volatile boolean closed;
    /** The compression dictionaries (see {@link AdvisoryCodec}), read once. */
    private final Map<Long, byte[]> dictionaries = new java.util.HashMap<>();

    private record Conn(Connection c, PreparedStatement find, PreparedStatement byId) {
    }

    /** Opens the file read-only; the caller has checked that it exists and has this schema version ({@link VulnDb#open}). */
    SqliteAdvisoryStore(Path file) throws SQLException {
        this.file = file;
        Conn first = connect(); // fail now, not at the first lookup
        try (java.sql.Statement s = first.c().createStatement();
             ResultSet rs = s.executeQuery("SELECT id, data FROM dictionaries")) {
            while (rs.next()) {
                dictionaries.put(rs.getLong(1), rs.getBytes(2));
            }
        }
        idle.push(first);
    }

    private Conn connect() throws SQLException {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setReadOnly(true);
        cfg.setOpenMode(SQLiteOpenMode.NOMUTEX);
        cfg.setBusyTimeout(10_000);
        Connection c = cfg.createConnection("jdbc:sqlite:" + file);
        Conn conn = new Conn(c, c.prepareStatement(FIND), c.prepareStatement(BY_ID));
        all.add(conn);
        return conn;
    }

    static Connection readOnly(Path file) throws SQLException {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setReadOnly(true);
        return cfg.createConnection("jdbc:sqlite:" + file);
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
        if (closed) {
            throw new IllegalStateException("the vulnerability database is closed");
        }
        Conn conn = idle.poll();
        try {
            if (conn == null) {
                conn = connect();
            }
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
                        rows.put(key, new Object[] {modified, rs.getInt(4) != 0, rs.getBytes(5), rs.getLong(6)});
                    }
                }
            }
            List<Advisory> out = new ArrayList<>(rows.size());
            for (Object[] r : rows.values()) {
                out.add(AdvisoryCodec.decode((byte[]) r[2], dictionaries.get((Long) r[3]), (Boolean) r[1]));
            }
            return List.copyOf(out);
        } catch (SQLException e) {
            throw new IllegalStateException("vulnerability database " + file + ": lookup failed: " + e.getMessage(), e);
        } finally {
            if (conn != null) {
                if (closed) {
                    closeQuietly(conn);
                } else {
                    idle.push(conn);
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        synchronized (all) {
            for (Conn c : all) {
                closeQuietly(c);
            }
        }
    }

    private static void closeQuietly(Conn c) {
        try {
            c.c().close();
        } catch (SQLException e) {
            // read-only: nothing to lose
        }
    }
}
