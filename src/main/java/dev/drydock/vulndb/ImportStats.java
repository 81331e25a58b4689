package dev.drydock.vulndb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an import read, stored and skipped (and why). Every file or zip entry looked at is counted once:
 * {@code read == imported + merged + duplicates + kevFiles + skipped()}.
 */
public final class ImportStats {

    private static final int EXAMPLES = 3;

    private long read;
    private long imported;
    private long duplicates;
    private long merged;
    private long kevFiles;
    private long kevEntries;
    private long approximatedRanges;
    private final Map<String, Long> skipped = new TreeMap<>();
    private final Map<String, List<String>> examples = new LinkedHashMap<>();
    private final Map<String, Long> perEcosystem = new TreeMap<>();

    void read() {
        read++;
    }

    void imported(Advisory a) {
        imported++;
        a.affected().stream().map(Advisory.Affected::ecosystem).distinct().forEach(e -> perEcosystem.merge(e, 1L, Long::sum));
    }

    /** A file that added packages to a record already imported (RubySec: one file per gem for the same CVE). */
    void merged(Advisory a) {
        merged++;
        a.affected().stream().map(Advisory.Affected::ecosystem).distinct().forEach(e -> perEcosystem.putIfAbsent(e, 0L));
    }

    void duplicate() {
        duplicates++;
    }

    void kev(int entries) {
        kevFiles++;
        kevEntries += entries;
    }

    void approximated(int n) {
        approximatedRanges += n;
    }

    void skip(String reason, String where) {
        skipped.merge(reason, 1L, Long::sum);
        List<String> ex = examples.computeIfAbsent(reason, k -> new ArrayList<>());
        if (ex.size() < EXAMPLES) {
            ex.add(where);
        }
    }

    void add(ImportStats o) {
        read += o.read;
        imported += o.imported;
        duplicates += o.duplicates;
        merged += o.merged;
        kevFiles += o.kevFiles;
        kevEntries += o.kevEntries;
        approximatedRanges += o.approximatedRanges;
        o.skipped.forEach((k, v) -> skipped.merge(k, v, Long::sum));
        o.examples.forEach((k, v) -> {
            List<String> ex = examples.computeIfAbsent(k, x -> new ArrayList<>());
            for (String s : v) {
                if (ex.size() < EXAMPLES) {
                    ex.add(s);
                }
            }
        });
        o.perEcosystem.forEach((k, v) -> perEcosystem.merge(k, v, Long::sum));
    }

    /** Files and zip entries looked at. */
    public long readCount() {
        return read;
    }

    /** Advisory records stored. */
    public long importedCount() {
        return imported;
    }

    /** Records left out because the same source already had a copy at least as new (same feed and id). */
    public long duplicateCount() {
        return duplicates;
    }

    /** Files whose packages were added to a record with the same id already imported. */
    public long mergedCount() {
        return merged;
    }

    public long kevEntryCount() {
        return kevEntries;
    }

    public long kevFileCount() {
        return kevFiles;
    }

    /** Ranges that start one version early because OSV cannot say "after v" (see docs/vulndb.md). */
    public long approximatedRangeCount() {
        return approximatedRanges;
    }

    public long skippedCount() {
        return skipped.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Reason → count, sorted by reason. */
    public Map<String, Long> skipped() {
        return Map.copyOf(skipped);
    }

    /** Up to three file names per skip reason. */
    public List<String> examples(String reason) {
        return List.copyOf(examples.getOrDefault(reason, List.of()));
    }

    /** Records per ecosystem exactly as the records spell it ({@code AlmaLinux:9}, {@code PyPI}); a record counts once per ecosystem it names. */
    public Map<String, Long> perEcosystem() {
        return new TreeMap<>(perEcosystem);
    }

    /** A short human summary; the lines the CLI prints. */
    public List<String> summary() {
        List<String> out = new ArrayList<>();
        out.add(String.format("read %,d, imported %,d, merged into those %,d, duplicates %,d, KEV entries %,d, skipped %,d",
                read, imported, merged, duplicates, kevEntries, skippedCount()));
        perEcosystem.forEach((e, n) -> out.add(String.format("  %-24s %,9d", e, n)));
        if (approximatedRanges > 0) {
            out.add(String.format("  %,d range(s) start one version early (OSV cannot say \"after v\"; see docs/vulndb.md)", approximatedRanges));
        }
        skipped.forEach((reason, n) -> out.add(String.format("  skipped %,d: %s (e.g. %s)", n, reason, String.join(", ", examples.get(reason)))));
        return out;
    }
}
