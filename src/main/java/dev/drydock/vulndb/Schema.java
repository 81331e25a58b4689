package dev.drydock.vulndb;

import java.util.List;

/**
 * The database's tables (documented in docs/vulndb.md). Bump {@link #VERSION} on any change: a database with another
 * version is never read, and {@code db update} rebuilds it from scratch instead of reusing its records.
 */
final class Schema {

    static final int VERSION = 1;

    static final List<String> TABLES = List.of(
            // schema_version, built_at, built_by
            "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
            // one row per feed that went in: a downloaded osv.dev zip (osv:Go), the KEV catalogue (kev), an import path
            "CREATE TABLE sources (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, url TEXT,"
                    + " etag TEXT, last_modified TEXT, imported_at TEXT NOT NULL, records INTEGER NOT NULL,"
                    + " skipped INTEGER NOT NULL, detail TEXT)",
            // preset DEFLATE dictionaries, one per feed of a source (made from its first records; see AdvisoryCodec)
            "CREATE TABLE dictionaries (id INTEGER PRIMARY KEY, source_id INTEGER NOT NULL, feed TEXT NOT NULL, data BLOB NOT NULL)",
            // each record once per source: AdvisoryCodec's compressed JSON (dict: the dictionary it needs); kev = 1 when its id, an alias or a related id is in KEV
            "CREATE TABLE advisories (pk INTEGER PRIMARY KEY, source_id INTEGER NOT NULL REFERENCES sources(id),"
                    + " feed TEXT NOT NULL, id TEXT NOT NULL, modified TEXT, withdrawn TEXT, kev INTEGER NOT NULL DEFAULT 0, dict INTEGER,"
                    + " data BLOB NOT NULL, UNIQUE (source_id, feed, id))",
            // the lookup index: (ecosystem, name) -> advisories; clustered on the key (WITHOUT ROWID)
            "CREATE TABLE packages (ecosystem TEXT NOT NULL, name TEXT NOT NULL, advisory INTEGER NOT NULL,"
                    + " PRIMARY KEY (ecosystem, name, advisory)) WITHOUT ROWID",
            // every id a record is known by: its own (kind id), aliases, upstream, related
            "CREATE TABLE aliases (alias TEXT NOT NULL, advisory INTEGER NOT NULL, kind TEXT NOT NULL,"
                    + " PRIMARY KEY (alias, advisory)) WITHOUT ROWID",
            "CREATE TABLE kev (cve TEXT PRIMARY KEY, vendor TEXT, product TEXT, name TEXT, date_added TEXT,"
                    + " due_date TEXT, ransomware TEXT) WITHOUT ROWID",
            // filled when the database is finished, for db status
            "CREATE TABLE ecosystems (ecosystem TEXT PRIMARY KEY, advisories INTEGER NOT NULL, packages INTEGER NOT NULL) WITHOUT ROWID");

    private Schema() {
    }
}
