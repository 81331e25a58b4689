package dev.drydock.vulndb;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What {@code drydock db status} shows.
 *
 * @param location      the database file
 * @param sizeBytes     its size
 * @param schemaVersion the schema version it was written with
 * @param builtAt       when it was built
 * @param age           now minus {@code builtAt}
 * @param builtBy       the drydock version that built it
 * @param sources       the feeds in it
 * @param ecosystems    record counts per ecosystem (as the records spell it: {@code AlmaLinux:9})
 * @param kevEntries    CISA KEV catalogue entries
 * @param lastChecked   when {@code db update} last succeeded (it may have found nothing new), or {@code null}
 */
public record DbStatus(Path location, long sizeBytes, int schemaVersion, Instant builtAt, Duration age, String builtBy,
                       List<Source> sources, List<EcosystemCount> ecosystems, long kevEntries, Instant lastChecked) {

    public DbStatus {
        sources = List.copyOf(sources);
        ecosystems = List.copyOf(ecosystems);
    }

    /** One feed: {@code osv:Go} (downloaded), {@code kev}, or {@code import:/path}. */
    public record Source(String name, String kind, String url, String etag, String lastModified, Instant importedAt,
                         long records, long skipped, String detail) {
    }

    public record EcosystemCount(String ecosystem, long advisories, long packages) {
    }

    /** All records (each counted once per source). */
    public long records() {
        return sources.stream().mapToLong(Source::records).sum();
    }
}
