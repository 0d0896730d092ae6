package io.fresnel.optim;

import java.util.Locale;

/**
 * How a {@link ConeSolver} run ended; {@link BarrierSolver} reuses the constants with the meanings
 * its {@link BarrierSolver.Result} documents (it never reports INFEASIBLE, and its UNBOUNDED is a
 * detected divergence without a checked certificate).
 */
public enum ConeStatus {
    /** Primal and dual feasible within the feasibility tolerance, relative gap within the gap tolerance. */
    OPTIMAL,
    /** Primal infeasible: a dual ray (a Farkas certificate) was found and checked. */
    INFEASIBLE,
    /** Dual infeasible: a primal ray along which the objective decreases without bound was found and checked. */
    UNBOUNDED,
    /** The iteration limit was reached or the iterates stalled before the tolerances were met. */
    ITERATION_LIMIT,
    /** The caller's cancellation flag was raised. */
    CANCELLED;

    /**
     * The status as written in JSON files: the lower-case constant name ({@code "iteration_limit"}).
     *
     * @return never null
     */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
