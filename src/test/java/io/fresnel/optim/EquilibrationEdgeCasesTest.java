package io.fresnel.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The edges of {@link ConicData#equilibrate}: a right-hand side that is zero everywhere (no normalisation
 * beta), a zero objective (a feasibility program, no objective scale), and variables whose scales differ
 * by a factor that only the column scaling can remove (both appear in one row only).
 */
class EquilibrationEdgeCasesTest {

    @Test
    void aProgramWithZeroRightHandSidesHasTheOriginAsOptimum() {
        // min x0 + 2 x1 s.t. x0 - x1 = 0, x0 >= 0, x1 >= 0: the only feasible direction costs 3 x0, optimum 0 at 0
        ConeProgram p = new ConeProgram(2);
        p.setObjective(0, 1);
        p.setObjective(1, 2);
        p.addEquality(new double[] {1, -1}, 0);
        p.addLinearInequality(new double[] {-1, 0}, 0);
        p.addLinearInequality(new double[] {0, -1}, 0);
        ConeResult r = ConeSolver.solve(p, null, null);
        assertEquals(ConeStatus.OPTIMAL, r.status(), r::toString);
        assertEquals(0, r.primalObjective(), 1e-8, r::toString);
        assertEquals(0, r.x()[0], 1e-8);
        assertEquals(0, r.x()[1], 1e-8);
    }

    @Test
    void aFeasibilityProgramEndsOptimalWithAFeasiblePoint() {
        // no objective: any x with 1 <= x0 <= 2 and x0 + x1 = 3 is optimal, objective 0
        ConeProgram p = new ConeProgram(2);
        p.addEquality(new double[] {1, 1}, 3);
        p.addLinearInequality(new double[] {-1, 0}, -1);
        p.addLinearInequality(new double[] {1, 0}, 2);
        ConeResult r = ConeSolver.solve(p, null, null);
        assertEquals(ConeStatus.OPTIMAL, r.status(), r::toString);
        assertEquals(0, r.primalObjective(), 0.0);
        assertEquals(0, r.dualObjective(), 1e-8);
        assertTrue(r.x()[0] >= 1 - 1e-8 && r.x()[0] <= 2 + 1e-8, r::toString);
        assertEquals(3, r.x()[0] + r.x()[1], 1e-8);
    }

    @Test
    void columnsThatShareOneRowAreBroughtToTheSameScale() {
        // min -x0 - x1 s.t. 1e6 x0 + x1 <= 1, x >= 0: x = (0, 1), objective -1. Row scaling alone leaves the two
        // columns 1e6 apart (the row's entries 1 and 1e-6); with the column scaling both end within 1.5 of one
        ConeProgram p = new ConeProgram(2);
        p.setObjective(0, -1);
        p.setObjective(1, -1);
        p.addLinearInequality(new double[] {1e6, 1}, 1);
        ConicData d = new ConicData(p);
        d.equilibrate();
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        double[] col = new double[d.n];
        for (int i = 0; i < d.l; i++) {
            for (int k = 0; k < d.gIndex[i].length; k++) {
                col[d.gIndex[i][k]] = Math.max(col[d.gIndex[i][k]], Math.abs(d.gValue[i][k]));
            }
        }
        for (double v : col) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        assertTrue(hi / lo < 1.5, "column norms " + lo + " .. " + hi);
        p.addLinearInequality(new double[] {-1, 0}, 0);
        p.addLinearInequality(new double[] {0, -1}, 0);
        ConeResult r = ConeSolver.solve(p, null, null);
        assertEquals(ConeStatus.OPTIMAL, r.status(), r::toString);
        assertEquals(-1, r.primalObjective(), 1e-8);
        assertEquals(0, r.x()[0], 1e-8);
        assertEquals(1, r.x()[1], 1e-8);
    }
}
