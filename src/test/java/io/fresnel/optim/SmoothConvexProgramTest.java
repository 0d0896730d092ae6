package io.fresnel.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link SmoothConvexProgram}: validation, objective, constraint accessors, strict feasibility. */
class SmoothConvexProgramTest {

    /** The disc x0^2 + x1^2 <= 1 as a quadratic constraint. */
    static QuadraticLogConstraint unitDisc() {
        return QuadraticLogConstraint.quadratic(new double[][] {{1, 0}, {0, 1}}, new double[2], new double[2], 1);
    }

    @Test
    void needsAtLeastOneVariable() {
        assertThrows(IllegalArgumentException.class, () -> new SmoothConvexProgram(0));
        assertEquals(3, new SmoothConvexProgram(3).variables());
    }

    @Test
    void rejectsRowsOfTheWrongLength() {
        SmoothConvexProgram p = new SmoothConvexProgram(2);
        assertThrows(IllegalArgumentException.class, () -> p.addSquareObjective(new double[3], 0, 1));
        assertThrows(IllegalArgumentException.class, () -> p.addSquareObjective(new double[1], 0, 1));
        assertThrows(IllegalArgumentException.class, () -> p.addLinearInequality(new double[3], 1));
        assertThrows(IllegalArgumentException.class, () -> p.addLinearInequality(new double[1], 1));
        assertThrows(IllegalArgumentException.class,
                () -> p.add(QuadraticLogConstraint.quadratic(new double[0][], new double[0], new double[3], 1)));
        assertEquals(0, p.constraintCount());
    }

    @Test
    void rejectsNegativeOrNanSquareWeights() {
        SmoothConvexProgram p = new SmoothConvexProgram(2);
        assertThrows(IllegalArgumentException.class, () -> p.addSquareObjective(new double[2], 0, -1));
        assertThrows(IllegalArgumentException.class, () -> p.addSquareObjective(new double[2], 0, Double.NaN));
        p.addSquareObjective(new double[2], 0, 0);
    }

    @Test
    void objectiveIsLinearPlusWeightedSquares() {
        SmoothConvexProgram p = new SmoothConvexProgram(2);
        p.addLinearObjective(0, 1.5);
        p.addLinearObjective(0, 0.5);
        p.addLinearObjective(1, -3);
        p.addSquareObjective(new double[] {1, 2}, -1, 0.5);
        p.addSquareObjective(new double[] {0, 1}, 2, 3);
        double[] x = {0.7, -0.4};
        double expected = 2 * 0.7 + 3 * 0.4 + 0.5 * Math.pow(0.7 - 0.8 - 1, 2) + 3 * Math.pow(-0.4 + 2, 2);
        assertEquals(expected, p.objective(x), 1e-14);
    }

    @Test
    void constraintAccessorsCountAndEvaluateOnlyTheSmoothConstraints() {
        SmoothConvexProgram p = new SmoothConvexProgram(2);
        assertEquals(0, p.constraintCount());
        p.add(unitDisc());
        // x1 <= ln(1 + x0), i.e. x1 - ln(1 + x0) <= 0
        p.add(new QuadraticLogConstraint(new double[0][], new double[0], new double[] {0, -1}, 0, 1,
                new double[] {1, 0}, 1, null));
        p.addLinearInequality(new double[] {1, 1}, 1);
        AffineLmi lmi = new AffineLmi(2);
        lmi.addConstant(0, 0, 1);
        lmi.addConstant(1, 1, 1);
        p.add(lmi);
        assertEquals(2, p.constraintCount());
        double[] x = {0.3, -0.2};
        assertEquals(0.09 + 0.04 - 1, p.constraintValue(0, x), 1e-15);
        assertEquals(-0.2 - Math.log(1.3), p.constraintValue(1, x), 1e-15);
        assertEquals(Double.POSITIVE_INFINITY, p.constraintValue(1, new double[] {-1, 0}));
        assertThrows(IndexOutOfBoundsException.class, () -> p.constraintValue(2, x));
        // degree: two smooth constraints, one linear row, a 2 x 2 LMI
        assertEquals(5, p.degree());
    }

    @Test
    void strictFeasibilityExcludesEveryBoundary() {
        SmoothConvexProgram p = new SmoothConvexProgram(2);
        p.add(unitDisc());
        p.addLinearInequality(new double[] {0, 1}, 0.5);
        // [[1 + x0, 0], [0, 1]] >= 0, i.e. x0 >= -1 (interior: x0 > -1)
        AffineLmi lmi = new AffineLmi(2);
        lmi.addConstant(0, 0, 1);
        lmi.addConstant(1, 1, 1);
        lmi.addCoefficient(0, 0, 0, 1);
        p.add(lmi);
        assertTrue(p.strictlyFeasible(new double[] {0, 0}));
        assertFalse(p.strictlyFeasible(new double[] {0, 1}), "on the disc boundary");
        assertFalse(p.strictlyFeasible(new double[] {0.5, 0.5}), "on the linear boundary");
        assertFalse(p.strictlyFeasible(new double[] {-1, 0}), "on the disc and the LMI boundary");
        SmoothConvexProgram lmiOnly = new SmoothConvexProgram(2);
        lmiOnly.add(lmi);
        assertTrue(lmiOnly.strictlyFeasible(new double[] {-0.99, 5}));
        assertFalse(lmiOnly.strictlyFeasible(new double[] {-1, 5}), "LMI singular");
        assertFalse(lmiOnly.strictlyFeasible(new double[] {-2, 5}), "LMI indefinite");
        SmoothConvexProgram logOnly = new SmoothConvexProgram(1);
        // -ln(x) <= 0 i.e. x >= 1, with domain x > 0
        logOnly.add(new QuadraticLogConstraint(new double[0][], new double[0], new double[1], 0, 1,
                new double[] {1}, 0, null));
        assertTrue(logOnly.strictlyFeasible(new double[] {1.5}));
        assertFalse(logOnly.strictlyFeasible(new double[] {1}));
        assertFalse(logOnly.strictlyFeasible(new double[] {-1}), "outside the log domain");
        assertTrue(new SmoothConvexProgram(1).strictlyFeasible(new double[] {42}), "no constraints");
    }
}
