package dev.drydock.secret;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One secret found in one text, before it is placed in an image: the rule, the 1-based line, and the match already
 * {@link Redaction redacted} (the value itself is never kept).
 *
 * @param entry for a file inside an archive, {@code ARCHIVE!/ENTRY}; null otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SecretHit(String rule, int line, String match, String entry) {

    public SecretHit(String rule, int line, String match) {
        this(rule, line, match, null);
    }
}
