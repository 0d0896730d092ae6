package io.fresnel.design.secure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fresnel.optim.ConeOptions;
import io.fresnel.optim.ConeStatus;
import org.junit.jupiter.api.Test;

/**
 * Regression tests for the cone solver on paper 001's SDPs, default options, no fallbacks (they
 * failed before the solver kept its heavily weighted rows out of the normal matrix, commit 87074d6).
 *
 * <ol>
 *   <li>The unreduced 8 x 8 Charnes-Cooper SDP of the golden paper-001 case (W, V: 8 x 8 Hermitian
 *       plus t; 4 eavesdropper rows, power, sensing, t &gt;= 0, one equality; two 16 x 16 PSD
 *       blocks) at gamma = 0.0230808: it used to stop at the iteration limit with the dual residual
 *       stuck at 1.4e-7. The optimum has a 3-dimensional common null space of W and V.
 *   <li>The reduced (d = 5, 51 variables) program at small gamma, where the eavesdropper rows force
 *       W almost exactly orthogonal to every g_e (gamma = 1e-4 and 1e-9): it used to stall or end
 *       with a dual objective of the wrong sign.
 * </ol>
 */
class SecrecySdpConvergenceTest {

    @Test
    void theFullProgramConvergesWithDefaultTolerances() throws Exception {
        SecrecySensingProblem p = SecrecySensingProblem.of(AnSecurePcrbDesignTest.goldenScenario(), "x");
        var full = p.reduce(p.basis(SecrecySensingProblem.Basis.FULL));
        SecrecySdp.Solution s = SecrecySdp.solve(full, 0.02308082254899701, true, ConeOptions.defaults(),
                () -> false);
        assertEquals(ConeStatus.OPTIMAL, s.status(), "gap " + s.cone().relativeGap() + ", primal residual "
                + s.cone().primalResidual() + ", dual residual " + s.cone().dualResidual());
    }

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
