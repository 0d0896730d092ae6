package io.fresnel.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * One {@link KktSolver} serves every iteration of a run, each with a new scaling. A scaling heavy in orthant row
 * 0 and in one direction of block 0 (z / s = 1e10: that row bordered, block 0 written in its rotated basis with
 * that direction bordered) followed by a well-centred one (z / s within 0.25 .. 4: nothing bordered or rotated)
 * must be solved as the second scaling's system: the dense LU solution of that system to 1e-8 of its largest
 * entry, as a fresh solver gives it. Then the heavy scaling again, against its own LU solution.
 */
class KktSolverNewScalingTest {

    private static void assertLuSolution(ConicData d, NtScaling w, KktSolver kkt, Random rnd, String label) {
        KktReferenceSystem.assertSolvesLikeDenseLu(d, w, kkt, rnd, label);
    }

    @Test
    void aNewScalingForgetsTheBordersAndRotationsOfTheLastOne() {
        for (long seed = 1; seed <= 3; seed++) {
            ConicData d = KktReferenceSystem.separatedProgram(seed);
            NtScaling heavy = KktReferenceSystem.scaling(d, 1e5, seed + 10, 1, true);
            NtScaling centred = KktReferenceSystem.scaling(d, 2, seed + 20, 1, true);
            KktSolver kkt = new KktSolver(d);
            Random rnd = new Random(seed);
            assertEquals(KktSolver.Factorisation.FACTORED, kkt.factor(heavy));
            assertLuSolution(d, heavy, kkt, rnd, "seed " + seed + " heavy");
            assertEquals(KktSolver.Factorisation.FACTORED, kkt.factor(centred));
            assertLuSolution(d, centred, kkt, rnd, "seed " + seed + " centred after heavy");
            assertEquals(KktSolver.Factorisation.FACTORED, kkt.factor(heavy));
            assertLuSolution(d, heavy, kkt, rnd, "seed " + seed + " heavy again");
        }
    }
}
