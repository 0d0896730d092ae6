package io.fresnel.optim;

import java.util.function.BooleanSupplier;

/**
 * A primal-dual interior-point solver for {@link ConeProgram}s over the product of the
 * nonnegative orthant and real symmetric PSD cones.
 *
 * <p>Method: the homogeneous self-dual embedding of the primal-dual pair
 *
 * <pre>
 *   minimise c^T x  s.t. G x + s = h, A x = b, s &gt;= 0;   maximise -h^T z - b^T y  s.t. G^T z + A^T y + c = 0, z &gt;= 0
 * </pre>
 *
 * solved by a Mehrotra predictor-corrector path-following method with Nesterov-Todd scaling, as
 * described in L. Vandenberghe, "The CVXOPT linear and quadratic cone program solvers" (2010),
 * sec. 7 (the conelp algorithm), written afresh here. The embedding finds either an optimal pair or
 * a certificate of primal or dual infeasibility, without a phase one. The search directions come
 * from the normal equations (see {@link KktSolver}).
 *
 * <p>The data are first equilibrated (variable, row and block-index scalings, right-hand side and
 * objective normalised), so coefficients spanning many decades are handled; the tolerances of
 * {@link ConeOptions} apply to the equilibrated problem. The returned point is then checked on the
 * program as given ({@link #checked}): {@code OPTIMAL} also means that every constraint holds at it
 * to a relative backward error of {@link OriginalResiduals#TOLERANCE}.
 *
 * <p>Stateless and thread-safe; one solve uses one thread.
 */
public final class ConeSolver {
    private ConeSolver() {
    }

    /**
     * Solves a cone program.
     *
     * @param p the program; not modified
     * @param o stopping rules; null for {@link ConeOptions#defaults()}
     * @param cancelled polled once per iteration; null for never
     * @return the result; never null
     */
    public static ConeResult solve(ConeProgram p, ConeOptions o, BooleanSupplier cancelled) {
        return solve(p, o, cancelled, false);
    }

    /**
     * {@link #solve(ConeProgram, ConeOptions, BooleanSupplier)} with the test seam {@link
     * ConicData#sparseFormulaForEveryVariable} of this one solve.
     *
     * @param p the program; not modified
     * @param o stopping rules; null for {@link ConeOptions#defaults()}
     * @param cancelled polled once per iteration; null for never
     * @param sparseFormulaForEveryVariable false in the product
     * @return the result; never null
     */
    static ConeResult solve(ConeProgram p, ConeOptions o, BooleanSupplier cancelled,
            boolean sparseFormulaForEveryVariable) {
        if (p == null) {
            throw new IllegalArgumentException("program must not be null");
        }
        ConeOptions options = o == null ? ConeOptions.defaults() : o;
        BooleanSupplier stop = cancelled == null ? () -> false : cancelled;
        ConicData data = new ConicData(p);
        data.dumpIfRequested();
        data.equilibrate();
        data.sparseFormulaForEveryVariable = sparseFormulaForEveryVariable;
        return checked(p, new InteriorPoint(data, options, stop, p.objective().clone()).run());
    }

    /**
     * The run's result judged on the program as given ({@link OriginalResiduals}): an {@code OPTIMAL}
     * whose point violates a constraint by more than {@link OriginalResiduals#TOLERANCE} (relative
     * backward error) is not a certificate and becomes {@code ITERATION_LIMIT}; the primal residual of an {@code ITERATION_LIMIT} result is the larger of the
     * scaled residual and that backward error, so that callers who use such a point see how far off it is.
     *
     * @param p the program as given
     * @param r the interior-point run's result on its equilibrated data
     * @return r itself, or r as {@code ITERATION_LIMIT} with the larger primal residual
     */
    static ConeResult checked(ConeProgram p, ConeResult r) {
        boolean optimal = r.status() == ConeStatus.OPTIMAL;
        if (r.x() == null || !(optimal || r.status() == ConeStatus.ITERATION_LIMIT)) {
            return r;
        }
        double primal = OriginalResiduals.primal(p, r.x());
        if (optimal && primal <= OriginalResiduals.TOLERANCE) {
            return r;
        }
        return new ConeResult(ConeStatus.ITERATION_LIMIT, r.x(), r.primalObjective(), r.dualObjective(),
                r.iterations(), r.relativeGap(), Math.max(r.primalResidual(), primal), r.dualResidual());
    }
}
