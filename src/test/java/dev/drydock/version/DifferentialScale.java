package dev.drydock.version;

/**
 * Knobs for the differential tests: {@code -Ddrydock.diffScale=N} multiplies the number of generated cases,
 * {@code -Ddrydock.diffSeed=N} shifts every seed (the defaults are what CI runs; other seeds explore further).
 */
final class DifferentialScale {

    static final int SCALE = Math.max(1, Integer.getInteger("drydock.diffScale", 1));
    static final long SEED = Long.getLong("drydock.diffSeed", 0L);

    private DifferentialScale() {
    }
}
