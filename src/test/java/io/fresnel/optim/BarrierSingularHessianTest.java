package io.fresnel.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@link BarrierSolver} when the Hessian of {@code t f0 + phi} is singular: a variable that appears
 * nowhere (a zero row and column) and two variables that appear only through their sum (a
 * direction (1, -1) along which nothing changes). Cholesky then fails, and the Newton system is
 * solved with a small diagonal shift (1e-14 of the largest diagonal entry, grown a hundredfold per
 * failure). A variable that appears nowhere has a zero gradient entry and keeps its start value
 * exactly. Along the null direction (1, -1) of the second program the gradient is zero only up to
 * rounding, which the shift of 1e-14 times the largest diagonal entry amplifies to a drift of
 * order one (the difference x0 - x1 moved from 0.4 to about 1.04 when this was written, harmless:
 * every point of the line x0 + x1 = 1 is optimal); a much smaller shift would amplify it beyond
 * the double range.
 */
class BarrierSingularHessianTest {

    @Test
    void aVariableThatAppearsNowhereKeepsItsStartValue() {
        // minimise x0 s.t. x0 >= 0; x1 is not in the program
        SmoothConvexProgram p = new SmoothConvexProgram(2);
        p.addLinearObjective(0, 1);
        p.addLinearInequality(new double[] {-1, 0}, 0);
        BarrierSolver.Result r = BarrierSolver.solve(p, new double[] {1, 0.3}, 1e-9, () -> false);
        assertEquals(ConeStatus.OPTIMAL, r.status(), r::toString);
        assertEquals(0.3, r.x()[1], 0);
        // f0 = x0 = m / t at the central point; the gap bound is 1e-9
        assertEquals(0, r.objective(), 1e-9);
    }

    @Test
    void twoVariablesSeenOnlyThroughTheirSumReachTheOptimalLine() {
        // minimise x0 + x1 s.t. 1 <= x0 + x1 <= 3: optimum 1 on the line x0 + x1 = 1; the barrier's
        // Hessian is singular along (1, -1)
        SmoothConvexProgram p = new SmoothConvexProgram(2);
        p.addLinearObjective(0, 1);
        p.addLinearObjective(1, 1);
        p.addLinearInequality(new double[] {-1, -1}, -1);
        p.addLinearInequality(new double[] {1, 1}, 3);
        BarrierSolver.Result r = BarrierSolver.solve(p, new double[] {1.2, 0.8}, 1e-9, () -> false);
        assertEquals(ConeStatus.OPTIMAL, r.status(), r::toString);
        assertEquals(1, r.objective(), 2e-9);
        assertTrue(Double.isFinite(r.x()[0] - r.x()[1]) && Math.abs(r.x()[0] - r.x()[1]) < 10,
                () -> "the drift along the null direction stays of order one: " + (r.x()[0] - r.x()[1]));
    }
}
