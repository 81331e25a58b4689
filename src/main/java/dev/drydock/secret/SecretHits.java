package dev.drydock.secret;

import java.util.List;

/** What the {@link SecretAnalyzer} found in one file (cached per layer as JSON; holds only redacted matches). */
public record SecretHits(List<SecretHit> hits) {
    public SecretHits {
        hits = hits == null ? List.of() : List.copyOf(hits);
    }
}
