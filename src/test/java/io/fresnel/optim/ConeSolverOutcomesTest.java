package io.fresnel.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.math.SymmetricMatrices;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What {@link ConeSolver} reports with each outcome, beyond the status the contract checks: the
 * measures of an optimal result (gap and residuals within the tolerances, the dual objective of the
 * LP dual worked out by hand), the number of iterations on small well-conditioned problems (a
 * Mehrotra predictor-corrector needs 5-15; cvxopt takes 6-10 on these, and about 15 on the paper-001
 * SDPs, docs/cone-solver.md), the acceptable-gap rule (an unreachable gap tolerance ends OPTIMAL with
 * the best feasible iterate within the acceptable gap, and at the iteration limit without one), the
 * objectives and certificate residuals of infeasibility verdicts, and a cancelled run's NaN objectives.
 */
class ConeSolverOutcomesTest {

    /** min -x1 - 2 x2 s.t. x1 + x2 <= 4, x1 + 3 x2 <= 6, x >= 0: optimum -5 at (3, 1), dual (1/2, 1/2, 0, 0). */
    private static ConeProgram smallLp() {
        ConeProgram p = new ConeProgram(2);
        p.setObjective(0, -1);
        p.setObjective(1, -2);
        p.addLinearInequality(new double[] {1, 1}, 4);
        p.addLinearInequality(new double[] {1, 3}, 6);
        p.addLinearInequality(new double[] {-1, 0}, 0);
        p.addLinearInequality(Map.of(1, -1.0), 0);
        return p;
    }

    /** min t s.t. t I - A >= 0 for a random symmetric 12 x 12 A: lambda_max(A). */
    private static ConeProgram maxEigenvalue(double[][] a) {
        int m = a.length;
        ConeProgram p = new ConeProgram(1);
        p.setObjective(0, 1);
        PsdBlock block = p.addPsd(m);
        for (int i = 0; i < m; i++) {
            block.addCoefficient(0, i, i, 1);
            for (int j = i; j < m; j++) {
                block.addConstant(i, j, -a[i][j]);
            }
        }
        return p;
    }

    @Test
    void wellConditionedProblemsConvergeInFewIterations() {
        ConeResult lp = ConeSolver.solve(smallLp(), null, null);
        assertEquals(ConeStatus.OPTIMAL, lp.status());
        assertEquals(-5, lp.primalObjective(), 1e-8);
        // the LP dual: max -4 y1 - 6 y2 s.t. y1 + y2 = 1, y1 + 3 y2 = 2 (both rows active): y = (1/2, 1/2)
        assertEquals(-5, lp.dualObjective(), 1e-8);
        assertTrue(lp.relativeGap() <= 1e-9 && lp.primalResidual() <= 1e-9 && lp.dualResidual() <= 1e-9, lp::toString);
        assertTrue(lp.iterations() >= 3 && lp.iterations() <= 10, lp::toString);

        double[][] a = ConeSolverContract.randomSymmetric(new Random(3), 12);
        ConeResult eig = ConeSolver.solve(maxEigenvalue(a), null, () -> false);
        double lambdaMax = SymmetricMatrices.eigenvalues(a)[11];
        assertEquals(lambdaMax, eig.primalObjective(), 1e-8 * Math.abs(lambdaMax));
        assertEquals(lambdaMax, eig.dualObjective(), 1e-8 * Math.abs(lambdaMax));
        assertTrue(eig.iterations() <= 10, eig::toString);

        RandomSdp sdp = RandomSdp.create(new Random(23), 10, new int[] {5, 3}, 3);
        ConeResult r = ConeSolver.solve(sdp.program(), ConeOptions.defaults(), null);
        assertEquals(ConeStatus.OPTIMAL, r.status());
        assertTrue(r.iterations() <= 15, r::toString);
        assertTrue(r.primalObjective() >= sdp.plantedDualObjective() - 1e-9, "weak duality with the planted dual point");
        assertEquals(r.primalObjective(), r.dualObjective(), 1e-8 * Math.max(1, Math.abs(r.primalObjective())));
        ConeSolverContract.assertPrimalFeasible(sdp.program(), r.x(), 1e-8);
    }

    @Test
    void anUnreachableGapEndsWithTheAcceptableIterate() {
        RandomSdp sdp = RandomSdp.create(new Random(23), 10, new int[] {5, 3}, 3);
        ConeResult reference = ConeSolver.solve(sdp.program(), null, null);
        assertEquals(ConeStatus.OPTIMAL, reference.status());
        // a relative gap of Double.MIN_VALUE is below the rounding of any SDP's gap (1e-16 was reached since the
        // feasibility steps of InteriorPoint: gap 7.8e-17 with residuals 6e-12 / 3e-11, certified)
        ConeOptions unreachable = new ConeOptions(Double.MIN_VALUE, 1e-9, 100, Double.MIN_VALUE);
        ConeResult limit = ConeSolver.solve(sdp.program(), unreachable, null);
        assertEquals(ConeStatus.ITERATION_LIMIT, limit.status(), limit::toString);
        assertNotNull(limit.x(), "the last iterate");
        assertTrue(limit.relativeGap() > Double.MIN_VALUE || limit.primalResidual() > 1e-9
                || limit.dualResidual() > 1e-9,
                () -> "short of the tolerances: " + limit);

        ConeResult accepted = ConeSolver.solve(sdp.program(), unreachable.withAcceptableGap(1e-7), null);
        assertEquals(ConeStatus.OPTIMAL, accepted.status(), accepted::toString);
        assertTrue(accepted.relativeGap() > Double.MIN_VALUE && accepted.relativeGap() <= 1e-7, accepted::toString);
        assertTrue(accepted.primalResidual() <= 1e-9 && accepted.dualResidual() <= 1e-9, accepted::toString);
        // it ends POLISH_ITERATIONS after its best acceptable iterate, long before the limit
        assertTrue(accepted.iterations() < 40, accepted::toString);
        ConeSolverContract.assertPrimalFeasible(sdp.program(), accepted.x(), 1e-8);
        double scale = Math.max(1, Math.abs(reference.primalObjective()));
        assertEquals(reference.primalObjective(), accepted.primalObjective(), 1e-8 * scale);
        assertEquals(accepted.primalObjective(), accepted.dualObjective(), 1e-7 * scale);
        double cx = 0;
        for (int v = 0; v < accepted.x().length; v++) {
            cx += sdp.program().objective()[v] * accepted.x()[v];
        }
        assertEquals(cx, accepted.primalObjective(), 1e-12 * scale, "the objective of the returned point");
    }

    @Test
    void infeasibilityVerdictsCarryTheirCertificateResiduals() {
        ConeProgram infeasible = new ConeProgram(2);
        infeasible.setObjective(0, 1);
        infeasible.addLinearInequality(new double[] {-1, 0}, -1); // x1 >= 1
        infeasible.addLinearInequality(new double[] {1, 1}, 0); // x1 + x2 <= 0
        infeasible.addLinearInequality(new double[] {0, -1}, 0); // x2 >= 0
        ConeResult r = ConeSolver.solve(infeasible, null, null);
        assertEquals(ConeStatus.INFEASIBLE, r.status());
        assertNull(r.x());
        assertEquals(Double.POSITIVE_INFINITY, r.primalObjective());
        assertEquals(Double.POSITIVE_INFINITY, r.dualObjective());
        assertTrue(r.dualResidual() <= 1e-9, () -> "the Farkas certificate's residual: " + r);
        assertTrue(r.iterations() > 0 && r.iterations() <= 20, r::toString);

        ConeProgram unbounded = new ConeProgram(2);
        unbounded.setObjective(0, -1);
        unbounded.setObjective(1, 0.5);
        unbounded.addLinearInequality(new double[] {1, -1}, 1);
        unbounded.addLinearInequality(new double[] {0, -1}, 0);
        unbounded.addLinearInequality(new double[] {-1, 0}, 0);
        ConeResult u = ConeSolver.solve(unbounded, null, null);
        assertEquals(ConeStatus.UNBOUNDED, u.status());
        assertNull(u.x());
        assertEquals(Double.NEGATIVE_INFINITY, u.primalObjective());
        assertEquals(Double.NEGATIVE_INFINITY, u.dualObjective());
        assertTrue(u.primalResidual() <= 1e-9, () -> "the primal ray's residual: " + u);
        assertTrue(u.iterations() > 0 && u.iterations() <= 20, u::toString);
    }

    @Test
    void cancelledAndLimitedRuns() {
        RandomSdp sdp = RandomSdp.create(new Random(31), 20, new int[] {8}, 4);
        AtomicInteger polls = new AtomicInteger();
        ConeResult c = ConeSolver.solve(sdp.program(), null, () -> polls.incrementAndGet() > 3);
        assertEquals(ConeStatus.CANCELLED, c.status());
        assertEquals(3, c.iterations(), "three iterations before the fourth poll");
        assertTrue(Double.isNaN(c.primalObjective()) && Double.isNaN(c.dualObjective()), c::toString);
        assertNull(c.x());
        assertTrue(!c.optimal());

        ConeResult limited = ConeSolver.solve(sdp.program(), ConeOptions.defaults().withMaxIterations(3), null);
        assertEquals(ConeStatus.ITERATION_LIMIT, limited.status());
        assertEquals(3, limited.iterations());
        double cx = 0;
        for (int v = 0; v < limited.x().length; v++) {
            cx += sdp.program().objective()[v] * limited.x()[v];
        }
        assertEquals(cx, limited.primalObjective(), 1e-12 * Math.max(1, Math.abs(cx)), "c^T x of the last iterate");
        assertTrue(limited.relativeGap() > 1e-9 || limited.primalResidual() > 1e-9 || limited.dualResidual() > 1e-9,
                limited::toString);
    }
}
