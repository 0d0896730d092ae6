package io.fresnel.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.math.SymmetricMatrices;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link AffineLmi} beyond the other tests' set-up: variables whose coefficients are added in
 * descending order (the Hessian entry of two variables then lands in the lower triangle through
 * the other branch), LMIs that are not siblings side by side in one program (they must not be
 * evaluated as one group), a group of one, and coefficients added after a barrier evaluation
 * (through the LMI or through a sibling: the barrier follows the matrix). Derivatives are checked
 * against finite differences of the value ({@link BarrierDerivatives}) and the value against
 * {@code -sum ln(eigenvalues of M(x))}.
 */
class AffineLmiOrderAndEditsTest {

    /** An LMI of order m over 3 variables with coefficients added for variables 2, 0, 1 in that order. */
    private static AffineLmi descending(Random rnd, int m) {
        AffineLmi lmi = new AffineLmi(m);
        for (int v : new int[] {2, 0, 1}) {
            AffineLmiTest.addCoefficient(lmi, v, AffineLmiTest.randomSymmetric(rnd, m, 0.5));
        }
        for (int i = 0; i < m; i++) {
            lmi.addConstant(i, i, 4 + m);
        }
        return lmi;
    }

    private static double minusLogDet(AffineLmi lmi, double[] x) {
        double v = 0;
        for (double e : SymmetricMatrices.eigenvalues(lmi.matrix(x))) {
            v -= Math.log(e);
        }
        return v;
    }

    @Test
    void variablesAddedInDescendingOrderGiveTheRightHessian() {
        Random rnd = new Random(61);
        double[] x = {0.1, -0.2, 0.3};
        for (int m = 1; m <= 3; m++) {
            AffineLmi lmi = descending(rnd, m);
            BarrierDerivatives.assertMatchesFiniteDifferences(lmi::addBarrier, x);
            assertEquals(minusLogDet(lmi, x), BarrierDerivatives.value(lmi::addBarrier, x), 1e-12);
        }
    }

    @Test
    void siblingsWithVariablesInDescendingOrderGiveTheRightHessian() {
        Random rnd = new Random(62);
        double[] x = {0.1, -0.2, 0.3};
        for (int m = 1; m <= 3; m++) {
            AffineLmi first = descending(rnd, m);
            AffineLmi second = first.sibling();
            AffineLmiTest.addConstant(second, AffineLmiTest.randomSymmetric(rnd, m, 0.3));
            for (int i = 0; i < m; i++) {
                second.addConstant(i, i, 5);
            }
            List<AffineLmi> group = List.of(first, second);
            BarrierDerivatives.assertMatchesFiniteDifferences((y, g, h) -> AffineLmi.addBarriers(group, y, g, h), x);
            assertEquals(minusLogDet(first, x) + minusLogDet(second, x),
                    BarrierDerivatives.value((y, g, h) -> AffineLmi.addBarriers(group, y, g, h), x), 1e-12);
        }
    }

    @Test
    void aGroupOfOneIsThatLmisBarrier() {
        Random rnd = new Random(63);
        double[] x = {0.05, 0.1, -0.15};
        AffineLmi lmi = descending(rnd, 3);
        List<AffineLmi> one = List.of(lmi);
        assertEquals(minusLogDet(lmi, x), BarrierDerivatives.value((y, g, h) -> AffineLmi.addBarriers(one, y, g, h), x),
                1e-12);
        BarrierDerivatives.assertMatchesFiniteDifferences((y, g, h) -> AffineLmi.addBarriers(one, y, g, h), x);
    }

    @Test
    void onlySiblingsShareCoefficients() {
        AffineLmi a = new AffineLmi(2);
        AffineLmi b = new AffineLmi(2);
        a.addCoefficient(0, 0, 0, 1);
        b.addCoefficient(0, 0, 0, 1);
        assertFalse(a.sharesCoefficients(b), "equal coefficients, but not shared");
        assertFalse(b.sharesCoefficients(a));
        AffineLmi s = a.sibling();
        assertTrue(s.sharesCoefficients(a));
        assertTrue(s.sibling().sharesCoefficients(a), "a sibling of a sibling");
        assertFalse(s.sharesCoefficients(b));
    }

    /**
     * Two different LMIs next to each other in one program: minimise x0 + x1 subject to
     * [[x0, 1], [1, 1]] &gt;= 0 (x0 &gt;= 1) and [[x1, 2], [2, 1]] &gt;= 0 (x1 &gt;= 4); the optimum is 5 at
     * (1, 4). Evaluated as one group (as if they shared their coefficients) the second would use
     * the first's matrices.
     */
    @Test
    void neighbouringLmisThatAreNotSiblingsKeepTheirOwnCoefficients() {
        SmoothConvexProgram p = new SmoothConvexProgram(2);
        p.addLinearObjective(0, 1);
        p.addLinearObjective(1, 1);
        AffineLmi first = new AffineLmi(2);
        first.addCoefficient(0, 0, 0, 1);
        first.addConstant(0, 1, 1);
        first.addConstant(1, 1, 1);
        AffineLmi second = new AffineLmi(2);
        second.addCoefficient(1, 0, 0, 1);
        second.addConstant(0, 1, 2);
        second.addConstant(1, 1, 1);
        p.add(first);
        p.add(second);
        BarrierSolver.Result r = BarrierSolver.solve(p, new double[] {3, 6}, BarrierSolver.TOLERANCE, () -> false);
        assertEquals(ConeStatus.OPTIMAL, r.status(), r::toString);
        assertEquals(5, r.objective(), 1e-8 * 5);
        assertEquals(1, r.x()[0], 1e-7);
        assertEquals(4, r.x()[1], 1e-7);
    }

    /**
     * Coefficients added after an evaluation: to an existing variable and for a new variable, once
     * through the LMI evaluated and once through its sibling. Each later evaluation is the barrier
     * of the matrix as it now is.
     */
    @Test
    void theBarrierFollowsCoefficientsAddedAfterAnEvaluation() {
        Random rnd = new Random(64);
        int m = 3;
        double[] x = {0.1, -0.1, 0.2, 0.05};
        AffineLmi first = descending(rnd, m);
        AffineLmi second = first.sibling();
        for (int i = 0; i < m; i++) {
            second.addConstant(i, i, 6);
        }
        List<AffineLmi> group = List.of(first, second);
        BarrierDerivatives.Barrier together = (y, g, h) -> AffineLmi.addBarriers(group, y, g, h);
        BarrierDerivatives.assertMatchesFiniteDifferences(second::addBarrier, x);
        BarrierDerivatives.assertMatchesFiniteDifferences(together, x);
        // an existing variable's coefficient changed through the other LMI
        first.addCoefficient(0, 0, 1, 0.7);
        BarrierDerivatives.assertMatchesFiniteDifferences(second::addBarrier, x);
        assertEquals(minusLogDet(second, x), BarrierDerivatives.value(second::addBarrier, x), 1e-12);
        BarrierDerivatives.assertMatchesFiniteDifferences(together, x);
        // a new variable added through the sibling
        second.addCoefficient(3, 2, 2, 1.5);
        BarrierDerivatives.assertMatchesFiniteDifferences(first::addBarrier, x);
        BarrierDerivatives.assertMatchesFiniteDifferences(together, x);
        double[] g = new double[4];
        first.addBarrier(x, g, new double[4][4]);
        // d/dx3 of -ln det M = -tr(M^-1 E_22) 1.5 = -1.5 (M^-1)_22, which is not zero
        assertTrue(g[3] < 0, "the new variable has a gradient");
    }
}
