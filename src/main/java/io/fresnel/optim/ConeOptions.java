package io.fresnel.optim;

/**
 * Stopping rules of {@link ConeSolver}.
 *
 * <p>Defaults ({@link #defaults()}): relative gap 1e-9, relative feasibility 1e-9, 100 iterations,
 * no acceptable gap beyond the gap tolerance. The tolerances apply to the internally equilibrated
 * problem (see {@link ConeSolver}).
 *
 * <p>An acceptable gap above the gap tolerance makes the solver remember the best iterate that meets
 * the feasibility tolerance with a relative gap at most that large: the run still aims at the gap
 * tolerance, but when it cannot get there (the residuals are lost to rounding, e.g. an SINR row whose
 * multiplier is of the order of its requirement of 1e5), it ends {@code OPTIMAL} with that iterate and
 * its own (larger) gap instead of at the iteration limit. Either way the result carries a certificate.
 *
 * @param gapTolerance relative duality gap {@code s^T z / max(1, |c^T x|, |dual objective|)} accepted
 *     as optimal; positive
 * @param feasibilityTolerance relative primal and dual residual accepted as feasible, also the
 *     residual an infeasibility certificate must reach; positive
 * @param maxIterations the interior-point iteration limit; at least 1
 * @param acceptableGap relative duality gap at which a feasible iterate is certified optimal when the
 *     run cannot reach {@code gapTolerance}; at least {@code gapTolerance}
 */
public record ConeOptions(double gapTolerance, double feasibilityTolerance, int maxIterations, double acceptableGap) {

    /** Validates the arguments. */
    public ConeOptions {
        if (!(gapTolerance > 0) || !Double.isFinite(gapTolerance)) {
            throw new IllegalArgumentException("gapTolerance must be positive and finite: " + gapTolerance);
        }
        if (!(feasibilityTolerance > 0) || !Double.isFinite(feasibilityTolerance)) {
            throw new IllegalArgumentException(
                    "feasibilityTolerance must be positive and finite: " + feasibilityTolerance);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be at least 1: " + maxIterations);
        }
        if (!(acceptableGap >= gapTolerance) || !Double.isFinite(acceptableGap)) {
            throw new IllegalArgumentException("acceptableGap must be finite and at least the gap tolerance: "
                    + acceptableGap);
        }
    }

    /**
     * Gap 1e-9, feasibility 1e-9, 100 iterations, acceptable gap 1e-9.
     *
     * @return the default options
     */
    public static ConeOptions defaults() {
        return new ConeOptions(1e-9, 1e-9, 100, 1e-9);
    }

    /**
     * @param tolerance the new relative gap tolerance
     * @return a copy with that gap tolerance
     */
    public ConeOptions withGapTolerance(double tolerance) {
        return new ConeOptions(tolerance, feasibilityTolerance, maxIterations, Math.max(tolerance, acceptableGap));
    }

    /**
     * @param tolerance the new relative feasibility tolerance
     * @return a copy with that feasibility tolerance
     */
    public ConeOptions withFeasibilityTolerance(double tolerance) {
        return new ConeOptions(gapTolerance, tolerance, maxIterations, acceptableGap);
    }

    /**
     * @param iterations the new iteration limit
     * @return a copy with that iteration limit
     */
    public ConeOptions withMaxIterations(int iterations) {
        return new ConeOptions(gapTolerance, feasibilityTolerance, iterations, acceptableGap);
    }

    /**
     * @param gap the new acceptable relative gap (at least the gap tolerance)
     * @return a copy with that acceptable gap
     */
    public ConeOptions withAcceptableGap(double gap) {
        return new ConeOptions(gapTolerance, feasibilityTolerance, maxIterations, gap);
    }
}
