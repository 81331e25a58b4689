package dev.drydock.secret;

/** How bad a leaked secret is, most severe first. */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW;

    /** Whether this is at least as severe as {@code threshold}. */
    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }
}
