package dev.drydock.vulndb;

import dev.drydock.DrydockException.InputException;
import dev.drydock.analyzer.LayerCache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The local vulnerability database: where it lives, opening it for lookups, and its freshness. Building it is
 * {@link DbImporter}'s and {@link DbUpdater}'s job; the file format is documented in docs/vulndb.md.
 */
public final class VulnDb implements AdvisoryStore {

    /** The file name under the cache directory. */
    static final String FILE = "drydock.db";

    private final Path path;
    private final Clock clock;
    private final Instant builtAt;
    private final SqliteAdvisoryStore store;

    private VulnDb(Path path, Clock clock, Instant builtAt, SqliteAdvisoryStore store) {
        this.path = path;
        this.clock = clock;
        this.builtAt = builtAt;
        this.store = store;
    }

    /**
     * {@code --db} when given; else {@code $DRYDOCK_CACHE_DIR/db/drydock.db}; else the cache directory the layer cache
     * uses ({@code $XDG_CACHE_HOME/drydock} or {@code ~/.cache/drydock}) {@code /db/drydock.db}.
     */
    public static Path defaultPath(Path option, Map<String, String> env, String userHome) {
        if (option != null) {
            return option;
        }
        String dir = env.get("DRYDOCK_CACHE_DIR");
        Path cache = dir != null && !dir.isBlank() ? Path.of(dir) : LayerCache.defaultDir(null, env, userHome);
        return cache.resolve("db").resolve(FILE);
    }

    /** The one message for "there is no database": what to run to get one. */
    public static String missingMessage(Path path) {
        return "no vulnerability database at " + path + ". Get one with 'drydock db update' (downloads osv.dev's"
                + " advisories), or offline with 'drydock db import DIR|ZIP...' (an osv.dev all.zip or a directory of"
                + " OSV, RubySec or FriendsOfPHP advisories)" + (path.getFileName().toString().equals(FILE) ? "" : "; add --db " + path);
    }

    public static VulnDb open(Path path) {
        return open(path, Clock.systemUTC());
    }

    /**
     * Opens the database read-only for lookups.
     *
     * @throws InputException when there is none (the message says how to get one), or it was written by a drydock with
     *                        another schema version, or it is not a drydock database
     */
    public static VulnDb open(Path path, Clock clock) {
        if (!Files.isRegularFile(path)) {
            throw new InputException(missingMessage(path));
        }
        try {
            SqliteAdvisoryStore store = new SqliteAdvisoryStore(path);
            return new VulnDb(path, clock, Instant.parse(store.meta().get("built_at")), store);
        } catch (SQLException e) {
            throw new InputException(path + ": not a drydock vulnerability database (" + e.getMessage()
                    + "); delete it and run 'drydock db update' or 'drydock db import'", e);
        }
    }

    /** Whether a database exists there at all. */
    public static boolean exists(Path path) {
        return Files.isRegularFile(path);
    }

    /** The metadata of the database, checked for the schema version this drydock reads. */
    static Map<String, String> meta(Path path) {
        try (Connection c = SqliteAdvisoryStore.readOnly(path)) {
            return SqliteAdvisoryStore.readMeta(c, path);
        } catch (SQLException e) {
            throw new InputException(path + ": not a drydock vulnerability database (" + e.getMessage()
                    + "); delete it and run 'drydock db update' or 'drydock db import'", e);
        }
    }

    /** The schema version of a database file, if it is a readable drydock database of this version; used to decide whether to reuse it. */
    static Optional<Integer> readableVersion(Path path) {
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        try {
            meta(path);
            return Optional.of(Schema.VERSION);
        } catch (InputException e) {
            return Optional.empty();
        }
    }

    public Path path() {
        return path;
    }

    public Instant builtAt() {
        return builtAt;
    }

    /** How old the database is: now minus the time it was built. */
    public Duration age() {
        return Duration.between(builtAt, clock.instant());
    }

    /**
     * Time since the data was last known current: since the last successful {@code db update} (which leaves the file
     * alone when every feed answers 304, and notes the check in {@code drydock.db.checked}), or since the build.
     * This is what "update when older than 24 h" should look at, so an unchanged feed is not asked again every scan.
     */
    public Duration sinceChecked() {
        Instant last = lastCheck(path).filter(t -> t.isAfter(builtAt)).orElse(builtAt);
        return Duration.between(last, clock.instant());
    }

    /** When {@code db update} last succeeded for this database, if it ever did. */
    public static Optional<Instant> lastCheck(Path db) {
        try {
            return Optional.of(Instant.parse(Files.readString(checkFile(db)).strip()));
        } catch (IOException | java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static void recordCheck(Path db, Instant at) {
        Path f = checkFile(db);
        try {
            Path tmp = Files.createTempFile(f.getParent(), ".drydock.checked.", ".tmp");
            Files.writeString(tmp, at.toString() + "\n");
            Files.move(tmp, f, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // only an optimisation: the next scan checks again
        }
    }

    private static Path checkFile(Path db) {
        Path abs = db.toAbsolutePath().normalize();
        return abs.resolveSibling(abs.getFileName() + ".checked");
    }

    @Override
    public List<Advisory> find(String ecosystem, String name) {
        return store.find(ecosystem, name);
    }

    /** Every record known by this id (its own, an alias, upstream or related id). */
    public List<Advisory> findById(String id) {
        return store.findById(id);
    }

    /** What {@code drydock db status} prints (read from the same file the lookups use). */
    public DbStatus status() {
        long size;
        try {
            size = Files.size(path);
        } catch (IOException e) {
            size = -1; // replaced meanwhile; the rest still describes the file this handle reads
        }
        long fileSize = size;
        return store.withJdbc(c -> {
            Map<String, String> meta = store.meta();
            List<DbStatus.Source> sources = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT name, kind, url, etag, last_modified,"
                    + " imported_at, records, skipped, detail FROM sources ORDER BY name")) {
                while (rs.next()) {
                    sources.add(new DbStatus.Source(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), Instant.parse(rs.getString(6)), rs.getLong(7), rs.getLong(8), rs.getString(9)));
                }
            }
            List<DbStatus.EcosystemCount> ecos = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT ecosystem, advisories, packages FROM ecosystems ORDER BY ecosystem")) {
                while (rs.next()) {
                    ecos.add(new DbStatus.EcosystemCount(rs.getString(1), rs.getLong(2), rs.getLong(3)));
                }
            }
            long kev;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM kev")) {
                rs.next();
                kev = rs.getLong(1);
            }
            return new DbStatus(path, fileSize, Integer.parseInt(meta.get("schema_version")), builtAt, age(),
                    meta.get("built_by"), sources, ecos, kev, lastCheck(path).orElse(null));
        });
    }

    @Override
    public void close() {
        store.close();
    }
}
