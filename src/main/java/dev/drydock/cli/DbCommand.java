package dev.drydock.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drydock.DrydockException.InputException;
import dev.drydock.DrydockException.UsageException;
import dev.drydock.vulndb.DbConfig;
import dev.drydock.vulndb.DbImporter;
import dev.drydock.vulndb.DbStatus;
import dev.drydock.vulndb.DbUpdater;
import dev.drydock.vulndb.ImportStats;
import dev.drydock.vulndb.VulnDb;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code drydock db import|update|status}: the local vulnerability database (docs/vulndb.md). */
@Command(name = "db", mixinStandardHelpOptions = true, description = "Manages the local vulnerability database.",
        subcommands = {DbCommand.Import.class, DbCommand.Update.class, DbCommand.Status.class})
final class DbCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "missing subcommand: try 'drydock db status', 'drydock db update' or 'drydock db import DIR'");
    }

    /** Options every db subcommand has. */
    static class Location {
        @Option(names = "--db", paramLabel = "FILE",
                description = "The database file (default: $DRYDOCK_CACHE_DIR/db/drydock.db, else $XDG_CACHE_HOME/drydock/db/drydock.db"
                        + " or ~/.cache/drydock/db/drydock.db).")
        Path db;

        @Option(names = "--lock-timeout", paramLabel = "SECONDS", defaultValue = "600",
                description = "How long to wait for another drydock writing the database (default: ${DEFAULT-VALUE}).")
        int lockTimeoutSeconds;

        Path path() {
            return VulnDb.defaultPath(db, System.getenv(), System.getProperty("user.home"));
        }

        Duration lockTimeout() {
            if (lockTimeoutSeconds < 0) {
                throw new UsageException("--lock-timeout must not be negative");
            }
            return Duration.ofSeconds(lockTimeoutSeconds);
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Builds the database from local files, for air-gapped use: osv.dev all.zip files, directories of OSV"
                    + " JSON/YAML records, RubySec (gems/<gem>/<id>.yml) and FriendsOfPHP advisories, the CISA KEV JSON.",
                    "Sources already in the database stay unless --fresh; importing a path again replaces what it gave before."})
    static final class Import implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "PATH", description = "Zips, directories or single advisory files.")
        List<Path> paths;

        @Option(names = "--fresh", description = "Start from an empty database instead of keeping the current sources.")
        boolean fresh;

        @picocli.CommandLine.Mixin
        Location location = new Location();

        @Override
        public Integer call() {
            for (Path p : paths) {
                if (!java.nio.file.Files.exists(p)) {
                    throw new InputException(p + ": no such file or directory (give an osv.dev all.zip, a directory of advisories, or one advisory file)");
                }
            }
            Path db = location.path();
            DbImporter.Result r = new DbImporter(Clock.systemUTC(), location.lockTimeout())
                    .run(db, paths, fresh, () -> System.err.println("drydock: waiting for another drydock that is writing " + db));
            PrintStream out = System.out;
            for (Map.Entry<Path, ImportStats> e : r.perPath().entrySet()) {
                out.println(e.getKey() + ":");
                e.getValue().summary().forEach(l -> out.println("  " + l));
            }
            if (r.perPath().size() > 1) {
                out.println("total: " + r.total().summary().get(0));
            }
            out.println("database: " + db + (r.keptSources() > 0 ? " (" + r.keptSources() + " earlier source(s) kept)" : ""));
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true,
            description = {"Downloads osv.dev's advisories (<base-url>/<Ecosystem>/all.zip) and the CISA KEV catalogue with"
                    + " conditional requests: an unchanged feed costs one round trip. The new database is built beside the old and"
                    + " swapped in atomically; a failed update leaves the old one working.",
                    "Ecosystems: --ecosystem, else db.ecosystems in .drydock.yaml, else those downloaded last time, else all that"
                            + " drydock matches."})
    static final class Update implements Callable<Integer> {
        @Option(names = {"-e", "--ecosystem"}, paramLabel = "NAME", split = ",",
                description = "osv.dev ecosystem to download (repeatable or comma-separated; names as osv.dev spells them: Debian, PyPI, crates.io, Red Hat).")
        List<String> ecosystems;

        @Option(names = "--base-url", paramLabel = "URL", description = "osv.dev's bucket or a mirror (default: db.osv-base-url, else "
                + DbUpdater.DEFAULT_BASE_URL + ").")
        String baseUrl;

        @Option(names = "--kev-url", paramLabel = "URL", description = "CISA KEV JSON feed (default: db.kev-url, else CISA's).")
        String kevUrl;

        @Option(names = "--no-kev", description = "Do not download the KEV catalogue.")
        boolean noKev;

        @Option(names = "--max-download-size", paramLabel = "SIZE", converter = LayersCommand.ByteSizeConverter.class,
                defaultValue = "4GiB", description = "Refuse any one download larger than this (default: ${DEFAULT-VALUE}).")
        long maxDownload;

        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
                description = "Connect and response timeout, in seconds (default: ${DEFAULT-VALUE}).")
        int timeoutSeconds;

        @Option(names = "--config", paramLabel = "FILE", description = "Config file (default: .drydock.yaml in the working directory).")
        Path config;

        @picocli.CommandLine.Mixin
        Location location = new Location();

        @Override
        public Integer call() {
            if (timeoutSeconds <= 0) {
                throw new UsageException("--timeout must be at least 1 second");
            }
            if (maxDownload <= 0) {
                throw new UsageException("--max-download-size must be positive");
            }
            DbConfig cfg = DbConfig.load(config, Path.of("").toAbsolutePath());
            String kev = noKev ? null : kevUrl != null ? kevUrl : cfg.kevUrl();
            List<String> ecos = ecosystems != null && !ecosystems.isEmpty() ? ecosystems : cfg.ecosystems();
            Path db = location.path();
            DbUpdater updater = new DbUpdater(baseUrl != null ? baseUrl : cfg.osvBaseUrl(), kev, maxDownload,
                    Duration.ofSeconds(timeoutSeconds), location.lockTimeout(), Clock.systemUTC(),
                    line -> System.err.println("drydock: " + line));
            DbUpdater.Result r = updater.update(db, ecos.stream().map(String::strip).filter(s -> !s.isEmpty()).toList());
            PrintStream out = System.out;
            for (DbUpdater.FeedResult f : r.feeds()) {
                out.printf(Locale.ROOT, "%-24s %-10s %,10d records%s%n", f.source(), f.outcome().name().toLowerCase(Locale.ROOT),
                        f.records(), f.bytes() > 0 ? String.format(Locale.ROOT, "  (%,d bytes)", f.bytes()) : "");
            }
            if (r.rebuilt()) {
                r.imported().summary().forEach(out::println);
                out.println("database: " + db + " (rebuilt)");
            } else {
                out.println("database: " + db + " (unchanged: every feed answered 304 Not Modified)");
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Shows where the database is, its age and schema version, its sources with their dates, and record counts per ecosystem.")
    static final class Status implements Callable<Integer> {
        enum Format { TABLE, JSON }

        @Option(names = {"-f", "--format"}, defaultValue = "table", paramLabel = "FORMAT",
                description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        Format format;

        @picocli.CommandLine.Mixin
        Location location = new Location();

        @Override
        public Integer call() throws IOException {
            Path db = location.path();
            if (!VulnDb.exists(db)) {
                throw new InputException(VulnDb.missingMessage(db));
            }
            DbStatus s;
            try (VulnDb v = VulnDb.open(db)) {
                s = v.status();
            }
            if (format == Format.JSON) {
                System.out.println(json(s));
            } else {
                table(s, System.out);
            }
            System.out.flush();
            return ExitCodes.OK;
        }

        static String json(DbStatus s) throws IOException {
            ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode o = m.createObjectNode();
            o.put("location", s.location().toString());
            o.put("sizeBytes", s.sizeBytes());
            o.put("schemaVersion", s.schemaVersion());
            o.put("builtAt", s.builtAt().toString());
            o.put("ageSeconds", s.age().toSeconds());
            o.put("builtBy", s.builtBy());
            o.put("lastChecked", s.lastChecked() == null ? null : s.lastChecked().toString());
            o.put("records", s.records());
            o.put("kevEntries", s.kevEntries());
            ArrayNode src = o.putArray("sources");
            for (DbStatus.Source x : s.sources()) {
                ObjectNode n = src.addObject();
                n.put("name", x.name());
                n.put("kind", x.kind());
                n.put("url", x.url());
                n.put("etag", x.etag());
                n.put("lastModified", x.lastModified());
                n.put("importedAt", x.importedAt().toString());
                n.put("records", x.records());
                n.put("skipped", x.skipped());
                n.put("detail", x.detail());
            }
            ArrayNode ecos = o.putArray("ecosystems");
            for (DbStatus.EcosystemCount e : s.ecosystems()) {
                ecos.addObject().put("ecosystem", e.ecosystem()).put("advisories", e.advisories()).put("packages", e.packages());
            }
            return m.writeValueAsString(o);
        }

        static void table(DbStatus s, PrintStream out) {
            out.printf(Locale.ROOT, "Database:  %s (%s)%n", s.location(), mb(s.sizeBytes()));
            out.printf(Locale.ROOT, "Schema:    version %d, built by %s%n", s.schemaVersion(), s.builtBy());
            out.printf(Locale.ROOT, "Built:     %s (%s ago)%n", s.builtAt(), age(s.age()));
            if (s.lastChecked() != null) {
                out.printf(Locale.ROOT, "Checked:   %s (last db update; feeds unchanged since the build answer 304)%n", s.lastChecked());
            }
            out.printf(Locale.ROOT, "Records:   %,d; KEV entries: %,d%n", s.records(), s.kevEntries());
            out.println();
            out.printf(Locale.ROOT, "%-40s %-13s %10s %8s  %-20s %s%n", "SOURCE", "KIND", "RECORDS", "SKIPPED", "IMPORTED", "LAST-MODIFIED / ETAG");
            for (DbStatus.Source x : s.sources()) {
                String lm = x.lastModified() != null ? x.lastModified() : x.etag() != null ? x.etag() : x.detail() != null ? x.detail() : "";
                out.printf(Locale.ROOT, "%-40s %-13s %,10d %,8d  %-20s %s%n", x.name(), x.kind(), x.records(), x.skipped(),
                        x.importedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), lm);
            }
            out.println();
            out.printf(Locale.ROOT, "%-28s %10s %10s%n", "ECOSYSTEM", "ADVISORIES", "PACKAGES");
            for (DbStatus.EcosystemCount e : s.ecosystems()) {
                out.printf(Locale.ROOT, "%-28s %,10d %,10d%n", e.ecosystem(), e.advisories(), e.packages());
            }
        }

        private static String mb(long bytes) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
        }

        static String age(Duration d) {
            long m = Math.max(0, d.toMinutes());
            if (m < 60) {
                return m + " min";
            }
            if (m < 48 * 60) {
                return (m / 60) + " h " + (m % 60) + " min";
            }
            return (m / (24 * 60)) + " days";
        }
    }
}
