package dev.drydock.report;

import dev.drydock.DrydockException;
import dev.drydock.scan.Finding;
import dev.drydock.scan.ScanReport;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What writers need beyond the report: whether to colour, the environment (for {@code SOURCE_DATE_EPOCH}) and a clock.
 *
 * @param color colour the table (the CLI decides: stdout is a terminal and {@code NO_COLOR} is unset)
 * @param env   read for {@code DRYDOCK_SOURCE_DATE_EPOCH} / {@code SOURCE_DATE_EPOCH} and passed to the SBOM writers
 * @param clock the time formats that demand one fall back to
 * @param scanners the scanners that ran, when the caller knows (JUnit writes a passing test case for each that found
 *                 nothing); null to infer them from the report
 */
public record ReportSettings(boolean color, Map<String, String> env, Clock clock, Set<Finding.Kind> scanners) {

    public ReportSettings {
        env = Map.copyOf(env);
        scanners = scanners == null ? null : Set.copyOf(scanners);
        timestampFromEnv(env); // a malformed SOURCE_DATE_EPOCH is a usage error before any scanning
    }

    public static ReportSettings of(Map<String, String> env, Clock clock) {
        return new ReportSettings(false, env, clock, null);
    }

    public ReportSettings withColor(boolean c) {
        return new ReportSettings(c, env, clock, scanners);
    }

    public ReportSettings withScanners(Set<Finding.Kind> s) {
        return new ReportSettings(color, env, clock, s);
    }

    /**
     * The one timestamp of formats that demand one (GitLab's scan times, SPDX's created): {@code SOURCE_DATE_EPOCH}
     * (reproducible-builds.org), else the image's creation time, else the clock; truncated to seconds.
     */
    public Instant timestamp(ScanReport report) {
        Instant fromEnv = timestampFromEnv(env);
        if (fromEnv != null) {
            return fromEnv;
        }
        String created = report.subject() == null ? null : report.subject().created();
        if (created != null && !created.isBlank()) {
            try {
                return OffsetDateTime.parse(created).toInstant().truncatedTo(ChronoUnit.SECONDS);
            } catch (DateTimeParseException e) {
                // the clock below
            }
        }
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private static Instant timestampFromEnv(Map<String, String> env) {
        for (String name : List.of("DRYDOCK_SOURCE_DATE_EPOCH", "SOURCE_DATE_EPOCH")) {
            String v = env.get(name);
            if (v != null && !v.isBlank()) {
                try {
                    return Instant.ofEpochSecond(Long.parseLong(v.strip()));
                } catch (NumberFormatException | java.time.DateTimeException e) {
                    throw new DrydockException.UsageException(name + " must be seconds since 1970-01-01, got '" + v + "'");
                }
            }
        }
        return null;
    }
}
