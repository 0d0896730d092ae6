package io.fresnel.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link HermitianKernels} against their definitions: L L^H = H for the Cholesky factor, U diag(sv) V^H = A with
 * unitary U and V for the one-sided Jacobi SVD, and the smallest eigenvalue against the real kernel
 * ({@link DenseKernels#minEigenvalue}, checked against a full decomposition in {@code DenseKernelsTest}) applied to
 * the real embedding, on random, clustered, rank-deficient, twelve-decade, 1 x 1 and 2 x 2 matrices; the projection
 * {@link HermitianKernels#extract} inverts {@link HermitianKernels#embed}.
 */
class HermitianKernelsTest {

    private static double[][] randomComplex(Random rnd, int n) {
        double[] re = new double[n * n];
        double[] im = new double[n * n];
        for (int i = 0; i < n * n; i++) {
            re[i] = rnd.nextGaussian();
            im[i] = rnd.nextGaussian();
        }
        return new double[][] {re, im};
    }

    /** A^H A + shift I (Hermitian, PD for shift &gt; 0). */
    private static double[][] randomPd(Random rnd, int n, double shift) {
        double[][] a = randomComplex(rnd, n);
        double[] re = new double[n * n];
        double[] im = new double[n * n];
        HermitianKernels.gram(a[0], a[1], n, re, im);
        for (int i = 0; i < n; i++) {
            re[i * n + i] += shift;
        }
        return new double[][] {re, im};
    }

    /** U diag(d) U^H with U the unitary Q of a random matrix (Gram-Schmidt). */
    private static double[][] withEigenvalues(Random rnd, double[] d) {
        int n = d.length;
        double[][] a = randomComplex(rnd, n);
        double[] qr = a[0];
        double[] qi = a[1];
        for (int j = 0; j < n; j++) {
            for (int p = 0; p < j; p++) {
                double sr = 0;
                double si = 0;
                for (int i = 0; i < n; i++) {
                    // conj(q_p) . a_j
                    sr += qr[i * n + p] * qr[i * n + j] + qi[i * n + p] * qi[i * n + j];
                    si += qr[i * n + p] * qi[i * n + j] - qi[i * n + p] * qr[i * n + j];
                }
                for (int i = 0; i < n; i++) {
                    qr[i * n + j] -= sr * qr[i * n + p] - si * qi[i * n + p];
                    qi[i * n + j] -= sr * qi[i * n + p] + si * qr[i * n + p];
                }
            }
            double norm = 0;
            for (int i = 0; i < n; i++) {
                norm += qr[i * n + j] * qr[i * n + j] + qi[i * n + j] * qi[i * n + j];
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < n; i++) {
                qr[i * n + j] /= norm;
                qi[i * n + j] /= norm;
            }
        }
        double[] re = new double[n * n];
        double[] im = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double sr = 0;
                double si = 0;
                for (int k = 0; k < n; k++) {
                    // q_ik d_k conj(q_jk)
                    sr += d[k] * (qr[i * n + k] * qr[j * n + k] + qi[i * n + k] * qi[j * n + k]);
                    si += d[k] * (qi[i * n + k] * qr[j * n + k] - qr[i * n + k] * qi[j * n + k]);
                }
                re[i * n + j] = sr;
                im[i * n + j] = i == j ? 0 : si;
            }
        }
        // exactly Hermitian
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                re[j * n + i] = re[i * n + j];
                im[j * n + i] = -im[i * n + j];
            }
        }
        return new double[][] {re, im};
    }

    static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    @Test
    void choleskyFactorReproducesTheMatrix() {
        Random rnd = new Random(3);
        for (int n : new int[] {1, 2, 5, 9}) {
            double[][] h = randomPd(rnd, n, 0.1);
            double[] lr = new double[n * n];
            double[] li = new double[n * n];
            assertTrue(HermitianKernels.cholesky(h[0], h[1], n, lr, li));
            // L L^H
            double[] pr = new double[n * n];
            double[] pi = new double[n * n];
            double[] ltr = new double[n * n];
            double[] lti = new double[n * n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    ltr[i * n + j] = lr[j * n + i];
                    lti[i * n + j] = -li[j * n + i];
                    if (j > i) {
                        assertEquals(0, lr[i * n + j]);
                        assertEquals(0, li[i * n + j]);
                    }
                }
                assertEquals(0, li[i * n + i]);
                assertTrue(lr[i * n + i] > 0);
            }
            HermitianKernels.mult(lr, li, ltr, lti, n, pr, pi);
            double scale = maxAbs(h[0]);
            for (int i = 0; i < n * n; i++) {
                assertEquals(h[0][i], pr[i], 1e-13 * scale, "re, n = " + n);
                assertEquals(h[1][i], pi[i], 1e-13 * scale, "im, n = " + n);
            }
        }
    }

    @Test
    void choleskyRejectsIndefiniteAndNonFiniteMatrices() {
        Random rnd = new Random(4);
        double[][] h = withEigenvalues(rnd, new double[] {1, 2, -1e-3, 4});
        double[] l = new double[16];
        assertFalse(HermitianKernels.cholesky(h[0], h[1], 4, l, new double[16]));
        double[][] g = randomPd(rnd, 3, 1);
        g[0][4] = Double.NaN;
        assertFalse(HermitianKernels.cholesky(g[0], g[1], 3, new double[9], new double[9]));
    }

    @Test
    void jacobiSvdReproducesTheMatrixWithUnitaryFactors() {
        Random rnd = new Random(5);
        for (int n : new int[] {1, 2, 5, 9}) {
            for (double spread : new double[] {1, 1e-6, 1e-12}) {
                double[][] a = randomComplex(rnd, n);
                // columns scaled over many decades: graded like L_z^H L_s near the optimum
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        double f = Math.pow(spread, (double) j / Math.max(1, n - 1));
                        a[0][i * n + j] *= f;
                        a[1][i * n + j] *= f;
                    }
                }
                double[] ar = a[0].clone();
                double[] ai = a[1].clone();
                double[] ur = new double[n * n];
                double[] ui = new double[n * n];
                double[] vr = new double[n * n];
                double[] vi = new double[n * n];
                double[] sv = new double[n];
                assertTrue(HermitianKernels.svd(ar, ai, n, ur, ui, vr, vi, sv));
                // U diag(sv) V^H
                double[] usr = new double[n * n];
                double[] usi = new double[n * n];
                double[] vhr = new double[n * n];
                double[] vhi = new double[n * n];
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        usr[i * n + j] = ur[i * n + j] * sv[j];
                        usi[i * n + j] = ui[i * n + j] * sv[j];
                        vhr[i * n + j] = vr[j * n + i];
                        vhi[i * n + j] = -vi[j * n + i];
                    }
                }
                double[] pr = new double[n * n];
                double[] pi = new double[n * n];
                HermitianKernels.mult(usr, usi, vhr, vhi, n, pr, pi);
                double scale = Math.max(maxAbs(a[0]), maxAbs(a[1]));
                for (int i = 0; i < n * n; i++) {
                    assertEquals(a[0][i], pr[i], 1e-13 * scale, "re, n = " + n);
                    assertEquals(a[1][i], pi[i], 1e-13 * scale, "im, n = " + n);
                }
                for (double[][] u : new double[][][] {{ur, ui}, {vr, vi}}) {
                    double[] gr = new double[n * n];
                    double[] gi = new double[n * n];
                    HermitianKernels.gram(u[0], u[1], n, gr, gi);
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < n; j++) {
                            assertEquals(i == j ? 1 : 0, gr[i * n + j], 1e-13, "unitary, n = " + n);
                            assertEquals(0, gi[i * n + j], 1e-13, "unitary, n = " + n);
                        }
                    }
                }
                // the singular values against the eigenvalues of A^H A (the smallest, relative)
                double minSv = Double.POSITIVE_INFINITY;
                for (double s : sv) {
                    assertTrue(s > 0);
                    minSv = Math.min(minSv, s);
                }
                double[] gr = new double[n * n];
                double[] gi = new double[n * n];
                HermitianKernels.gram(a[0], a[1], n, gr, gi);
                double minEig = minOfEmbedding(gr, gi, n);
                assertEquals(minEig, minSv * minSv, 1e-9 * minSv * minSv + 1e-15 * scale * scale,
                        "smallest singular value, n = " + n + ", spread " + spread);
            }
        }
    }

    @Test
    void jacobiSvdRejectsASingularMatrix() {
        double[] ar = {1, 2, 2, 4};
        double[] ai = {0, 0, 0, 0};
        assertFalse(HermitianKernels.svd(ar, ai, 2, new double[4], new double[4], new double[4], new double[4],
                new double[2]));
    }

    /** The smallest eigenvalue of the real embedding by the real kernel. */
    private static double minOfEmbedding(double[] re, double[] im, int n) {
        double[] e = new double[4 * n * n];
        HermitianKernels.embed(re, im, n, e);
        return DenseKernels.minEigenvalue(e, 2 * n, new double[6 * n]);
    }

    @Test
    void smallestEigenvalueMatchesTheRealEmbeddings() {
        Random rnd = new Random(6);
        double[][] spectra = {
            {2.5},
            {-1, 3},
            {0.3, -0.7, 1.1, 2, 5},
            {1, 1, 1 + 1e-12, 1, 1},
            {0, 0, 1, 2, 3},
            {1e-12, 1e-8, 1e-4, 1, 1e0},
            {-1e-10, 1, 2, 3, 4, 5, 6, 7, 8},
        };
        for (double[] d : spectra) {
            double[][] h = withEigenvalues(rnd, d);
            int n = d.length;
            double expected = Double.POSITIVE_INFINITY;
            double norm = 0;
            for (double v : d) {
                expected = Math.min(expected, v);
                norm = Math.max(norm, Math.abs(v));
            }
            double viaReal = minOfEmbedding(h[0], h[1], n);
            double complex = HermitianKernels.minEigenvalue(h[0].clone(), h[1].clone(), n, new double[4 * n]);
            assertEquals(expected, complex, 1e-13 * norm, java.util.Arrays.toString(d));
            assertEquals(viaReal, complex, 1e-13 * norm, java.util.Arrays.toString(d));
        }
        for (int trial = 0; trial < 20; trial++) {
            int n = 1 + trial % 7;
            double[][] a = randomComplex(rnd, n);
            double[] re = new double[n * n];
            double[] im = new double[n * n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    re[i * n + j] = 0.5 * (a[0][i * n + j] + a[0][j * n + i]);
                    im[i * n + j] = i == j ? 0 : 0.5 * (a[1][i * n + j] - a[1][j * n + i]);
                }
            }
            double viaReal = minOfEmbedding(re, im, n);
            double complex = HermitianKernels.minEigenvalue(re.clone(), im.clone(), n, new double[4 * n]);
            assertEquals(viaReal, complex, 1e-12 * Math.max(1, Math.abs(viaReal)), "trial " + trial);
        }
        double[] nan = {1, Double.NaN, Double.NaN, 1};
        assertTrue(Double.isNaN(HermitianKernels.minEigenvalue(nan, new double[4], 2, new double[8])));
    }

    @Test
    void unembedInvertsTheEmbeddingOfAnyComplexMatrix() {
        int n = 5;
        double[][] a = randomComplex(new Random(11), n); // not Hermitian: a scaling factor P
        double[] e = new double[4 * n * n];
        HermitianKernels.embed(a[0], a[1], n, e);
        double[] re = new double[n * n];
        double[] im = new double[n * n];
        HermitianKernels.unembed(e, n, re, im);
        assertArrayEquals(a[0], re, 0.0);
        assertArrayEquals(a[1], im, 0.0);
    }

    @Test
    void extractInvertsTheEmbeddingAndProjectsTheRest() {
        Random rnd = new Random(7);
        int n = 4;
        double[][] h = randomPd(rnd, n, 0.5);
        double[] e = new double[4 * n * n + 3];
        double[] block = new double[4 * n * n];
        HermitianKernels.embed(h[0], h[1], n, block);
        System.arraycopy(block, 0, e, 3, block.length);
        double[] re = new double[n * n];
        double[] im = new double[n * n];
        HermitianKernels.extract(e, 3, n, re, im);
        for (int i = 0; i < n * n; i++) {
            assertEquals(h[0][i], re[i], 1e-15 * maxAbs(h[0]));
            assertEquals(h[1][i], im[i], 1e-15 * maxAbs(h[0]));
        }
        // a symmetric matrix commuting with J = [[0, -I], [I, 0]] maps to zero: [[A, B], [B, -A]], A, B symmetric
        double[] anti = new double[4 * n * n];
        int m = 2 * n;
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double a = rnd.nextGaussian();
                double b = rnd.nextGaussian();
                anti[i * m + j] = a;
                anti[j * m + i] = a;
                anti[(i + n) * m + j + n] = -a;
                anti[(j + n) * m + i + n] = -a;
                anti[i * m + j + n] = b;
                anti[j * m + i + n] = b;
                anti[(i + n) * m + j] = b;
                anti[(j + n) * m + i] = b;
            }
        }
        HermitianKernels.extract(anti, 0, n, re, im);
        assertEquals(0, maxAbs(re), 1e-15);
        assertEquals(0, maxAbs(im), 1e-15);
    }
}
