package dev.drydock.bench;

import dev.drydock.analyzer.Package;
import dev.drydock.match.VulnerabilityMatcher;
import dev.drydock.vulndb.DbImporter;
import dev.drydock.vulndb.VulnDb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Matches 1,000 packages against the whole imported snapshot (../shared/vulndb, every ecosystem it has): one
 * operation is the 1,000 packages, so the score is milliseconds per 1,000 (target: under 100 ms).
 *
 * <p>Every package is one the database has advisories for (the worst case: an image's packages mostly have none),
 * spread over all ecosystems, each at a low version so that most of its advisories apply and are decided, merged and
 * rated. {@code cold} opens the database afresh for each operation (no lookup cached: SQLite reads, record
 * decompression, range evaluation); {@code warm} reuses one open database, as a second scan in one process would.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MatchBenchmark {

    @Param("../shared/vulndb")
    public String snapshot;

    @Param("1000")
    public int packages;

    private Path db;
    private final List<Package> pkgs = new ArrayList<>();
    private VulnDb warmDb;
    private VulnDb coldDb;

    @Setup(Level.Trial)
    public void build() throws IOException, SQLException {
        Path src = Path.of(snapshot);
        if (!Files.isDirectory(src)) {
            throw new IllegalStateException(src.toAbsolutePath() + " is absent: the match benchmark needs ../shared");
        }
        Path dir = Files.createTempDirectory("drydock-match-bench");
        db = dir.resolve("drydock.db");
        new DbImporter(Clock.systemUTC(), Duration.ofMinutes(5)).run(db, List.of(src), true, () -> { });
        List<String[]> names = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT DISTINCT ecosystem, name FROM packages")) {
            while (rs.next()) {
                names.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        // a fixed, well-mixed choice: every k-th name in hash order
        names.sort(Comparator.comparingInt((String[] n) -> (n[0] + "/" + n[1]).hashCode()).thenComparing(n -> n[0] + "/" + n[1]));
        int step = Math.max(1, names.size() / packages);
        for (int i = 0; i < names.size() && pkgs.size() < packages; i += step) {
            String eco = names.get(i)[0];
            String name = names.get(i)[1];
            pkgs.add(new Package(eco, name, version(eco), null, null, null, null, List.of(), "bench", null, false,
                    List.of(), List.of()));
        }
        warmDb = VulnDb.open(db);
        System.out.println();
        System.out.println("database: " + db + ", " + names.size() + " (ecosystem, name) pairs; matching " + pkgs.size()
                + " packages; findings per operation: " + new VulnerabilityMatcher(warmDb).match(pkgs, null, List.of()).findings().size());
    }

    static String version(String ecosystem) {
        String base = ecosystem.contains(":") ? ecosystem.substring(0, ecosystem.indexOf(':')) : ecosystem;
        return switch (base) {
            case "AlmaLinux", "Rocky Linux", "Red Hat" -> "1.0-1.el9";
            case "Ubuntu", "Debian" -> "1.0-1";
            case "PyPI" -> "1.0";
            case "Go" -> "v1.0.0";
            default -> "1.0.0";
        };
    }

    @Setup(Level.Invocation)
    public void openCold() {
        coldDb = VulnDb.open(db);
    }

    @TearDown(Level.Invocation)
    public void closeCold() {
        coldDb.close();
    }

    @TearDown(Level.Trial)
    public void close() {
        warmDb.close();
    }

    @Benchmark
    public VulnerabilityMatcher.Result cold() {
        return new VulnerabilityMatcher(coldDb).match(pkgs, null, List.of());
    }

    @Benchmark
    public VulnerabilityMatcher.Result warm() {
        return new VulnerabilityMatcher(warmDb).match(pkgs, null, List.of());
    }
}
