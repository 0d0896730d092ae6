package io.fresnel.optim;

/**
 * Stopping rules of {@link ConeSolver}.
 *
 * <p>Defaults ({@link #defaults()}): relative gap 1e-9, relative feasibility 1e-9, 100 iterations.
 * Both tolerances apply to the internally equilibrated problem (see {@link ConeSolver}).
 *
 * @param gapTolerance relative duality gap {@code s^T z / max(1, |c^T x|, |dual objective|)} accepted
 *     as optimal; positive
 * @param feasibilityTolerance relative primal and dual residual accepted as feasible, also the
 *     residual an infeasibility certificate must reach; positive
 * @param maxIterations the interior-point iteration limit; at least 1
 */
public record ConeOptions(double gapTolerance, double feasibilityTolerance, int maxIterations) {

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
    }

    /**
     * Gap 1e-9, feasibility 1e-9, 100 iterations.
     *
     * @return the default options
     */
    public static ConeOptions defaults() {
        return new ConeOptions(1e-9, 1e-9, 100);
    }

    /**
     * @param tolerance the new relative gap tolerance
     * @return a copy with that gap tolerance
     */
    public ConeOptions withGapTolerance(double tolerance) {
        return new ConeOptions(tolerance, feasibilityTolerance, maxIterations);
    }

    /**
     * @param tolerance the new relative feasibility tolerance
     * @return a copy with that feasibility tolerance
     */
    public ConeOptions withFeasibilityTolerance(double tolerance) {
        return new ConeOptions(gapTolerance, tolerance, maxIterations);
    }

    /**
     * @param iterations the new iteration limit
     * @return a copy with that iteration limit
     */
    public ConeOptions withMaxIterations(int iterations) {
        return new ConeOptions(gapTolerance, feasibilityTolerance, iterations);
    }
}
