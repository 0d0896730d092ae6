package io.fresnel.localize;

/**
 * The options of a Monte-Carlo MUSIC localisation run.
 *
 * @param trials echo realisations (1 to 1,000,000; default 100)
 * @param seed the seed of the symbols S and the noise Z (default 1)
 * @param rangeMinM the search region's r_min (m), or null for {@link SearchRegion#of}'s default
 * @param rangeMaxM the search region's r_max (m), or null for the default
 */
public record LocalizeOptions(int trials, long seed, Double rangeMinM, Double rangeMaxM) {
    /** The defaults: 100 trials, seed 1, the default search region. */
    public static final LocalizeOptions DEFAULT = new LocalizeOptions(100, 1, null, null);

    /** Validates the trial count. */
    public LocalizeOptions {
        if (trials < 1 || trials > 1_000_000) {
            throw new IllegalArgumentException("--trials must be from 1 to 1000000 (got " + trials + ")");
        }
    }

    /** @param n trials @return a copy with another trial count */
    public LocalizeOptions withTrials(int n) {
        return new LocalizeOptions(n, seed, rangeMinM, rangeMaxM);
    }

    /** @param s the seed @return a copy with another seed */
    public LocalizeOptions withSeed(long s) {
        return new LocalizeOptions(trials, s, rangeMinM, rangeMaxM);
    }

    /**
     * @param min r_min (m), or null
     * @param max r_max (m), or null
     * @return a copy with another search range
     */
    public LocalizeOptions withRanges(Double min, Double max) {
        return new LocalizeOptions(trials, seed, min, max);
    }
}
