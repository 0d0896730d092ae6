package io.fresnel.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * {@link HermitianVariable}'s argument rules on both sides of each limit, with the messages: the
 * first variable and size, indices, i &lt; j for the off-diagonal parts, square coefficient
 * matrices, placements that fit (exactly at the block's edge) or overflow / overlap, a program
 * with exactly enough variables, and a solution vector of exactly the needed length.
 */
class HermitianVariableLimitsTest {

    private static void rejects(String fragment, Executable e) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().contains(fragment), () -> "message '" + ex.getMessage() + "' should contain " + fragment);
    }

    @Test
    void constructionAndIndices() {
        rejects("firstVariable must be >= 0: -1", () -> new HermitianVariable(-1, 2));
        rejects("n must be >= 1: 0", () -> new HermitianVariable(0, 0));
        HermitianVariable one = new HermitianVariable(0, 1);
        assertEquals(1, one.count());
        HermitianVariable x = new HermitianVariable(5, 3);
        assertEquals(3, x.n());
        assertEquals(5, x.first());
        assertEquals(9, x.count());
        assertEquals(7, x.diagonal(2));
        rejects("index 3 outside 0..2", () -> x.diagonal(3));
        rejects("index -1 outside 0..2", () -> x.diagonal(-1));
        // off-diagonal pairs after the 3 diagonal entries: (0,1) -> 8, 9; (0,2) -> 10, 11; (1,2) -> 12, 13
        assertEquals(8, x.realPart(0, 1));
        assertEquals(10, x.realPart(0, 2));
        assertEquals(12, x.realPart(1, 2));
        assertEquals(13, x.imaginaryPart(1, 2));
        rejects("index 3 outside", () -> x.realPart(3, 4));
        rejects("index 3 outside", () -> x.realPart(0, 3));
        rejects("realPart needs i < j: 1, 1", () -> x.realPart(1, 1));
        rejects("realPart needs i < j: 2, 1", () -> x.realPart(2, 1));
        rejects("aRe must be 3 x 3", () -> x.addTraceProduct(new HashMap<>(), new double[2][3], null, 1));
        rejects("aRe must be 3 x 3", () -> x.addTraceProduct(new HashMap<>(), new double[][] {new double[3], new double[3], new double[2]}, null, 1));
        rejects("aRe must be 3 x 3", () -> x.addTraceProduct(new HashMap<>(), null, null, 1));
        rejects("aIm must be 3 x 3", () -> x.addTraceProduct(new HashMap<>(), new double[3][3], new double[3][2], 1));
    }

    @Test
    void placementsProgramsAndSolutions() {
        HermitianVariable x = new HermitianVariable(0, 2);
        ConeProgram p = new ConeProgram(4);
        HermitianPsdBlock block = p.addHermitianPsd(4);
        x.addTo(block, 2, 2, 1);
        x.addTo(block, 0, 2, 1);
        x.addTo(block, 2, 0, 1);
        rejects("does not fit a block of size 4", () -> x.addTo(block, 3, 0, 1));
        rejects("does not fit a block of size 4", () -> x.addTo(block, 0, 3, 1));
        rejects("does not fit a block of size 4", () -> x.addTo(block, -1, 0, 1));
        rejects("does not fit a block of size 4", () -> x.addTo(block, 0, -1, 1));
        rejects("row range 0..1 overlaps column range 1..2", () -> x.addTo(block, 0, 1, 1));
        rejects("row range 1..2 overlaps column range 0..1", () -> x.addTo(block, 1, 0, 1));
        // 4 variables exactly fit a 4-variable program; from variable 1 they do not
        x.requirePsd(p);
        rejects("variables 1..4 exceed the program's 4", () -> new HermitianVariable(1, 2).requirePsd(new ConeProgram(4)));
        double[][][] v = x.value(new double[] {1, 2, 3, 4});
        assertEquals(1, v[0][0][0]);
        assertEquals(2, v[0][1][1]);
        assertEquals(3, v[0][0][1]);
        assertEquals(3, v[0][1][0]);
        assertEquals(4, v[1][0][1]);
        assertEquals(-4, v[1][1][0]);
        rejects("solution vector too short for variables up to 3", () -> x.value(new double[3]));
        rejects("solution vector too short for variables up to 4", () -> new HermitianVariable(1, 2).value(new double[4]));
        rejects("solution vector too short", () -> x.value(null));
    }
}
