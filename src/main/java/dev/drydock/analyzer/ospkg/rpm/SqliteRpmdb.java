package dev.drydock.analyzer.ospkg.rpm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteConfig;

/**
 * {@code rpmdb.sqlite}: table {@code Packages(hnum INTEGER PRIMARY KEY, blob BLOB)} holds one header per row (rpm's
 * {@code lib/backend/sqlite.c}). SQLite can only open a file, not a stream, so the bounded bytes are copied to a
 * private temporary file (owner-only permissions), opened read-only and immutable, and deleted afterwards: the one
 * exception to "nothing is extracted to disk", limited to this database and its size bound. A {@code -wal} file beside
 * the database is not seen (images are built with rpm closed, which checkpoints it).
 */
final class SqliteRpmdb {

    private SqliteRpmdb() {
    }

    static RpmAnalyzer.Blobs read(InputStream content, String path) throws IOException {
        Path tmp = Files.createTempFile("drydock-rpmdb-", ".sqlite",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.copy(content, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return query(tmp, path);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static RpmAnalyzer.Blobs query(Path db, String path) {
        List<byte[]> headers = new ArrayList<>();
        List<String> diagnostics = new ArrayList<>();
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(org.sqlite.SQLiteOpenMode.READONLY);
        // immutable: no locking, no journal or WAL files created beside the copy
        String url = "jdbc:sqlite:file:" + db.toAbsolutePath() + "?immutable=1";
        try (Connection c = DriverManager.getConnection(url, config.toProperties());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT hnum, blob FROM Packages ORDER BY hnum")) {
            while (rs.next()) {
                byte[] blob = rs.getBytes(2);
                if (blob == null) {
                    diagnostics.add("/" + path + ": row " + rs.getLong(1) + " has no header blob");
                } else {
                    headers.add(blob);
                }
            }
        } catch (SQLException e) {
            diagnostics.add("/" + path + ": not a readable rpm SQLite database: " + e.getMessage());
        }
        return new RpmAnalyzer.Blobs(headers, diagnostics);
    }
}
