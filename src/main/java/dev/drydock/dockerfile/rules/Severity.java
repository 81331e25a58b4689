package dev.drydock.dockerfile.rules;

import java.util.Locale;

/** How bad a finding is, most severe first (Hadolint's levels). */
public enum Severity {
    ERROR, WARNING, INFO, STYLE;

    /** True when this is at least as severe as {@code threshold}. */
    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code error|warning|info|style} (case-insensitive). */
    public static Severity parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown severity '" + s + "' (expected error, warning, info or style)");
        }
    }
}
