package io.fresnel.design.sdr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Paper 004's rank-one construction (36), xi = (g^H A g)^{-1/2} A g, on matrices small enough to
 * do by hand, and its cut-off: a direction A does not reach gives the zero vector.
 */
class SdrRankOneByHandTest {
    private static final double S = Math.sqrt(2);

    @Test
    void aRealDiagonalCovarianceGivesTheScaledColumn() {
        // A = diag(2, 1), g = (1, 0): A g = (2, 0), g^H A g = 2, xi = (2, 0) / sqrt 2
        double[][] xi = SdrPrecoder.rankOne(new double[][] {{2, 0}, {0, 1}}, new double[2][2],
                new double[][] {{1, 0}, {0, 0}});
        assertArrayEquals(new double[] {S, 0}, xi[0], 1e-15);
        assertArrayEquals(new double[] {0, 0}, xi[1], 1e-15);
        // g = (1, 1): A g = (2, 1), g^H A g = 3
        double[][] both = SdrPrecoder.rankOne(new double[][] {{2, 0}, {0, 1}}, new double[2][2],
                new double[][] {{1, 1}, {0, 0}});
        assertArrayEquals(new double[] {2 / Math.sqrt(3), 1 / Math.sqrt(3)}, both[0], 1e-15);
    }

    @Test
    void aComplexCovarianceKeepsTheSignalItSendsToG() {
        // A = [[2, j], [-j, 2]], g = (1, j): A g = (2 + j j, -j + 2 j) = (1, j), g^H A g = 1 + 1 = 2,
        // xi = (1, j) / sqrt 2 and |g^H xi|^2 = |1 + 1|^2 / 2 = 2 = g^H A g
        double[][] xi = SdrPrecoder.rankOne(new double[][] {{2, 0}, {0, 2}}, new double[][] {{0, 1}, {-1, 0}},
                new double[][] {{1, 0}, {0, 1}});
        assertArrayEquals(new double[] {1 / S, 0}, xi[0], 1e-15);
        assertArrayEquals(new double[] {0, 1 / S}, xi[1], 1e-15);
        double re = xi[0][0] + xi[1][1]; // g^H xi = conj(1) xi_0 + conj(j) xi_1
        double im = xi[1][0] - xi[0][1];
        assertEquals(2, re * re + im * im, 1e-14);
    }

    @Test
    void aDirectionTheCovarianceDoesNotReachGivesZero() {
        // A = diag(0, 1), g = (1, 0): g^H A g = 0
        double[][] xi = SdrPrecoder.rankOne(new double[][] {{0, 0}, {0, 1}}, new double[2][2],
                new double[][] {{1, 0}, {0, 0}});
        assertArrayEquals(new double[2], xi[0]);
        assertArrayEquals(new double[2], xi[1]);
        // g^H A g = 1e-15 (relative to tr A = 1 + 1e-15 and |g|^2 = 1) is below the cut-off 1e-14: zero too
        double[][] tiny = SdrPrecoder.rankOne(new double[][] {{1e-15, 0}, {0, 1}}, new double[2][2],
                new double[][] {{1, 0}, {0, 0}});
        assertArrayEquals(new double[2], tiny[0]);
        // 1e-13 is above it: (1e-13, 0) / sqrt(1e-13)
        double[][] small = SdrPrecoder.rankOne(new double[][] {{1e-13, 0}, {0, 1}}, new double[2][2],
                new double[][] {{1, 0}, {0, 0}});
        assertEquals(Math.sqrt(1e-13), small[0][0], 1e-20);
    }

    @Test
    void theCutOffScalesWithTheTraceAndWithTheNormOfG() {
        // g = (j, 0): |g|^2 = 1, g^H A g = 1e-15 for A = diag(1e-15, 1): below 1e-14 tr A |g|^2, zero
        assertArrayEquals(new double[2], SdrPrecoder.rankOne(new double[][] {{1e-15, 0}, {0, 1}}, new double[2][2],
                new double[][] {{0, 0}, {1, 0}})[1]);
        // g = (10, 0): g^H A g = 1e-13 against 1e-14 * 1 * 100 = 1e-12: zero
        assertArrayEquals(new double[2], SdrPrecoder.rankOne(new double[][] {{1e-15, 0}, {0, 1}}, new double[2][2],
                new double[][] {{10, 0}, {0, 0}})[0]);
        // A = diag(1e-13, 100), g = (1, 0): 1e-13 against 1e-14 * 100 = 1e-12: zero
        assertArrayEquals(new double[2], SdrPrecoder.rankOne(new double[][] {{1e-13, 0}, {0, 100}}, new double[2][2],
                new double[][] {{1, 0}, {0, 0}})[0]);
        // exactly at the cut-off: A = diag(1, 1e14 - 1), tr A = 1e14, g = (1, 0): g^H A g = 1 = 1e-14 * 1e14 * 1
        assertEquals(1.0, 1e-14 * 1e14 * 1.0);
        assertArrayEquals(new double[2], SdrPrecoder.rankOne(new double[][] {{1, 0}, {0, 1e14 - 1}}, new double[2][2],
                new double[][] {{1, 0}, {0, 0}})[0]);
    }
}
