package dev.drydock.vulndb;

import dev.drydock.version.VersionSchemes;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code drydock db import PATH...}: builds a new database from local files (air-gapped use). Each path becomes one
 * source named {@code import:<absolute path>}; sources already in the database under other names (earlier imports,
 * downloaded ecosystems, KEV) are kept unless {@code fresh}, and importing the same path again replaces it.
 */
public final class DbImporter {

    /** What one import did: the counts per path and in total. */
    public record Result(Map<Path, ImportStats> perPath, ImportStats total, long keptSources) {
    }

    private final Clock clock;
    private final Duration lockTimeout;
    private final Comparator<String> rubyGems;
    private final int maxRecordBytes;

    public DbImporter(Clock clock, Duration lockTimeout) {
        this(clock, lockTimeout, defaultRubyGems(), Importer.DEFAULT_MAX_RECORD_BYTES);
    }

    DbImporter(Clock clock, Duration lockTimeout, Comparator<String> rubyGems, int maxRecordBytes) {
        this.clock = clock;
        this.lockTimeout = lockTimeout;
        this.rubyGems = rubyGems;
        this.maxRecordBytes = maxRecordBytes;
    }

    /** RubyGems' ordering from the version scheme registry, or {@code null} when this build has none. */
    static Comparator<String> defaultRubyGems() {
        return VersionSchemes.forEcosystem("RubyGems").map(s -> (Comparator<String>) s::compare).orElse(null);
    }

    public Result run(Path db, List<Path> inputs, boolean fresh, Runnable onWait) {
        return DbBuild.run(db, lockTimeout, onWait, clock, (w, old) -> {
            Set<String> names = inputs.stream().map(DbImporter::sourceName).collect(Collectors.toSet());
            long kept = 0;
            if (!fresh) {
                for (String name : old.keySet()) {
                    if (!names.contains(name)) {
                        w.copySource(db, name);
                        kept++;
                    }
                }
                if (!old.isEmpty()) {
                    w.copyKev(db);
                }
            }
            Importer importer = new Importer(w, rubyGems, maxRecordBytes);
            Map<Path, ImportStats> per = new LinkedHashMap<>();
            ImportStats total = new ImportStats();
            for (Path p : new ArrayList<>(inputs)) {
                long sid = w.beginSource(sourceName(p), "import", p.toAbsolutePath().normalize().toUri().toString(), null, null, clock.instant());
                ImportStats s = importer.importPath(sid, p, null);
                w.endSource(sid, s.importedCount(), s.skippedCount(), s.kevEntryCount() > 0 ? "KEV entries: " + s.kevEntryCount() : null);
                per.put(p, s);
                total.add(s);
            }
            return new Result(per, total, kept);
        });
    }

    static String sourceName(Path p) {
        return "import:" + p.toAbsolutePath().normalize();
    }
}
