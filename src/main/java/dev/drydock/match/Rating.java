package dev.drydock.match;

import dev.drydock.scan.Severity;
import dev.drydock.vulndb.Advisory;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A finding's severity and where it came from. The order of precedence (docs/vulnerabilities.md):
 * <ol>
 *   <li>a CVSS v4.0 vector ({@code cvss_v4}), then a CVSS v3.x vector ({@code cvss_v3}): the newest scoring method
 *       the data offers, base-scored by {@link Cvss};</li>
 *   <li>the source's own rating ({@code source}): GitHub's {@code CRITICAL/HIGH/MODERATE/LOW}, Red Hat's
 *       {@code Critical/Important/Moderate/Low} (AlmaLinux, Rocky), Ubuntu's priority, Debian's urgency, RubySec's
 *       criticality;</li>
 *   <li>a CVSS v2 vector ({@code cvss_v2}), on NVD's v2 scale (no CRITICAL);</li>
 *   <li>listed in CISA KEV but rated by nothing above ({@code kev}): HIGH, since it is being exploited;</li>
 *   <li>else UNKNOWN ({@code none}).</li>
 * </ol>
 * Inside one level, package-level ({@code affected[].severity}) entries come before the record's, and when the records
 * merged into one finding disagree the most severe wins: a finding is never rated lower than any of its sources at the
 * level chosen.
 *
 * @param severity the rating
 * @param source   {@code cvss_v4}, {@code cvss_v3}, {@code source}, {@code cvss_v2}, {@code kev} or {@code none}
 * @param vector   the CVSS vector it came from, or null
 * @param score    that vector's base score, or null
 */
public record Rating(Severity severity, String source, String vector, Double score) {

    static final Rating NONE = new Rating(Severity.UNKNOWN, "none", null, null);

    /** One record's contribution: the record and the affected entries of it that matched the package. */
    record Input(Advisory advisory, List<Advisory.Affected> affected) {
    }

    /** Rates a finding from the records merged into it. */
    static Rating of(List<Input> inputs, boolean knownExploited) {
        for (String level : List.of("cvss_v4", "cvss_v3", "source", "cvss_v2")) {
            Rating best = null;
            for (Input in : inputs) {
                Rating r = at(level, in);
                if (r != null && (best == null || r.severity.compareTo(best.severity) < 0
                        || (r.severity == best.severity && r.score != null && best.score != null && r.score > best.score))) {
                    best = r;
                }
            }
            if (best != null) {
                return best;
            }
        }
        return knownExploited ? new Rating(Severity.HIGH, "kev", null, null) : NONE;
    }

    private static Rating at(String level, Input in) {
        if (level.equals("source")) {
            for (Advisory.Affected a : in.affected()) {
                Rating r = sourceRating(a.sourceSeverity());
                if (r != null) {
                    return r;
                }
                for (Advisory.Severity s : a.severity()) {
                    if (!s.type().startsWith("CVSS")) {
                        r = sourceRating(s.score());
                        if (r != null) {
                            return r;
                        }
                    }
                }
            }
            for (Advisory.Severity s : in.advisory().severity()) {
                if (!s.type().startsWith("CVSS")) {
                    Rating r = sourceRating(s.score());
                    if (r != null) {
                        return r;
                    }
                }
            }
            return sourceRating(in.advisory().sourceSeverity());
        }
        String type = switch (level) {
            case "cvss_v4" -> "CVSS_V4";
            case "cvss_v3" -> "CVSS_V3";
            default -> "CVSS_V2";
        };
        for (Advisory.Affected a : in.affected()) {
            Rating r = vector(level, type, a.severity());
            if (r != null) {
                return r;
            }
        }
        return vector(level, type, in.advisory().severity());
    }

    private static Rating vector(String level, String type, List<Advisory.Severity> severities) {
        for (Advisory.Severity s : severities) {
            if (type.equals(s.type())) {
                Optional<Cvss> c = Cvss.parse(s.score());
                if (c.isPresent()) {
                    return new Rating(c.get().severity(), level, c.get().vector(), c.get().score());
                }
            }
        }
        return null;
    }

    /** A source's word for severity, or null when it is not one (e.g. Debian's "not yet assigned"). */
    static Rating sourceRating(String word) {
        Severity s = word(word);
        return s == null ? null : new Rating(s, "source", null, null);
    }

    static Severity word(String word) {
        if (word == null) {
            return null;
        }
        return switch (word.strip().toLowerCase(Locale.ROOT)) {
            case "critical" -> Severity.CRITICAL;
            case "high", "important" -> Severity.HIGH;
            case "moderate", "medium" -> Severity.MEDIUM;
            case "low", "negligible", "unimportant" -> Severity.LOW;
            default -> null;
        };
    }
}
