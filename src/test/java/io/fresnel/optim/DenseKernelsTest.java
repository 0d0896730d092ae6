package io.fresnel.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.math.SymmetricMatrices;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/**
 * {@link DenseKernels}: the products against EJML's (equal to the last bit, which {@link NtScaling}'s iterates
 * rely on), the smallest eigenvalue against a full eigenvalue decomposition, on random, clustered, doubled
 * (real embeddings of Hermitian matrices), diagonal, rank-deficient and badly scaled matrices.
 */
class DenseKernelsTest {

    private static double[] random(Random rnd, int m) {
        double[] a = new double[m * m];
        for (int i = 0; i < a.length; i++) {
            a[i] = rnd.nextGaussian();
        }
        return a;
    }

    private static double[] lower(Random rnd, int m) {
        double[] a = random(rnd, m);
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++) {
                a[i * m + j] = 0;
            }
            a[i * m + i] = Math.abs(a[i * m + i]) + 0.1;
        }
        return a;
    }

    private static DMatrixRMaj wrap(int m, double[] a) {
        return DMatrixRMaj.wrap(m, m, a);
    }

    @Test
    void productsEqualEjmlsToTheLastBit() {
        Random rnd = new Random(11);
        for (int m : new int[] {1, 2, 5, 10, 14}) {
            double[] a = random(rnd, m);
            double[] b = random(rnd, m);
            double[] l1 = lower(rnd, m);
            double[] l2 = lower(rnd, m);
            double[] out = new double[m * m];
            DMatrixRMaj ref = new DMatrixRMaj(m, m);

            DenseKernels.mult(a, b, out, m);
            CommonOps_DDRM.mult(wrap(m, a), wrap(m, b), ref);
            assertBitEqual(ref.data, out, "A B, m = " + m);

            DenseKernels.lowerMult(l1, b, out, m);
            CommonOps_DDRM.mult(wrap(m, l1), wrap(m, b), ref);
            assertBitEqual(ref.data, out, "L B, m = " + m);

            DenseKernels.lowerTransLower(l2, l1, out, m);
            CommonOps_DDRM.multTransA(wrap(m, l2), wrap(m, l1), ref);
            assertBitEqual(ref.data, out, "L2^T L1, m = " + m);

            DenseKernels.transMultLowerTrans(a, l2, out, m);
            CommonOps_DDRM.multTransAB(wrap(m, a), wrap(m, l2), ref);
            assertBitEqual(ref.data, out, "A^T L^T, m = " + m);

            DenseKernels.transGram(a, out, m);
            CommonOps_DDRM.multTransA(wrap(m, a), wrap(m, a), ref);
            assertBitEqual(ref.data, out, "A^T A, m = " + m);
        }
    }

    private static void assertBitEqual(double[] expected, double[] actual, String what) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Double.doubleToLongBits(expected[i] + 0.0), Double.doubleToLongBits(actual[i] + 0.0),
                    what + " entry " + i);
        }
    }

    /** Q diag(eig) Q^T with a random orthogonal Q (Gram-Schmidt, twice, on a Gaussian matrix). */
    private static double[] withEigenvalues(Random rnd, double[] eig) {
        int m = eig.length;
        double[][] q = new double[m][m];
        for (int k = 0; k < m; k++) {
            for (int i = 0; i < m; i++) {
                q[i][k] = rnd.nextGaussian();
            }
            for (int pass = 0; pass < 2; pass++) {
                for (int j = 0; j < k; j++) {
                    double dot = 0;
                    for (int i = 0; i < m; i++) {
                        dot += q[i][j] * q[i][k];
                    }
                    for (int i = 0; i < m; i++) {
                        q[i][k] -= dot * q[i][j];
                    }
                }
            }
            double norm = 0;
            for (int i = 0; i < m; i++) {
                norm += q[i][k] * q[i][k];
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < m; i++) {
                q[i][k] /= norm;
            }
        }
        double[] a = new double[m * m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                double sum = 0;
                for (int k = 0; k < m; k++) {
                    sum += q[i][k] * eig[k] * q[j][k];
                }
                a[i * m + j] = sum;
            }
        }
        // exactly symmetric
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++) {
                a[j * m + i] = a[i * m + j];
            }
        }
        return a;
    }

    private static double reference(double[] a, int m) {
        double[][] x = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                x[i][j] = a[i * m + j];
            }
        }
        return SymmetricMatrices.eigenvalues(x)[0];
    }

    private static void assertMinEigenvalue(double[] a, int m, double tol, String what) {
        double expected = reference(a, m);
        double norm = 0;
        for (double v : a) {
            norm = Math.max(norm, Math.abs(v));
        }
        double got = DenseKernels.minEigenvalue(a.clone(), m, new double[3 * m]);
        assertEquals(expected, got, tol * m * Math.max(norm, 1e-300), what);
    }

    @Test
    void smallestEigenvalueMatchesAFullDecomposition() {
        Random rnd = new Random(12);
        for (int m : new int[] {1, 2, 3, 5, 10, 20}) {
            for (int trial = 0; trial < 20; trial++) {
                double[][] s = ConeSolverContract.randomSymmetric(rnd, m);
                double[] a = new double[m * m];
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < m; j++) {
                        a[i * m + j] = s[i][j];
                    }
                }
                assertMinEigenvalue(a, m, 1e-14, "random m = " + m);
            }
        }
    }

    @Test
    void clusteredDoubledAndBadlyScaledSpectra() {
        Random rnd = new Random(13);
        int m = 10;
        // clustered around 1, one eigenvalue just below
        double[] eig = new double[m];
        for (int i = 0; i < m; i++) {
            eig[i] = 1 + 1e-9 * i;
        }
        eig[7] = 1 - 1e-12;
        assertMinEigenvalue(withEigenvalues(rnd, eig), m, 1e-14, "clustered");
        // spanning twelve decades with both signs: the step-length matrices near the optimum
        for (int i = 0; i < m; i++) {
            eig[i] = Math.pow(10, 6 - 12.0 * i / (m - 1)) * (i % 3 == 0 ? -1 : 1);
        }
        assertMinEigenvalue(withEigenvalues(rnd, eig), m, 1e-14, "twelve decades");
        // a small negative eigenvalue among large positive ones: known to eps ||A|| only
        for (int i = 0; i < m; i++) {
            eig[i] = 1e4 + i;
        }
        eig[3] = -1e-3;
        assertMinEigenvalue(withEigenvalues(rnd, eig), m, 1e-14, "small negative");
        // real embedding [[A, -B], [B, A]] of a Hermitian 5 x 5 matrix: every eigenvalue doubled
        int n = 5;
        double[][] re = ConeSolverContract.randomSymmetric(rnd, n);
        double[] emb = new double[4 * n * n];
        int mm = 2 * n;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double b = i < j ? rnd.nextGaussian() : 0;
                emb[i * mm + j] = re[i][j];
                emb[(i + n) * mm + j + n] = re[i][j];
                if (i < j) {
                    emb[i * mm + j + n] = -b;
                    emb[(i + n) * mm + j] = b;
                    emb[j * mm + i + n] = b;
                    emb[(j + n) * mm + i] = -b;
                }
            }
        }
        assertMinEigenvalue(emb, mm, 1e-14, "doubled spectrum");
    }

    @Test
    void diagonalZeroAndOneByOne() {
        double[] diag = new double[16];
        double[] values = {3, -2, 7, 0.5};
        for (int i = 0; i < 4; i++) {
            diag[i * 4 + i] = values[i];
        }
        assertEquals(-2, DenseKernels.minEigenvalue(diag, 4, new double[12]), 1e-15, "diagonal");
        assertEquals(0, DenseKernels.minEigenvalue(new double[9], 3, new double[9]), 0, "zero matrix");
        assertEquals(-4.5, DenseKernels.minEigenvalue(new double[] {-4.5}, 1, new double[3]), 0, "1 x 1");
        double[] rank1 = {1, 1, 1, 1};
        assertEquals(0, DenseKernels.minEigenvalue(rank1, 2, new double[6]), 1e-15, "rank one, 2 x 2");
        assertTrue(Double.isNaN(DenseKernels.minEigenvalue(new double[] {1, Double.NaN, Double.NaN, 1}, 2,
                new double[6])), "NaN in, NaN out");
    }
}
