package dev.drydock.vulndb;

import java.time.Instant;
import java.util.List;

/**
 * One OSV record as stored in the local database, reduced to what matching and reports use
 * (https://ossf.github.io/osv-schema/). Records from non-OSV feeds (RubySec, FriendsOfPHP) are converted into this
 * shape on import.
 *
 * @param id             the record id ({@code GHSA-…}, {@code CVE-…}, {@code ALSA-…}, {@code GO-…}, {@code RUSTSEC-…})
 * @param aliases        {@code aliases} plus {@code upstream} ids, in source order, possibly empty
 * @param summary        one-line summary, or {@code null}
 * @param details        longer description, or {@code null}
 * @param published      {@code published}, or {@code null}
 * @param modified       {@code modified}, or {@code null}
 * @param withdrawn      {@code withdrawn}, or {@code null} if the record is live
 * @param severity       the record's {@code severity[]} entries ({@code CVSS_V3}, {@code CVSS_V4}, ...)
 * @param sourceSeverity the source's own rating where it gives one instead of, or besides, a vector
 *                       ({@code database_specific.severity}: GitHub {@code HIGH}, AlmaLinux/Red Hat {@code Important},
 *                       RubySec criticality), or {@code null}
 * @param affected       the {@code affected[]} entries
 * @param references     reference URLs (advisory first where the record marks one)
 * @param source         the feed it came from ({@code osv:Go}, {@code osv:AlmaLinux}, {@code rubysec}, {@code friendsofphp})
 * @param knownExploited listed in CISA KEV under this id or one of its aliases
 */
public record Advisory(String id, List<String> aliases, String summary, String details, Instant published,
                       Instant modified, Instant withdrawn, List<Severity> severity, String sourceSeverity,
                       List<Affected> affected, List<String> references, String source, boolean knownExploited) {

    public Advisory {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        severity = severity == null ? List.of() : List.copyOf(severity);
        affected = affected == null ? List.of() : List.copyOf(affected);
        references = references == null ? List.of() : List.copyOf(references);
    }

    /** {@code severity[]}: {@code type} is {@code CVSS_V2}, {@code CVSS_V3}, {@code CVSS_V4} or {@code Ubuntu}; {@code score} the vector or rating. */
    public record Severity(String type, String score) {
    }

    /**
     * One {@code affected[]} entry.
     *
     * @param ecosystem      {@code package.ecosystem} exactly as the record spells it ({@code Debian:12}, {@code npm})
     * @param name           {@code package.name}
     * @param purl           {@code package.purl}, or {@code null}
     * @param ranges         {@code ranges[]}
     * @param versions       the explicit {@code versions[]} list, possibly empty
     * @param severity       per-package {@code severity[]} (OSV allows it here too), possibly empty
     * @param sourceSeverity {@code ecosystem_specific}/{@code database_specific} severity or urgency for this package
     *                       ({@code Important}, {@code not yet assigned}), or {@code null}
     * @param status         a source's explicit status for this package where it gives one ({@code will_not_fix},
     *                       {@code fix_deferred}), or {@code null}
     */
    public record Affected(String ecosystem, String name, String purl, List<Range> ranges, List<String> versions,
                           List<Severity> severity, String sourceSeverity, String status) {
        public Affected {
            ranges = ranges == null ? List.of() : List.copyOf(ranges);
            versions = versions == null ? List.of() : List.copyOf(versions);
            severity = severity == null ? List.of() : List.copyOf(severity);
        }
    }

    /** {@code ranges[]}: {@code type} is {@code ECOSYSTEM}, {@code SEMVER} or {@code GIT}; {@code repo} only for GIT. */
    public record Range(String type, String repo, List<Event> events) {
        public Range {
            events = events == null ? List.of() : List.copyOf(events);
        }
    }

    /** One range event: exactly one of the four fields is set. */
    public record Event(String introduced, String fixed, String lastAffected, String limit) {
    }
}
