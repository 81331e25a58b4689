package dev.drydock.secret;

/**
 * One secret found in one text, before it is placed in an image: the rule, the 1-based line, and the match already
 * {@link Redaction redacted} (the value itself is never kept).
 */
public record SecretHit(String rule, int line, String match) {
}
