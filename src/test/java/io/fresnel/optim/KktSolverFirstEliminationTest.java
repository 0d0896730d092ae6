package io.fresnel.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * One block elimination of {@link KktSolver} (its private {@code solveOnce}, called by reflection because
 * {@link KktSolver#solve} always refines, and refinement hides an inaccurate first solve) on a system with a
 * bordered row, against the dense LU solution of the same scaled KKT system ({@link KktReferenceSystem}).
 *
 * <p>Why the first solve alone must already be accurate: with the border, the heavy row r (weight z / s far
 * above every other) is not eliminated into the normal matrix; it keeps only the moderate weight rho_r g_r g_r^T
 * there, compensated on the right-hand side by rho_r w_r bz_r g_r, and its step comes from the border unknown v_r
 * of a well-conditioned Schur complement. So the elimination is a backward-stable solve of a system whose
 * conditioning does not depend on the heavy weight, at every level of the fallback ladder. The compensation term
 * enters with the sign of the elimination (M = H_rest + A^T A + sum rho_r g_r g_r^T on the left, so + rho_r w_r
 * bz_r g_r on the right): with the other sign the first solve is off by about 2 rho_r w_r^2 / (1 + rho_r w_r^2)
 * of the row's right-hand side, i.e. 2 weight / (row ratio): 2e-8 relative at the safe weight 1e2 and a ratio of
 * 1e10, far above rounding (measured with that sign, by hand: 4.7e-10 .. 2.7e-8 at level 2), and refinement would
 * only hide it.
 *
 * <p>Measured on this machine (2026-12-03), orthant row 0 at z / s = 1e10 (ratio to the smallest diagonal entry
 * 5e9 .. 8e9), seeds 1-3, largest error over the largest entry of the dense solution: levels 0 and 1 at most
 * 1.2e-15, level 2 at most 3e-13. The bound 1e-11 leaves a factor 30 for other roundings. Since the first
 * ratio became 1e8 (2026-12-03) the row was at z / s = 1e12 (ratio 5e11 .. 8e11), and since it became 1e12 (same
 * day, later) it is at z / s = 1e16 (ratio 5e15 .. 8e15), still bordered at every level; the bound holds.
 */
class KktSolverFirstEliminationTest {

    @Test
    void oneBorderedEliminationIsTheDenseSolutionAtEveryLevel() throws ReflectiveOperationException {
        Method once = KktSolver.class.getDeclaredMethod("solveOnce", KktSolver.KktVector.class,
                KktSolver.KktVector.class);
        once.setAccessible(true);
        for (long seed = 1; seed <= 3; seed++) {
            ConicData d = KktReferenceSystem.separatedProgram(seed);
            NtScaling w = KktReferenceSystem.scaling(d, 1e8, seed + 10, 0, true);
            double ratio = KktFallbackLadderTest.heaviestRatio(d, w);
            // premise: orthant row 0 is bordered at every level (above FIRST_BORDER_RATIO, the larger ratio)
            assertTrue(ratio > 1e3 * KktSolver.FIRST_BORDER_RATIO, "premise: ratio " + ratio);
            KktSolver kkt = new KktSolver(d);
            assertEquals(KktSolver.Factorisation.FACTORED, kkt.factor(w));
            Random rnd = new Random(seed);
            int level = 0;
            do {
                KktSolver.KktVector b = KktReferenceSystem.rightHandSide(d, rnd);
                KktSolver.KktVector u = KktSolver.KktVector.zeros(d);
                once.invoke(kkt, b, u);
                KktReferenceSystem.assertCloseToLargest(KktReferenceSystem.denseSolution(d, w, b),
                        KktReferenceSystem.flatten(d, u), 1e-11, "seed " + seed + " level " + level);
                level++;
            } while (kkt.fallBack());
            assertEquals(3, level, "seed " + seed + ": levels of the ladder");
        }
    }
}
