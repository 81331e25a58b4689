package dev.drydock.match;

import dev.drydock.scan.Severity;
import java.util.Optional;
import us.springett.cvss.MalformedVectorException;
import us.springett.cvss.Score;

/**
 * A CVSS vector and its base score. Parsing and scoring are us.springett's cvss-calculator (v2, v3.0, v3.1 and v4.0
 * with FIRST's macro-vector lookup table); this class only adds the qualitative rating and turns a bad vector into an
 * empty answer the caller reports.
 *
 * @param vector the vector as the record gave it
 * @param score  the base score, 0.0 to 10.0
 */
public record Cvss(String vector, double score) {

    /** Parses and scores a vector ({@code CVSS:3.1/…}, {@code CVSS:4.0/…}, or a bare v2 vector); empty when malformed. */
    public static Optional<Cvss> parse(String vector) {
        if (vector == null || vector.isBlank()) {
            return Optional.empty();
        }
        Optional<Cvss> known = SCORED.get(vector);
        if (known != null) {
            return known;
        }
        if (SCORED.size() > 50_000) {
            SCORED.clear(); // bounded: a database holds far fewer distinct vectors than this
        }
        Optional<Cvss> c = score(vector);
        SCORED.put(vector, c);
        return c;
    }

    /** Scores are pure functions of the vector, and a scan meets the same few thousand vectors over and over. */
    private static final java.util.concurrent.ConcurrentHashMap<String, Optional<Cvss>> SCORED =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static Optional<Cvss> score(String vector) {
        try {
            us.springett.cvss.Cvss c = us.springett.cvss.Cvss.fromVector(vector.strip());
            if (c == null) {
                return Optional.empty();
            }
            Score s = c.calculateScore();
            double base = s.getBaseScore();
            if (Double.isNaN(base) || base < 0 || base > 10) {
                return Optional.empty();
            }
            return Optional.of(new Cvss(vector.strip(), base));
        } catch (MalformedVectorException | IllegalArgumentException | IllegalStateException
                 | ArrayIndexOutOfBoundsException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /** Whether this is a v2 vector (its rating scale has no CRITICAL). */
    public boolean v2() {
        return !vector.startsWith("CVSS:");
    }

    /**
     * The qualitative rating: v3.x and v4.0 share FIRST's scale (0.1–3.9 low, 4.0–6.9 medium, 7.0–8.9 high, 9.0–10.0
     * critical); v2 has NVD's (0–3.9 low, 4.0–6.9 medium, 7.0–10.0 high). A score of 0.0 is "none": LOW here.
     */
    public Severity severity() {
        if (score >= 9.0 && !v2()) {
            return Severity.CRITICAL;
        }
        if (score >= 7.0) {
            return Severity.HIGH;
        }
        if (score >= 4.0) {
            return Severity.MEDIUM;
        }
        return Severity.LOW;
    }
}
