package dev.drydock.bench;

import dev.drydock.vulndb.Advisory;
import dev.drydock.vulndb.VulnDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Looks up 1,000 packages in the vulnerability database, as the matcher does for one image: 800 names that have
 * advisories (drawn at random, fixed seed, from the database's own index) and 200 that have none. One operation is all
 * 1,000 lookups on a freshly opened database (so the result cache is cold, as in a scan); target: under 100 ms.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class VulnDbFindBenchmark {

    @Param("bench/results/vulndb/drydock.db")
    public String db;

    private final List<String[]> packages = new ArrayList<>();
    private VulnDb warm;

    @Setup
    public void load() throws SQLException {
        Path p = Path.of(db);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException(p.toAbsolutePath() + " is absent: run bench/vulndb.sh, which builds it first");
        }
        List<String[]> all = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + p); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT DISTINCT ecosystem, name FROM packages")) {
            while (rs.next()) {
                all.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        Collections.shuffle(all, new Random(42));
        for (int i = 0; i < 1000; i++) {
            String[] x = all.get(i % all.size());
            packages.add(i < 800 ? x : new String[] {x[0], x[1] + "-not-vulnerable"});
        }
        warm = VulnDb.open(p);
    }

    @TearDown
    public void close() {
        warm.close();
    }

    /** Open the database and look up 1,000 packages: one scan's worth of lookups, cache cold. */
    @Benchmark
    public int openAndFind1000(Blackhole bh) {
        int n = 0;
        try (VulnDb v = VulnDb.open(Path.of(db))) {
            for (String[] p : packages) {
                List<Advisory> a = v.find(p[0], p[1]);
                n += a.size();
                bh.consume(a);
            }
        }
        return n;
    }

    /** The same 1,000 lookups again on an open database (all cached): the floor. */
    @Benchmark
    public int cachedFind1000(Blackhole bh) {
        int n = 0;
        for (String[] p : packages) {
            List<Advisory> a = warm.find(p[0], p[1]);
            n += a.size();
            bh.consume(a);
        }
        return n;
    }
}
