package io.fresnel.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The residual tests of {@link InteriorPoint}'s stopping rule divide by tau: on a program whose tau ends far
 * from 1 and whose residual, not its gap, is the last measure to meet its tolerance, the run must go on until
 * the residuals of x / tau, y / tau, z / tau meet the feasibility tolerance.
 *
 * <p>The program is SmallTauTest's LP min -x1 s.t. x1 - x2 &lt;= 1, -x1 + (1 + eps) x2 &lt;= 1, x &gt;= 0 with
 * eps = 1e-3 (vertex x* = (2001, 2000), p* = -2001; with the default tolerances tau ends at 6.6e-4), here with a loose gap tolerance
 * (1e-5) and a tight feasibility tolerance (1e-12), so that the residuals decide when the run stops.
 *
 * <p>What follows from the feasibility tolerance alone, by weak duality (derived here, not measured): in the
 * equilibrated problem (c', G', h'; x = beta colScale x', objective scaled by objScale) let
 * r = G'^T z + c' tau be the dual residual of the returned iterate, ||r|| / (max(1, ||c'||) tau) &lt;= tol.
 * For the (scaled) optimum x*' (G' x*' + s* = h', s* &gt;= 0),
 * c'^T x*' = r^T x*' / tau - z^T (h' - s*) / tau &gt;= dcost - ||r|| ||x*'|| / tau, so the dual objective
 * dcost = -h'^T z / tau is at most p*' + tol max(1, ||c'||) ||x*'||: a dual objective above the optimum by more
 * than that bound means the dual residual was not met. In the caller's units the bound is multiplied by
 * beta / objScale.
 */
class SmallTauResidualStopTest {

    private static final double EPS = 1e-3;

    private static ConeProgram nearlyParallelRows() {
        ConeProgram p = new ConeProgram(2);
        p.setObjective(0, -1);
        p.addLinearInequality(new double[] {1, -1}, 1);
        p.addLinearInequality(new double[] {-1, 1 + EPS}, 1);
        p.addLinearInequality(new double[] {-1, 0}, 0);
        p.addLinearInequality(new double[] {0, -1}, 0);
        return p;
    }

    @Test
    void aLooseGapToleranceStillStopsOnlyWhenTheResidualsOverTauAreMet() {
        double feasibility = 1e-12;
        ConeOptions options = ConeOptions.defaults().withGapTolerance(1e-5).withFeasibilityTolerance(feasibility)
                .withAcceptableGap(1e-5);
        ConeResult r = ConeSolver.solve(nearlyParallelRows(), options, null);
        assertEquals(ConeStatus.OPTIMAL, r.status(), r::toString);
        double[] xStar = {2 / EPS + 1, 2 / EPS};
        double pStar = -xStar[0];

        // the weak-duality bound of the class comment, from the solver's own equilibration of the same program
        ConicData d = new ConicData(nearlyParallelRows());
        d.equilibrate();
        double cNorm2 = 0;
        double xNorm2 = 0;
        for (int v = 0; v < d.n; v++) {
            cNorm2 += d.c[v] * d.c[v];
            double xv = xStar[v] / (d.beta * d.colScale[v]);
            xNorm2 += xv * xv;
        }
        double bound = feasibility * Math.max(1, Math.sqrt(cNorm2)) * Math.sqrt(xNorm2) * d.beta / d.objScale;
        assertTrue(r.dualObjective() <= pStar + bound,
                () -> "dual objective " + r.dualObjective() + " above p* " + pStar + " by more than " + bound + ": " + r);
        // and the primal point is feasible
        ConeSolverContract.assertPrimalFeasible(nearlyParallelRows(), r.x(), 1e-9);
    }
}
