package io.fresnel.tradeoff;

/**
 * How a front is traced. Immutable; {@link #defaults(TradeoffKind)} gives the documented defaults.
 *
 * @param coarsePoints levels of the first pass, log-spaced from {@code lo} to {@code hi} (&gt;= 2;
 *     default 6, and 4 for paper 000's fronts, whose RSMA designs take seconds each)
 * @param refinePasses passes after the coarse one; each puts a level (the geometric mean) between
 *     every two neighbours, so n levels become 2n - 1 (&gt;= 0; default 1)
 * @param lo the lowest level (SI, &gt; 0), or null for {@link TradeoffKind#defaultRange}
 * @param hi the highest level (SI, &gt; lo), or null for {@link TradeoffKind#defaultRange}
 * @param tolerance relative slack when points are compared (dominance, the design in force against
 *     the front): a measure must be better by more than this fraction to count (default 1e-4; the
 *     communication measure's scale is floored at 0.01, so that secrecy rates near 0 compare in
 *     absolute terms)
 */
public record TradeoffOptions(int coarsePoints, int refinePasses, Double lo, Double hi, double tolerance) {

    /** Default levels of the coarse pass. */
    public static final int DEFAULT_COARSE_POINTS = 6;
    /** Default levels of the coarse pass of paper 000's fronts. */
    public static final int DEFAULT_COARSE_POINTS_RSMA = 4;
    /** Default refinement passes. */
    public static final int DEFAULT_REFINE_PASSES = 1;
    /** Default relative tolerance of comparisons. */
    public static final double DEFAULT_TOLERANCE = 1e-4;
    /** Most levels a front may have after refinement (a guard against runaway requests). */
    public static final int MAX_POINTS = 257;

    /** Validates the fields; each message names the field. */
    public TradeoffOptions {
        if (coarsePoints < 2) {
            throw new IllegalArgumentException("points must be at least 2 (got " + coarsePoints + ")");
        }
        if (refinePasses < 0) {
            throw new IllegalArgumentException("refine passes must be >= 0 (got " + refinePasses + ")");
        }
        if (totalPoints(coarsePoints, refinePasses) > MAX_POINTS) {
            throw new IllegalArgumentException("points and refine passes give more than " + MAX_POINTS + " levels");
        }
        if (lo != null && (!(lo > 0) || lo.isInfinite())) {
            throw new IllegalArgumentException("the lowest level must be finite and > 0 (got " + lo + ")");
        }
        if (hi != null && (!(hi > 0) || hi.isInfinite())) {
            throw new IllegalArgumentException("the highest level must be finite and > 0 (got " + hi + ")");
        }
        if (lo != null && hi != null && !(hi > lo)) {
            throw new IllegalArgumentException("the highest level must exceed the lowest (got " + lo + " .. " + hi + ")");
        }
        if (!(tolerance >= 0) || tolerance >= 1) {
            throw new IllegalArgumentException("tolerance must be in [0, 1) (got " + tolerance + ")");
        }
    }

    /**
     * @param kind the front
     * @return its defaults: 6 coarse levels (4 for paper 000's), one refinement pass, the kind's
     *     default range, tolerance 1e-4
     */
    public static TradeoffOptions defaults(TradeoffKind kind) {
        boolean rsma = kind == TradeoffKind.SECRECY_VS_RANGE_CRB || kind == TradeoffKind.SECRECY_VS_ANGLE_CRB;
        return new TradeoffOptions(rsma ? DEFAULT_COARSE_POINTS_RSMA : DEFAULT_COARSE_POINTS, DEFAULT_REFINE_PASSES,
                null, null, DEFAULT_TOLERANCE);
    }

    /**
     * @param newLo the lowest level, or null for the default
     * @param newHi the highest level, or null for the default
     * @return a copy with another range
     */
    public TradeoffOptions withRange(Double newLo, Double newHi) {
        return new TradeoffOptions(coarsePoints, refinePasses, newLo, newHi, tolerance);
    }

    /**
     * @param coarse levels of the coarse pass
     * @param passes refinement passes
     * @return a copy with other counts
     */
    public TradeoffOptions withPoints(int coarse, int passes) {
        return new TradeoffOptions(coarse, passes, lo, hi, tolerance);
    }

    /** @return the number of levels after every pass */
    public int totalPoints() {
        return totalPoints(coarsePoints, refinePasses);
    }

    private static int totalPoints(int coarse, int passes) {
        long n = coarse;
        for (int i = 0; i < passes && n <= MAX_POINTS; i++) {
            n = 2 * n - 1;
        }
        return (int) Math.min(n, Integer.MAX_VALUE);
    }
}
