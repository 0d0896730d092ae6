package io.fresnel.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Cholesky}, checked through identities on seeded random matrices: L L^T = A, A x = b,
 * L (L^-1 C L^-T) L^T = C. The matrices are well conditioned (B B^T / n + I, condition number
 * of order 10), so backward-stable kernels reproduce them to a few hundred ulps; 1e-12 relative
 * leaves room for that and still catches any indexing or transposition slip.
 */
class CholeskyTest {
    private static final double TOL = 1e-12;

    static double[][] randomSpd(Random rnd, int n) {
        double[][] b = new double[n][n];
        for (double[] row : b) {
            for (int j = 0; j < n; j++) {
                row[j] = rnd.nextGaussian();
            }
        }
        double[][] a = multiplyTransposed(b, b);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] /= n;
            }
            a[i][i] += 1;
        }
        return a;
    }

    /** @return u v^T */
    static double[][] multiplyTransposed(double[][] u, double[][] v) {
        int n = u.length;
        double[][] out = new double[n][v.length];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < v.length; j++) {
                for (int k = 0; k < u[i].length; k++) {
                    out[i][j] += u[i][k] * v[j][k];
                }
            }
        }
        return out;
    }

    static double maxAbs(double[][] a) {
        double m = 0;
        for (double[] row : a) {
            for (double e : row) {
                m = Math.max(m, Math.abs(e));
            }
        }
        return m;
    }

    /** Asserts that l is lower triangular with a positive diagonal and l l^T = a. */
    static void assertReproduces(double[][] a, double[][] l) {
        int n = a.length;
        for (int i = 0; i < n; i++) {
            assertTrue(l[i][i] > 0, "positive diagonal");
            for (int j = i + 1; j < n; j++) {
                assertEquals(0, l[i][j], "lower triangular");
            }
        }
        double[][] llt = multiplyTransposed(l, l);
        double scale = maxAbs(a);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                assertEquals(a[i][j], llt[i][j], TOL * scale);
            }
        }
    }

    @Test
    void factorReproducesRandomSpdMatrices() {
        Random rnd = new Random(31);
        for (int n = 1; n <= 8; n++) {
            double[][] a = randomSpd(rnd, n);
            double[][] copy = new double[n][];
            for (int i = 0; i < n; i++) {
                copy[i] = a[i].clone();
            }
            double[][] l = Cholesky.factor(a);
            assertNotNull(l);
            assertReproduces(a, l);
            for (int i = 0; i < n; i++) {
                assertTrue(java.util.Arrays.equals(copy[i], a[i]), "input not modified");
            }
        }
    }

    @Test
    void solveGivesTheSolutionOfTheSystem() {
        Random rnd = new Random(32);
        for (int n = 1; n <= 8; n++) {
            double[][] a = randomSpd(rnd, n);
            double[] b = new double[n];
            for (int i = 0; i < n; i++) {
                b[i] = rnd.nextGaussian();
            }
            double[] bCopy = b.clone();
            double[] x = Cholesky.solve(Cholesky.factor(a), b);
            assertTrue(java.util.Arrays.equals(bCopy, b), "b not modified");
            double bNorm = 0;
            for (double e : b) {
                bNorm = Math.max(bNorm, Math.abs(e));
            }
            for (int i = 0; i < n; i++) {
                double ax = 0;
                for (int j = 0; j < n; j++) {
                    ax += a[i][j] * x[j];
                }
                assertEquals(b[i], ax, TOL * Math.max(1, bNorm));
            }
        }
    }

    @Test
    void congruenceInverseIsLInverseCLInverseTransposed() {
        Random rnd = new Random(33);
        for (int n = 1; n <= 6; n++) {
            double[][] l = Cholesky.factor(randomSpd(rnd, n));
            double[][] c = AffineLmiTest.randomSymmetric(rnd, n, 1);
            double[][] b = Cholesky.congruenceInverse(l, c);
            // L B L^T = C identifies B = L^-1 C L^-T without forming an inverse
            double[][] lb = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    for (int k = 0; k < n; k++) {
                        lb[i][j] += l[i][k] * b[k][j];
                    }
                }
            }
            double[][] lblt = multiplyTransposed(lb, l);
            double scale = maxAbs(c);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    assertEquals(c[i][j], lblt[i][j], TOL * scale);
                    assertEquals(b[i][j], b[j][i], TOL * maxAbs(b), "symmetric");
                }
            }
        }
    }

    @Test
    void congruenceInverseOfTheFactoredMatrixIsTheIdentity() {
        Random rnd = new Random(34);
        double[][] a = randomSpd(rnd, 5);
        double[][] b = Cholesky.congruenceInverse(Cholesky.factor(a), a);
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                assertEquals(i == j ? 1 : 0, b[i][j], TOL);
            }
        }
    }

    @Test
    void matricesThatAreNotPositiveDefiniteGiveNull() {
        assertNull(Cholesky.factor(new double[][] {{1, 2}, {2, 1}}), "indefinite");
        assertNull(Cholesky.factor(new double[][] {{1, 1}, {1, 1}}), "singular semidefinite");
        assertNull(Cholesky.factor(new double[][] {{0}}), "zero");
        assertNull(Cholesky.factor(new double[][] {{-1}}), "negative");
        assertNull(Cholesky.factor(new double[][] {{Double.NaN}}), "NaN");
        assertNull(Cholesky.factor(new double[][] {{2, 0, 0}, {0, 3, 0}, {0, 0, -1e-9}}), "last pivot negative");
        Random rnd = new Random(35);
        double[][] a = randomSpd(rnd, 4);
        a[2][2] -= 1e3;
        assertNull(Cholesky.factor(a), "a diagonal entry pushed negative");
    }
}
