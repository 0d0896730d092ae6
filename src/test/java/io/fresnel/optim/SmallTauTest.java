package io.fresnel.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Programs on which the homogeneous embedding's tau ends far from 1, so that every measure {@link InteriorPoint}
 * divides by tau (x / tau, the dual objective -(b^T y + h^T z) / tau, the residuals over tau, the gap over
 * tau^2) is wrong by orders of magnitude if the division is lost. Measured with
 * {@code -Dfresnel.optim.trace=true}: the LP ends with tau = 6.6e-4 (10 iterations), the 2 x 2 LMI with
 * tau = 3.5e-8 (19 iterations); the programs of the other optim tests end with tau between about 0.3 and 3.
 * Both optima are attained and known in closed form, with their duals worked out by hand.
 */
class SmallTauTest {

    /**
     * min -x1 s.t. x1 - x2 &lt;= 1, -x1 + (1 + eps) x2 &lt;= 1, x &gt;= 0 with eps = 1e-3: two nearly parallel rows
     * meet at x2 = 2 / eps = 2000, x1 = 2001. Dual: max -(z1 + z2) s.t. z1 - z2 = 1, -z1 + (1 + eps) z2 = 0,
     * z &gt;= 0, i.e. z2 = 1 / eps = 1000, z1 = 1001: dual objective -2001.
     */
    private static ConeProgram nearlyParallelRows() {
        ConeProgram p = new ConeProgram(2);
        p.setObjective(0, -1);
        p.addLinearInequality(new double[] {1, -1}, 1);
        p.addLinearInequality(new double[] {-1, 1.001}, 1);
        p.addLinearInequality(new double[] {-1, 0}, 0);
        p.addLinearInequality(new double[] {0, -1}, 0);
        return p;
    }

    /**
     * min x s.t. [[x, 1], [1, 1e-4]] &gt;= 0, i.e. x &gt;= 1e4 (Schur complement). Dual: max -2 Z12 - 1e-4 Z22 s.t.
     * Z11 = 1, Z &gt;= 0, i.e. Z12 = -sqrt(Z22) at the best, -1e-4 Z22 + 2 sqrt(Z22) maximal at Z22 = 1e8: 1e4.
     */
    private static ConeProgram schurBound() {
        return schurBound(1e-4);
    }

    /** min x s.t. [[x, 1], [1, e]] &gt;= 0: x &gt;= 1 / e, the dual as above with Z22 = 1 / e^2: optimum 1 / e. */
    private static ConeProgram schurBound(double e) {
        ConeProgram p = new ConeProgram(1);
        p.setObjective(0, 1);
        PsdBlock b = p.addPsd(2);
        b.addCoefficient(0, 0, 0, 1);
        b.addConstant(0, 1, 1);
        b.addConstant(1, 1, e);
        return p;
    }

    @Test
    void nearlyParallelRowsGiveTheVertexAndItsDual() {
        ConeProgram p = nearlyParallelRows();
        ConeResult r = ConeSolver.solve(p, null, null);
        assertEquals(ConeStatus.OPTIMAL, r.status(), r::toString);
        assertEquals(2001, r.x()[0], 1e-8 * 2001, "x1");
        assertEquals(2000, r.x()[1], 1e-8 * 2000, "x2");
        assertEquals(-2001, r.primalObjective(), 1e-8 * 2001, "primal objective");
        assertEquals(-2001, r.dualObjective(), 1e-8 * 2001, "dual objective");
        assertTrue(r.relativeGap() <= 1e-9 && r.primalResidual() <= 1e-9 && r.dualResidual() <= 1e-9, r::toString);
        ConeSolverContract.assertPrimalFeasible(p, r.x(), 1e-9);
    }

    @Test
    void aSchurBoundOfTenThousandIsReachedWithItsDual() {
        ConeResult r = ConeSolver.solve(schurBound(), null, null);
        assertEquals(ConeStatus.OPTIMAL, r.status(), r::toString);
        assertEquals(1e4, r.x()[0], 1e-8 * 1e4, "x");
        assertEquals(1e4, r.primalObjective(), 1e-8 * 1e4, "primal objective");
        assertEquals(1e4, r.dualObjective(), 1e-8 * 1e4, "dual objective");
        assertTrue(r.relativeGap() <= 1e-9 && r.primalResidual() <= 1e-9 && r.dualResidual() <= 1e-9, r::toString);
    }

    /**
     * The same with 1e-5: x = 1e5 by hand (tau ends at 3.5e-10). Before the feasibility steps of {@link InteriorPoint}
     * the gap reached 1e-10 at iteration 23 with the primal residual at 1.1e-8, and the predictor-corrector steps
     * from there drove the gap to 1e-17 and the primal residual up to 7e4 (ITERATION_LIMIT); cvxopt solves it.
     */
    @Test
    void aSchurBoundOfOneHundredThousandIsReachedWithItsDual() {
        ConeResult r = ConeSolver.solve(schurBound(1e-5), null, null);
        assertEquals(ConeStatus.OPTIMAL, r.status(), r::toString);
        assertEquals(1e5, r.x()[0], 1e-8 * 1e5, "x");
        assertEquals(1e5, r.primalObjective(), 1e-8 * 1e5, "primal objective");
        assertEquals(1e5, r.dualObjective(), 1e-8 * 1e5, "dual objective");
        assertTrue(r.relativeGap() <= 1e-9 && r.primalResidual() <= 1e-9 && r.dualResidual() <= 1e-9, r::toString);
        ConeSolverContract.assertPrimalFeasible(schurBound(1e-5), r.x(), 1e-9);
    }

    @Test
    void theAcceptableIterateIsAlsoDividedByTau() {
        // an unreachable gap tolerance: the run ends with its best iterate within the acceptable gap 1e-7
        ConeResult r = ConeSolver.solve(schurBound(),
                ConeOptions.defaults().withGapTolerance(Double.MIN_VALUE).withAcceptableGap(1e-7), null);
        assertEquals(ConeStatus.OPTIMAL, r.status(), r::toString);
        assertTrue(r.relativeGap() > Double.MIN_VALUE && r.relativeGap() <= 1e-7, r::toString);
        assertEquals(1e4, r.x()[0], 1e-6 * 1e4, "x");
        assertEquals(1e4, r.primalObjective(), 1e-6 * 1e4, "primal objective");
        assertEquals(1e4, r.dualObjective(), 1e-6 * 1e4, "dual objective");
    }
}
