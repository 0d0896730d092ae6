package io.fresnel.optim;

/**
 * The outcome of {@link ConeSolver#solve}.
 *
 * <p>Objectives are in the caller's units. For {@link ConeStatus#INFEASIBLE} both objectives are
 * {@code +Infinity} (a minimisation over an empty set), for {@link ConeStatus#UNBOUNDED} both are
 * {@code -Infinity}, for {@link ConeStatus#CANCELLED} both are NaN. Gap and residuals are the
 * relative measures the tolerances of {@link ConeOptions} are compared with, on the internally
 * equilibrated problem; for an infeasibility verdict the two residuals are those of the
 * certificate (primal for UNBOUNDED, dual for INFEASIBLE).
 *
 * @param status how the run ended; never null
 * @param x the primal solution, length {@code variables()}; null unless OPTIMAL or ITERATION_LIMIT
 *     (then the last iterate). The array is owned by the caller.
 * @param primalObjective c^T x
 * @param dualObjective the dual objective of the last iterate
 * @param iterations interior-point iterations performed
 * @param relativeGap duality gap over max(1, |primal|, |dual|) (scaled problem)
 * @param primalResidual relative primal residual (scaled problem); for ITERATION_LIMIT the larger of
 *     that and the point's relative backward error on the program as given (an {@code OPTIMAL} point
 *     meets the program as given to 1e-6, see {@link ConeSolver})
 * @param dualResidual relative dual residual (scaled problem)
 */
public record ConeResult(ConeStatus status, double[] x, double primalObjective, double dualObjective,
        int iterations, double relativeGap, double primalResidual, double dualResidual) {

    /** Validates the status. */
    public ConeResult {
        if (status == null) {
            throw new IllegalArgumentException("status must not be null");
        }
    }

    /** @return true if the status is {@link ConeStatus#OPTIMAL} */
    public boolean optimal() {
        return status == ConeStatus.OPTIMAL;
    }
}
