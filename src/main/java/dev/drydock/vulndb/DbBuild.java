package dev.drydock.vulndb;

import dev.drydock.DrydockException.InputException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * How every write to the database happens: under the writers' lock, a new file is built beside the old one
 * ({@code .drydock.db.<random>.tmp} in the same directory), finished and verified, flushed to disk, and renamed over
 * the old one in one atomic step. Any failure before the rename deletes the new file and leaves the old one as it
 * was; readers that have the old file open keep reading it.
 */
final class DbBuild {

    static final String TEMP_PREFIX = ".drydock.db.";

    interface Body<T> {
        /** Fills the writer; returns the result, or {@code null} to abandon the build and keep the old file. */
        T build(DatabaseWriter writer, Map<String, DbStatus.Source> oldSources) throws SQLException, IOException;
    }

    private DbBuild() {
    }

    static <T> T run(Path target, Duration lockTimeout, Runnable onWait, Clock clock, Body<T> body) {
        Path db = target.toAbsolutePath().normalize();
        Path dir = db.getParent();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new InputException(dir + ": cannot create the database directory: " + e.getMessage(), e);
        }
        try (DbLock lock = DbLock.acquire(db, lockTimeout, onWait)) {
            removeStaleTemps(dir);
            Path tmp = dir.resolve(TEMP_PREFIX + UUID.randomUUID() + ".tmp");
            try {
                T result;
                try (DatabaseWriter w = new DatabaseWriter(tmp)) {
                    result = body.build(w, oldSources(db));
                    if (result == null) {
                        return null;
                    }
                    w.finish(clock.instant());
                }
                install(tmp, db);
                return result;
            } catch (SQLException e) {
                throw new InputException(db + ": building the new vulnerability database failed: " + e.getMessage()
                        + "; the existing database is unchanged", e);
            } catch (IOException e) {
                throw new InputException(db + ": " + e.getMessage() + "; the existing database is unchanged", e);
            } finally {
                DatabaseWriter.deleteQuietly(tmp);
            }
        }
    }

    /** The sources of the current database, if it is a readable one of this schema version (else nothing is reused). */
    static Map<String, DbStatus.Source> oldSources(Path db) {
        Map<String, DbStatus.Source> out = new LinkedHashMap<>();
        if (VulnDb.readableVersion(db).isEmpty()) {
            return out;
        }
        try (Connection c = SqliteAdvisoryStore.readOnly(db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name, kind, url, etag, last_modified, imported_at, records, skipped, detail FROM sources ORDER BY id")) {
            while (rs.next()) {
                out.put(rs.getString(1), new DbStatus.Source(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), java.time.Instant.parse(rs.getString(6)), rs.getLong(7), rs.getLong(8), rs.getString(9)));
            }
        } catch (SQLException | RuntimeException e) {
            out.clear(); // unreadable: rebuild from scratch
        }
        return out;
    }

    private static void install(Path tmp, Path db) throws IOException {
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(tmp, db, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel d = FileChannel.open(db.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
            d.force(true); // the rename itself reaches the disk
        } catch (IOException e) {
            // some file systems cannot sync a directory; the rename is still atomic
        }
    }

    /** Files an interrupted earlier build left behind (we hold the lock, so no other build owns them). */
    private static void removeStaleTemps(Path dir) {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, TEMP_PREFIX + "*.tmp")) {
            for (Path p : ds) {
                DatabaseWriter.deleteQuietly(p);
            }
        } catch (IOException e) {
            // nothing to clean
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, DbUpdater.DOWNLOAD_PREFIX + "*")) {
            for (Path p : ds) {
                DatabaseWriter.deleteQuietly(p);
            }
        } catch (IOException e) {
            // nothing to clean
        }
    }
}
