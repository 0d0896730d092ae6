package io.fresnel.design;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fresnel.optim.ConeOptions;
import io.fresnel.optim.ConeStatus;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * Reproducers for the cone solver (optim tip 660a602), default options, no fallbacks. Enable once
 * the solver converges on them; the design works around them (relaxed feasibility retries, feasible
 * last iterate; {@link SecrecySdp}).
 *
 * <ol>
 *   <li>The unreduced 8 x 8 Charnes-Cooper SDP of the golden paper-001 case (W, V: 8 x 8 Hermitian =
 *       2 x 64 real variables plus t; 4 eavesdropper rows, power, sensing, t &gt;= 0, one equality;
 *       two 16 x 16 PSD blocks) at gamma = 0.0230808: ITERATION_LIMIT after 100 iterations with
 *       relative gap 1.9e-15 and primal residual 8.1e-8 but dual residual 1.4e-7 (d4d801b: 8.1e-7),
 *       while the primal objective -0.759110471669 already equals the reduced (d = 5) optimum. The
 *       optimum has a 3-dimensional common null space of W and V (N - d = 3).
 *   <li>The reduced (d = 5, 51 variables, two 10 x 10 PSD blocks) program at small gamma, where the
 *       eavesdropper rows force W almost exactly orthogonal to every g_e: golden case gamma = 1e-4:
 *       ITERATION_LIMIT, gap 2.5e-15, primal residual 1.1e-13, dual residual 1.6e-7; gamma = 1e-9:
 *       primal objective -0.72362 but dual objective +0.0159, dual residual 7.7e2. cvxopt 1.3.0
 *       solves both (src/bench/python/an_secure_cvxopt.py). On the scaled set-ups of
 *       {@code bench --secure} most grid points below gamma = 1e-3 fail the same way (Nt = 64:
 *       21 of 72 solves unusable even with the fallbacks).
 * </ol>
 */
class SecrecySdpFullFormulationSolverIssueTest {

    @Disabled("cone solver stalls on the dual residual of the full N x N program; see the class comment")
    @Test
    void theFullProgramConvergesWithDefaultTolerances() throws Exception {
        SecrecySensingProblem p = SecrecySensingProblem.of(AnSecurePcrbDesignTest.goldenScenario(), "x");
        var full = p.reduce(p.basis(SecrecySensingProblem.Basis.FULL));
        SecrecySdp.Solution s = SecrecySdp.solve(full, 0.02308082254899701, true, ConeOptions.defaults(),
                () -> false);
        assertEquals(ConeStatus.OPTIMAL, s.status(), "gap " + s.cone().relativeGap() + ", primal residual "
                + s.cone().primalResidual() + ", dual residual " + s.cone().dualResidual());
    }

    @Disabled("cone solver stalls on the dual residual of the reduced program at small gamma; see the class comment")
    @Test
    void theReducedProgramConvergesAtSmallGamma() throws Exception {
        SecrecySensingProblem p = SecrecySensingProblem.of(AnSecurePcrbDesignTest.goldenScenario(), "x");
        var reduced = p.reduce(p.basis(SecrecySensingProblem.Basis.CONJUGATE));
        for (double gamma : new double[] {1e-4, 1e-9}) {
            SecrecySdp.Solution s = SecrecySdp.solve(reduced, gamma, true, ConeOptions.defaults(), () -> false);
            assertEquals(ConeStatus.OPTIMAL, s.status(), "gamma " + gamma + ": gap " + s.cone().relativeGap()
                    + ", primal residual " + s.cone().primalResidual() + ", dual residual "
                    + s.cone().dualResidual());
        }
    }
}
