package dev.drydock.scan;

import java.util.Locale;

/**
 * The one severity scale of a scan report, most severe first. Vulnerabilities, secrets and image checks use it
 * directly; Dockerfile lint severities map onto it ({@code error} HIGH, {@code warning} MEDIUM, {@code info} LOW,
 * {@code style} LOW). {@code UNKNOWN}: the source gave no rating drydock could read.
 */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW, UNKNOWN;

    /** Whether this is at least as severe as {@code threshold} (UNKNOWN is below LOW). */
    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }

    /** Parses a name case-insensitively ({@code high}, {@code HIGH}); throws IllegalArgumentException naming the choices. */
    public static Severity parse(String s) {
        try {
            return valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown severity '" + s + "' (choose critical, high, medium, low or unknown)");
        }
    }

    public String lower() {
        return name().toLowerCase(Locale.ROOT);
    }
}
