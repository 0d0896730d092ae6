package io.fresnel.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.fresnel.math.SymmetricMatrices;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link AffineLmi}: the assembled matrix, its factor, and the barrier {@code -ln det M(x)} with
 * its gradient and Hessian against the eigenvalues and finite differences (error budget in
 * {@link BarrierDerivatives}).
 */
class AffineLmiTest {

    /** A random symmetric m x m matrix, entries of size sigma. */
    static double[][] randomSymmetric(Random rnd, int m, double sigma) {
        double[][] s = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j <= i; j++) {
                s[i][j] = sigma * rnd.nextGaussian();
                s[j][i] = s[i][j];
            }
        }
        return s;
    }

    /** Adds the symmetric matrix s to the LMI: the upper triangle only, as addConstant mirrors it. */
    static void addConstant(AffineLmi lmi, double[][] s) {
        for (int i = 0; i < s.length; i++) {
            for (int j = i; j < s.length; j++) {
                lmi.addConstant(i, j, s[i][j]);
            }
        }
    }

    static void addCoefficient(AffineLmi lmi, int var, double[][] s) {
        for (int i = 0; i < s.length; i++) {
            for (int j = i; j < s.length; j++) {
                lmi.addCoefficient(var, i, j, s[i][j]);
            }
        }
    }

    /**
     * A random LMI over n variables whose matrix at x is P + I with P = R R^T / m: M0 is chosen as
     * P + I - sum x_i M_i. Variable {@code unused} has no coefficient; variable 0 gets its
     * coefficient in two halves, to exercise accumulation.
     */
    static AffineLmi randomAt(Random rnd, int m, int n, double[] x, int unused, double[][][] coefficientsOut) {
        AffineLmi lmi = new AffineLmi(m);
        double[][] r = new double[m][m];
        for (double[] row : r) {
            for (int j = 0; j < m; j++) {
                row[j] = rnd.nextGaussian();
            }
        }
        double[][] m0 = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                for (int k = 0; k < m; k++) {
                    m0[i][j] += r[i][k] * r[j][k] / m;
                }
            }
            m0[i][i] += 1;
        }
        for (int v = 0; v < n; v++) {
            double[][] mv = v == unused ? new double[m][m] : randomSymmetric(rnd, m, 0.7);
            coefficientsOut[v] = mv;
            if (v == 0) {
                double[][] half = new double[m][m];
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < m; j++) {
                        half[i][j] = 0.5 * mv[i][j];
                    }
                }
                addCoefficient(lmi, v, half);
                addCoefficient(lmi, v, half);
            } else if (v != unused) {
                addCoefficient(lmi, v, mv);
            }
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    m0[i][j] -= x[v] * mv[i][j];
                }
            }
        }
        addConstant(lmi, m0);
        return lmi;
    }

    @Test
    void matrixIsTheAffineCombination() {
        Random rnd = new Random(21);
        int m = 3;
        int n = 4;
        double[] x0 = QuadraticLogConstraintTest.gaussianRows(rnd, 1, n, 0.5)[0];
        double[][][] coefficients = new double[n][][];
        AffineLmi lmi = randomAt(rnd, m, n, x0, 2, coefficients);
        assertEquals(m, lmi.order());
        double[] x = QuadraticLogConstraintTest.gaussianRows(rnd, 1, n, 1)[0];
        double[][] expected = lmi.matrix(x0);
        for (int v = 0; v < n; v++) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    expected[i][j] += (x[v] - x0[v]) * coefficients[v][i][j];
                }
            }
        }
        double[][] actual = lmi.matrix(x);
        for (int i = 0; i < m; i++) {
            assertArrayEquals(expected[i], actual[i], 1e-12);
            for (int j = 0; j < m; j++) {
                assertEquals(actual[i][j], actual[j][i], 0, "symmetric");
            }
        }
    }

    @Test
    void barrierIsMinusLogDetAndFactorReproducesTheMatrix() {
        Random rnd = new Random(22);
        int m = 4;
        int n = 3;
        double[] x = QuadraticLogConstraintTest.gaussianRows(rnd, 1, n, 0.5)[0];
        AffineLmi lmi = randomAt(rnd, m, n, x, -1, new double[n][][]);
        double[][] a = lmi.matrix(x);
        double logDet = 0;
        for (double lambda : SymmetricMatrices.eigenvalues(a)) {
            logDet += Math.log(lambda);
        }
        assertEquals(-logDet, BarrierDerivatives.value(lmi::addBarrier, x), 1e-12 * Math.max(1, Math.abs(logDet)));
        double[][] l = lmi.factor(x);
        assertNotNull(l);
        CholeskyTest.assertReproduces(a, l);
    }

    @Test
    void barrierDerivativesMatchFiniteDifferences() {
        Random rnd = new Random(23);
        for (int trial = 0; trial < 6; trial++) {
            int m = 1 + trial % 4;
            int n = 2 + trial % 3;
            double[] x = QuadraticLogConstraintTest.gaussianRows(rnd, 1, n, 0.5)[0];
            // one variable without coefficient in half the trials: its gradient and Hessian row stay 0
            AffineLmi lmi = randomAt(rnd, m, n, x, trial % 2 == 0 ? n - 1 : -1, new double[n][][]);
            BarrierDerivatives.assertMatchesFiniteDifferences(lmi::addBarrier, x);
        }
    }

    @Test
    void unusedVariableGetsNoGradientOrHessian() {
        Random rnd = new Random(24);
        int n = 3;
        double[] x = QuadraticLogConstraintTest.gaussianRows(rnd, 1, n, 0.5)[0];
        AffineLmi lmi = randomAt(rnd, 3, n, x, 1, new double[n][][]);
        double[] g = new double[n];
        double[][] h = new double[n][n];
        lmi.addBarrier(x, g, h);
        assertEquals(0, g[1]);
        for (int i = 0; i < n; i++) {
            assertEquals(0, h[1][i]);
            assertEquals(0, h[i][1]);
        }
    }

    @Test
    void outsideTheConeTheBarrierIsInfiniteAndAddsNothing() {
        // M(x) = [[x0, 1], [1, x1]]: singular at (1, 1), indefinite at (1, 0.5)
        AffineLmi lmi = new AffineLmi(2);
        lmi.addCoefficient(0, 0, 0, 1);
        lmi.addCoefficient(1, 1, 1, 1);
        lmi.addConstant(0, 1, 1);
        for (double[] x : new double[][] {{1, 1}, {1, 0.5}, {-1, -1}}) {
            double[] g = new double[2];
            double[][] h = new double[2][2];
            assertNull(lmi.factor(x));
            assertEquals(Double.POSITIVE_INFINITY, lmi.addBarrier(x, g, h));
            assertArrayEquals(new double[2], g);
            assertArrayEquals(new double[2], h[0]);
            assertArrayEquals(new double[2], h[1]);
        }
        assertEquals(-Math.log(3), BarrierDerivatives.value(lmi::addBarrier, new double[] {2, 2}), 1e-15);
    }
}
