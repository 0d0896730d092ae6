package io.fresnel.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@link BarrierSolver} on a weighted least-squares objective whose weights, row entries and offsets
 * are not 1 (the other tests' squares have unit weights and entries, under which t w and t / w, or
 * z_i and 1 / z_i, coincide): minimise c . x + sum_r w_r (z_r . x + z0_r)^2 inside a box far from
 * the minimiser. The minimiser solves the 2 x 2 normal equations sum_r 2 w_r z_r z_r^T x =
 * -c - sum_r 2 w_r z0_r z_r, solved here by Cramer's rule.
 */
class BarrierWeightedSquaresTest {

    @Test
    void weightedSquaresReachTheMinimiserOfTheNormalEquations() {
        double[][] z = {{0.5, 3}, {2, -0.25}};
        double[] z0 = {-1.2, 0.4};
        double[] w = {2.5, 0.7};
        double[] c = {1, -2};
        SmoothConvexProgram p = new SmoothConvexProgram(2);
        p.addLinearObjective(0, c[0]);
        p.addLinearObjective(1, c[1]);
        for (int r = 0; r < 2; r++) {
            p.addSquareObjective(z[r], z0[r], w[r]);
        }
        // the box |x_i| <= 50
        p.addLinearInequality(new double[] {1, 0}, 50);
        p.addLinearInequality(new double[] {-1, 0}, 50);
        p.addLinearInequality(new double[] {0, 1}, 50);
        p.addLinearInequality(new double[] {0, -1}, 50);
        double[][] m = new double[2][2];
        double[] rhs = {-c[0], -c[1]};
        for (int r = 0; r < 2; r++) {
            for (int i = 0; i < 2; i++) {
                rhs[i] -= 2 * w[r] * z0[r] * z[r][i];
                for (int j = 0; j < 2; j++) {
                    m[i][j] += 2 * w[r] * z[r][i] * z[r][j];
                }
            }
        }
        double det = m[0][0] * m[1][1] - m[0][1] * m[1][0];
        double[] expected = {(rhs[0] * m[1][1] - m[0][1] * rhs[1]) / det, (m[0][0] * rhs[1] - m[1][0] * rhs[0]) / det};
        BarrierSolver.Result r = BarrierSolver.solve(p, new double[] {3, -4}, BarrierSolver.TOLERANCE, () -> false);
        assertEquals(ConeStatus.OPTIMAL, r.status(), r::toString);
        assertTrue(Math.abs(expected[0]) < 5 && Math.abs(expected[1]) < 5, "the minimiser lies well inside the box");
        assertEquals(expected[0], r.x()[0], 1e-5);
        assertEquals(expected[1], r.x()[1], 1e-5);
        double f = c[0] * expected[0] + c[1] * expected[1];
        for (int k = 0; k < 2; k++) {
            double e = z[k][0] * expected[0] + z[k][1] * expected[1] + z0[k];
            f += w[k] * e * e;
        }
        assertEquals(f, r.objective(), 1e-8 * Math.max(1, Math.abs(f)));
        assertEquals(p.objective(r.x()), r.objective(), 0);
        assertTrue(r.newtonSteps() <= 60, r::toString);
    }
}
