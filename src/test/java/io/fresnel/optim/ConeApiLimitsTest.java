package io.fresnel.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The argument rules of the cone API on both sides of each limit, with the field named in the
 * message: {@link ConeOptions} (positive finite tolerances, at least one iteration, an acceptable gap
 * at least the gap tolerance, and the copies' defaults), {@link ConeResult}'s status,
 * {@link ConeStatus#jsonName()}, {@link ConeProgram}'s rows, objective and block sizes,
 * {@link PsdBlock}'s and {@link HermitianPsdBlock}'s entries and the real embedding by hand.
 */
class ConeApiLimitsTest {

    private static void rejects(String fragment, Executable e) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().contains(fragment), () -> "message '" + ex.getMessage() + "' should name " + fragment);
    }

    @Test
    void coneOptionsLimits() {
        ConeOptions d = ConeOptions.defaults();
        assertEquals(1e-9, d.gapTolerance());
        assertEquals(1e-9, d.feasibilityTolerance());
        assertEquals(100, d.maxIterations());
        assertEquals(1e-9, d.acceptableGap());
        for (double bad : new double[] {0, -1e-9, Double.NaN, Double.POSITIVE_INFINITY}) {
            rejects("gapTolerance", () -> new ConeOptions(bad, 1e-9, 10, 1));
            rejects("feasibilityTolerance", () -> new ConeOptions(1e-9, bad, 10, 1));
        }
        rejects("maxIterations", () -> new ConeOptions(1e-9, 1e-9, 0, 1e-9));
        assertEquals(1, new ConeOptions(1e-9, 1e-9, 1, 1e-9).maxIterations());
        rejects("acceptableGap", () -> new ConeOptions(1e-9, 1e-9, 1, Math.nextDown(1e-9)));
        rejects("acceptableGap", () -> new ConeOptions(1e-9, 1e-9, 1, Double.POSITIVE_INFINITY));
        rejects("acceptableGap", () -> new ConeOptions(1e-9, 1e-9, 1, Double.NaN));
        assertEquals(1e-9, new ConeOptions(1e-9, 1e-9, 1, 1e-9).acceptableGap(), "equal to the gap tolerance is allowed");
        // the copies change one field; a larger gap tolerance raises the acceptable gap with it
        ConeOptions g = d.withAcceptableGap(1e-6).withGapTolerance(1e-7);
        assertEquals(1e-7, g.gapTolerance());
        assertEquals(1e-6, g.acceptableGap());
        assertEquals(1e-5, d.withGapTolerance(1e-5).acceptableGap());
        ConeOptions f = d.withFeasibilityTolerance(1e-6).withMaxIterations(7);
        assertEquals(1e-6, f.feasibilityTolerance());
        assertEquals(7, f.maxIterations());
        assertEquals(1e-9, f.gapTolerance());
        assertEquals(1e-9, f.acceptableGap());
    }

    @Test
    void resultAndStatus() {
        rejects("status", () -> new ConeResult(null, null, 0, 0, 0, 0, 0, 0));
        assertTrue(new ConeResult(ConeStatus.OPTIMAL, new double[1], 0, 0, 1, 0, 0, 0).optimal());
        assertTrue(!new ConeResult(ConeStatus.ITERATION_LIMIT, new double[1], 0, 0, 1, 0, 0, 0).optimal());
        assertEquals("iteration_limit", ConeStatus.ITERATION_LIMIT.jsonName());
        assertEquals("optimal", ConeStatus.OPTIMAL.jsonName());
        assertThrows(IllegalArgumentException.class, () -> ConeSolver.solve(null, null, null));
    }

    @Test
    void programRows() {
        rejects("at least one variable", () -> new ConeProgram(0));
        assertEquals(1, new ConeProgram(1).variables(), "one variable is allowed");
        ConeProgram p = new ConeProgram(3);
        assertEquals(3, p.variables());
        rejects("variable 3 outside 0..2", () -> p.setObjective(3, 1));
        rejects("variable -1", () -> p.setObjective(-1, 1));
        rejects("objective coefficient", () -> p.setObjective(2, Double.NaN));
        p.setObjective(2, 4);
        p.setObjective(0, -1);
        assertArrayEquals(new double[] {-1, 0, 4}, p.objective(), 0);
        rejects("row length 2 != 3", () -> p.addEquality(new double[2], 0));
        rejects("row length null", () -> p.addLinearInequality((double[]) null, 0));
        rejects("right-hand side", () -> p.addEquality(new double[3], Double.POSITIVE_INFINITY));
        rejects("row coefficient", () -> p.addLinearInequality(new double[] {0, 0, Double.NaN}, 0));
        rejects("row must not be null", () -> p.addEquality((Map<Integer, Double>) null, 0));
        rejects("variable 3", () -> p.addLinearInequality(Map.of(3, 1.0), 0));
        rejects("row coefficient", () -> p.addLinearInequality(Map.of(2, Double.NaN), 0));
        rejects("right-hand side", () -> p.addLinearInequality(Map.of(2, 1.0), Double.NaN));
        Map<Integer, Double> withNull = new HashMap<>();
        withNull.put(null, 1.0);
        rejects("variable null", () -> p.addEquality(withNull, 0));
        // dense and sparse rows keep only nonzeros, ascending
        p.addEquality(new double[] {0, 2, -1}, 5);
        Map<Integer, Double> sparse = new HashMap<>();
        sparse.put(2, 3.0);
        sparse.put(0, 0.0);
        sparse.put(1, -1.5);
        p.addLinearInequality(sparse, 7);
        assertEquals(1, p.equalityCount());
        assertEquals(1, p.linearInequalityCount());
        ConeProgram.SparseRow eq = p.equalities().get(0);
        assertArrayEquals(new int[] {1, 2}, eq.index());
        assertArrayEquals(new double[] {2, -1}, eq.value(), 0);
        assertEquals(5, eq.rhs());
        ConeProgram.SparseRow in = p.inequalities().get(0);
        assertArrayEquals(new int[] {1, 2}, in.index());
        assertArrayEquals(new double[] {-1.5, 3}, in.value(), 0);
        assertEquals(7, in.rhs());
        assertEquals(0, p.psdBlockCount());
        p.addPsd(2);
        p.addHermitianPsd(1);
        assertEquals(2, p.psdBlockCount());
        rejects("PSD block size", () -> p.addPsd(0));
        rejects("Hermitian block size", () -> p.addHermitianPsd(0));
    }

    @Test
    void blockEntries() {
        ConeProgram p = new ConeProgram(2);
        PsdBlock b = p.addPsd(3);
        assertEquals(3, b.size());
        rejects("variable 2 outside 0..1", () -> b.addCoefficient(2, 0, 0, 1));
        assertEquals(1, p.addPsd(1).size(), "a 1 x 1 block is allowed");
        b.addCoefficient(0, 1, 2, 0.5);
        assertEquals(Map.of(1L * 3 + 2, 0.5), b.coefficients().get(0), "variable 0 is allowed");
        rejects("variable -1", () -> b.addCoefficient(-1, 0, 0, 1));
        rejects("entry (3, 0)", () -> b.addConstant(3, 0, 1));
        rejects("entry (0, 3)", () -> b.addConstant(0, 3, 1));
        rejects("entry (-1, 0)", () -> b.addCoefficient(1, -1, 0, 1));
        rejects("entry (0, -1)", () -> b.addCoefficient(1, 0, -1, 1));
        rejects("not finite", () -> b.addConstant(0, 0, Double.NaN));
        b.addConstant(2, 0, 1.5);
        b.addConstant(0, 2, 0.5);
        b.addConstant(1, 1, -2);
        assertArrayEquals(new double[] {0, 0, 2, 0, -2, 0, 2, 0, 0}, b.denseConstant(), 0, "accumulated, symmetric");
        b.addCoefficient(1, 2, 1, 4);
        assertEquals(Map.of(1L * 3 + 2, 4.0), b.coefficients().get(1), "keyed lo * size + hi");

        HermitianPsdBlock h = p.addHermitianPsd(2);
        assertEquals(2, h.size());
        rejects("must be real", () -> h.addConstant(1, 1, 1, 0.5));
        rejects("entry (2, 0)", () -> h.addCoefficient(0, 2, 0, 1, 0));
        rejects("entry (0, 2)", () -> h.addConstant(0, 2, 1, 0));
        rejects("entry (-1, 0)", () -> h.addConstant(-1, 0, 1, 0));
        rejects("entry (0, -1)", () -> h.addConstant(0, -1, 1, 0));
        // F0 = [[1, 2 + 3j], [2 - 3j, 5]]: embedding [[Re, -Im], [Im, Re]]
        h.addConstant(0, 0, 1, 0);
        h.addConstant(0, 1, 2, 3);
        h.addConstant(1, 1, 5, 0);
        double[] e = h.realEmbedding().denseConstant();
        double[][] expected = {
            {1, 2, 0, -3},
            {2, 5, 3, 0},
            {0, 3, 1, 2},
            {-3, 0, 2, 5}};
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                assertEquals(expected[i][j], e[i * 4 + j], 0, "(" + i + ", " + j + ")");
            }
        }
        h.addCoefficient(1, 1, 0, 0, -1);
        // F_1(1, 0) = -j: Im(1, 0) = -1 at (1 + n, 0) = (3, 0), -Im(1, 0) = 1 at (1, 0 + n) = (1, 2)
        assertEquals(Map.of(0L * 4 + 3, -1.0, 1L * 4 + 2, 1.0), h.realEmbedding().coefficients().get(1));
    }
}
