package io.fresnel.design.sdr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The paper's P_s construction (48)-(49) of {@link CrbSinrTradeoff#lemma1Projection} on a 2 x 2
 * covariance done by hand: with X = diag(l_1, l_2) and g = (g_1, g_2), ||U^H g||^2 = g_1^2 + g_2^2,
 * u^H Sigma^-1 u ||U^H g||^2 = g_1^2 / l_1 + g_2^2 / l_2, the signal is ||U^H g||^4 / that, the
 * interference g^H X g minus the signal, and SINR = P signal / (P interference + sigma^2).
 */
class Lemma1ProjectionByHandTest {

    private static double[][][] diagonal(double a, double b) {
        return new double[][][] {{{a, 0}, {0, b}}, new double[2][2]};
    }

    @Test
    void twoEigenDirections() {
        // l = (2, 1), g = (1, 1): signal = 2^2 / (1/2 + 1) = 8/3, g^H X g = 3, interference 1/3;
        // P = 1, sigma^2 = 1: SINR = (8/3) / (1/3 + 1) = 2
        assertEquals(2, CrbSinrTradeoff.lemma1Projection(diagonal(2, 1), new double[][] {{1, 1}, {0, 0}}, 1, 1),
                1e-14);
        // the same with g = (j, j) (only |e_k^H g|^2 matters) and P = 3, sigma^2 = 2:
        // SINR = 3 (8/3) / (3 (1/3) + 2) = 8/3
        assertEquals(8 / 3.0, CrbSinrTradeoff.lemma1Projection(diagonal(2, 1), new double[][] {{0, 0}, {1, 1}}, 3, 2),
                1e-14);
    }

    @Test
    void anAlignedDirectionHasNoInterference() {
        // g = (1, 0) along the first eigenvector: signal = 1 / (1/2) = 2 = g^H X g, interference 0;
        // P = 2, sigma^2 = 0.5: SINR = 2 * 2 / 0.5 = 8
        assertEquals(8, CrbSinrTradeoff.lemma1Projection(diagonal(2, 1), new double[][] {{1, 0}, {0, 0}}, 2, 0.5),
                1e-13);
    }

    @Test
    void eigenvaluesBelowOneBillionthOfTheLargestAreLeftOut() {
        // X = diag(1, 1e-12): the second direction is dropped, so U = e_1, signal = 1 = g^H X g (up to 1e-12):
        // SINR = P / sigma^2 = 4 (kept, it would be 1 / (1 + 1e12) and the SINR near 0)
        assertEquals(4, CrbSinrTradeoff.lemma1Projection(diagonal(1, 1e-12), new double[][] {{1, 1}, {0, 0}}, 2, 0.5),
                1e-9);
        // 1e-8 is kept: ||U^H g||^2 = 2, quad = 1 + 1e8, signal = 4 / (1 + 1e8), g^H X g = 1 + 1e-8
        double signal = 4 / (1 + 1e8);
        double interference = 1 + 1e-8 - signal;
        assertEquals(2 * signal / (2 * interference + 0.5),
                CrbSinrTradeoff.lemma1Projection(diagonal(1, 1e-8), new double[][] {{1, 1}, {0, 0}}, 2, 0.5), 1e-12);
    }

    @Test
    void theCutOffIsRelativeToTheLargestEigenvalue() {
        // X = diag(100, 1e-9): 1e-9 <= 1e-9 * 100, so U = e_1 alone and, with g = (1, 1), signal = 1 * 1 / (1 / 100)
        // = 100 = g^H X g up to 1e-9: no interference, SINR = P signal / sigma^2 = 2 * 100 / 0.5 = 400 (keeping
        // the second direction would give ||U^H g||^2 = 2, quad = 0.01 + 1e9: a signal of 4e-9)
        assertEquals(400, CrbSinrTradeoff.lemma1Projection(diagonal(100, 1e-9), new double[][] {{1, 1}, {0, 0}}, 2,
                0.5), 1e-6);
    }

    @Test
    void aComplexCovarianceWithComplexEigenvectors() {
        // X = [[2, j], [-j, 2]]: eigenvalues 3 and 1 with eigenvectors (1, -j)/sqrt 2 and (1, j)/sqrt 2.
        // g = (1, 1 + j): v_1^H g = (1 + j (1 + j)) / sqrt 2 = j / sqrt 2, |.|^2 = 1/2;
        // v_2^H g = (1 - j (1 + j)) / sqrt 2 = (2 - j) / sqrt 2, |.|^2 = 5/2. ||U^H g||^2 = 3,
        // quad = (1/2) / 3 + (5/2) / 1 = 8/3, signal = 9 / (8/3) = 27/8, g^H X g = 3/2 + 5/2 = 4,
        // interference 5/8; P = 1, sigma^2 = 1: SINR = (27/8) / (5/8 + 1) = 27/13
        double[][][] x = {{{2, 0}, {0, 2}}, {{0, 1}, {-1, 0}}};
        assertEquals(27 / 13.0, CrbSinrTradeoff.lemma1Projection(x, new double[][] {{1, 1}, {0, 1}}, 1, 1), 1e-14);
        // g = (1, j) lies along (1, j)/sqrt 2 (eigenvalue 1): signal = g^H X g = 2, SINR = 3 * 2 / 0.5 = 12
        assertEquals(12, CrbSinrTradeoff.lemma1Projection(x, new double[][] {{1, 0}, {0, 1}}, 3, 0.5), 1e-13);
        // g = (1 + j, 1): v_1^H g = (1 + j + j) / sqrt 2, |.|^2 = 5/2; v_2^H g = (1 + j - j) / sqrt 2, |.|^2 = 1/2;
        // quad = (5/2) / 3 + (1/2) / 1 = 4/3, signal = 3^2 / (4/3) = 27/4, g^H X g = 15/2 + 1/2 = 8,
        // interference 5/4: SINR = (27/4) / (5/4 + 1) = 3
        assertEquals(3, CrbSinrTradeoff.lemma1Projection(x, new double[][] {{1, 1}, {1, 0}}, 1, 1), 1e-13);
    }
}
