package dev.drydock.cli;

import dev.drydock.DrydockException;
import dev.drydock.DrydockException.UsageException;
import dev.drydock.scan.Scanner;
import dev.drydock.scan.Severity;
import dev.drydock.vulndb.DbConfig;
import dev.drydock.vulndb.DbUpdater;
import dev.drydock.vulndb.VulnDb;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * The options {@code drydock image} and {@code drydock fs} share (a picocli mixin): the vulnerability database and
 * its freshness, which scanners run and which severities to report. Policy ({@link PolicyOptions}) and output
 * ({@link ReportOptions}) are mixins of their own.
 */
final class ScanOptions {

    /** A database older than this is updated before a scan (unless --skip-db-update or --offline). */
    static final Duration MAX_DB_AGE = Duration.ofHours(24);


    @Option(names = "--db", paramLabel = "FILE",
            description = "The vulnerability database (default: $DRYDOCK_CACHE_DIR/db/drydock.db, else ~/.cache/drydock/db/drydock.db).")
    Path db;

    @Option(names = "--skip-db-update", description = "Use the database as it is, even when older than 24 hours.")
    boolean skipDbUpdate;

    @Option(names = "--offline", description = "No network at all: no database update, no registry pulls.")
    boolean offline;

    @Option(names = "--scanners", split = ",", paramLabel = "LIST", defaultValue = "vuln,secret,config",
            description = "What to look for: vuln, secret, config (default: ${DEFAULT-VALUE}).")
    List<String> scanners;

    @Option(names = "--severity", split = ",", paramLabel = "LIST",
            description = "Report only these severities: critical, high, medium, low, unknown (default: all).")
    List<String> severities;






    Set<Scanner.Kind> kinds() {
        Set<Scanner.Kind> out = EnumSet.noneOf(Scanner.Kind.class);
        for (String s : scanners) {
            String k = s.strip().toLowerCase(Locale.ROOT);
            switch (k) {
                case "vuln", "vulns", "vulnerability", "vulnerabilities" -> out.add(Scanner.Kind.VULN);
                case "secret", "secrets" -> out.add(Scanner.Kind.SECRET);
                case "config", "misconfig" -> out.add(Scanner.Kind.CONFIG);
                case "" -> { }
                default -> throw new UsageException("--scanners: unknown scanner '" + s + "' (choose vuln, secret, config)");
            }
        }
        return out;
    }

    Set<Severity> severities() {
        Set<Severity> out = EnumSet.noneOf(Severity.class);
        if (severities != null) {
            for (String s : severities) {
                out.add(severity("--severity", s));
            }
        }
        return out;
    }


    private static Severity severity(String option, String s) {
        try {
            return Severity.parse(s);
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + ": " + e.getMessage());
        }
    }

    /** Checks the options that need no I/O; call before any work. */
    void check() {
        kinds();
        severities();
    }

    /**
     * Opens the database when vulnerabilities are asked for; updates it first when it is older than 24 hours (unless
     * --skip-db-update or --offline). With none, or one that cannot be read, the notes say exactly what to do and the
     * scan goes on without vulnerabilities.
     *
     * @param notes receives what the report and stderr should say about the database
     */
    VulnDb openDb(Set<Scanner.Kind> kinds, List<String> notes, PrintStream err, Clock clock) {
        if (!kinds.contains(Scanner.Kind.VULN)) {
            return null;
        }
        Path path = VulnDb.defaultPath(db, System.getenv(), System.getProperty("user.home"));
        if (!VulnDb.exists(path)) {
            notes.add("vulnerabilities not scanned: " + VulnDb.missingMessage(path));
            return null;
        }
        VulnDb opened;
        try {
            opened = VulnDb.open(path, clock);
        } catch (DrydockException e) {
            notes.add("vulnerabilities not scanned: " + e.getMessage());
            return null;
        }
        // since the last successful check: an update that found every feed unchanged counts as fresh
        if (opened.sinceChecked().compareTo(MAX_DB_AGE) <= 0) {
            return opened;
        }
        String age = describe(opened.sinceChecked());
        if (offline || skipDbUpdate) {
            notes.add("the vulnerability database is " + age + " old (built " + opened.builtAt() + ", not checked since);"
                    + " run 'drydock db update' for current advisories");
            return opened;
        }
        opened.close();
        err.println("drydock: the vulnerability database is " + age + " old; updating it (--skip-db-update to scan with it as it is)");
        try {
            DbConfig cfg = DbConfig.load(null, Path.of("").toAbsolutePath());
            new DbUpdater(cfg.osvBaseUrl(), cfg.kevUrl(), DbUpdater.DEFAULT_MAX_DOWNLOAD_BYTES, Duration.ofSeconds(60),
                    Duration.ofSeconds(600), clock, line -> err.println("drydock: " + line))
                    .update(path, cfg.ecosystems());
        } catch (RuntimeException e) {
            notes.add("could not update the vulnerability database (" + e.getMessage() + "); scanned with the one built "
                    + age + " ago");
        }
        try {
            return VulnDb.open(path, clock);
        } catch (DrydockException e) {
            notes.add("vulnerabilities not scanned: " + e.getMessage());
            return null;
        }
    }

    private static String describe(Duration d) {
        long days = d.toDays();
        return days >= 2 ? days + " days" : d.toHours() + " hours";
    }

    /** @param ignoreUnfixed leave out vulnerabilities without a fixed version ({@code --ignore-unfixed}) */
    Scanner.Options scannerOptions(Set<Scanner.Kind> kinds, VulnDb store, List<String> notes, boolean ignoreUnfixed) {
        return new Scanner.Options(kinds, store, severities(), ignoreUnfixed, null, notes, 10);
    }


}
