package dev.drydock.match;

import dev.drydock.vulndb.DbImporter;
import dev.drydock.vulndb.VulnDb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Real databases for tests: small OSV records written by the test, or the shared snapshot, imported by drydock's own
 * importer into a SQLite file, and opened the way {@code drydock image} opens them.
 */
public final class TestVulnDbs {

    private TestVulnDbs() {
    }

    /** Writes each record (file name → JSON) into {@code dir/records} and imports them into {@code dir/drydock.db}. */
    public static VulnDb of(Path dir, Map<String, String> records) throws IOException {
        Path src = Files.createDirectories(dir.resolve("records"));
        for (Map.Entry<String, String> e : records.entrySet()) {
            Files.writeString(src.resolve(e.getKey()), e.getValue());
        }
        return importInto(dir.resolve("drydock.db"), src);
    }

    public static VulnDb importInto(Path db, Path source) {
        new DbImporter(Clock.systemUTC(), Duration.ofSeconds(60)).run(db, List.of(source), true, () -> { });
        return VulnDb.open(db);
    }

    /** {@code ../shared} beside the project, or {@code -Ddrydock.shared}. */
    public static Path shared() {
        String prop = System.getProperty("drydock.shared");
        return prop != null ? Path.of(prop) : Path.of("").toAbsolutePath().getParent().resolve("shared");
    }

    /** The shared snapshot imported once per JVM into a temp file, or null when the snapshot is absent. */
    public static synchronized Path snapshotDb() throws IOException {
        Path snapshot = shared().resolve("vulndb");
        if (!Files.isDirectory(snapshot.resolve("osv"))) {
            return null;
        }
        if (snapshotDb == null) {
            Path dir = Files.createTempDirectory("drydock-snapshot-db");
            Path db = dir.resolve("drydock.db");
            importInto(db, snapshot).close();
            snapshotDb = db;
        }
        return snapshotDb;
    }

    private static Path snapshotDb;

    /** The message tests skip with when the snapshot is absent. */
    public static String snapshotMissing() {
        return "skipped: the advisory snapshot " + shared().resolve("vulndb") + " is absent (set -Ddrydock.shared=DIR)";
    }
}
