package io.fresnel.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HermitianVariableTest {

    @Test
    void variablesCoverTheirRangeOnce() {
        HermitianVariable w = new HermitianVariable(7, 4);
        assertEquals(16, w.count());
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            seen.add(w.diagonal(i));
            for (int j = i + 1; j < 4; j++) {
                seen.add(w.realPart(i, j));
                seen.add(w.imaginaryPart(i, j));
            }
        }
        assertEquals(16, seen.size());
        for (int v = 7; v < 23; v++) {
            assertEquals(true, seen.contains(v), "variable " + v);
        }
    }

    @Test
    void valueRoundTripsAndIsHermitian() {
        Random rnd = new Random(1);
        HermitianVariable w = new HermitianVariable(2, 5);
        double[] x = new double[2 + w.count()];
        for (int v = 0; v < x.length; v++) {
            x[v] = rnd.nextGaussian();
        }
        double[][][] value = w.value(x);
        double[] back = new double[x.length];
        System.arraycopy(x, 0, back, 0, 2);
        for (int i = 0; i < 5; i++) {
            back[w.diagonal(i)] = value[0][i][i];
            assertEquals(0, value[1][i][i]);
            for (int j = i + 1; j < 5; j++) {
                back[w.realPart(i, j)] = value[0][i][j];
                back[w.imaginaryPart(i, j)] = value[1][i][j];
                assertEquals(value[0][i][j], value[0][j][i]);
                assertEquals(value[1][i][j], -value[1][j][i]);
            }
        }
        assertArrayEquals(x, back);
    }

    @Test
    void traceProductMatchesDirectComputation() {
        Random rnd = new Random(2);
        int n = 4;
        HermitianVariable w = new HermitianVariable(3, n);
        for (int trial = 0; trial < 5; trial++) {
            double[] x = new double[3 + w.count()];
            for (int v = 0; v < x.length; v++) {
                x[v] = rnd.nextGaussian();
            }
            // A is a general complex matrix, not Hermitian
            double[][] aRe = new double[n][n];
            double[][] aIm = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    aRe[i][j] = rnd.nextGaussian();
                    aIm[i][j] = rnd.nextGaussian();
                }
            }
            double[][][] wv = w.value(x);
            double expected = 0; // Re tr(A W) = Re sum_ij A_ij W_ji
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    expected += aRe[i][j] * wv[0][j][i] - aIm[i][j] * wv[1][j][i];
                }
            }
            Map<Integer, Double> row = new HashMap<>();
            row.put(0, 5.0); // existing entries outside W are left alone
            w.addTraceProduct(row, aRe, aIm, 2.0);
            double got = 0;
            for (Map.Entry<Integer, Double> e : row.entrySet()) {
                if (e.getKey() >= 3) {
                    got += e.getValue() * x[e.getKey()];
                }
            }
            assertEquals(2 * expected, got, 1e-12 * Math.max(1, Math.abs(expected)));
            assertEquals(5.0, row.get(0));
        }
    }

    @Test
    void addToPlacesWAndItsConjugateTranspose() {
        Random rnd = new Random(3);
        int n = 3;
        HermitianVariable w = new HermitianVariable(0, n);
        ConeProgram p = new ConeProgram(w.count());
        HermitianPsdBlock block = p.addHermitianPsd(2 * n);
        w.addTo(block, 0, 0, 1.0);
        w.addTo(block, 0, n, 2.0);
        double[] x = new double[w.count()];
        for (int v = 0; v < x.length; v++) {
            x[v] = rnd.nextGaussian();
        }
        double[][][] wv = w.value(x);
        double[][] real = evaluate(block.realEmbedding(), x);
        int size = 2 * n;
        // expected Hermitian matrix [[W, 2W], [2W^H, 0]] = [[W, 2W], [2W, 0]] (W Hermitian)
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                double re;
                double im;
                if (i < n && j < n) {
                    re = wv[0][i][j];
                    im = wv[1][i][j];
                } else if (i < n) {
                    re = 2 * wv[0][i][j - n];
                    im = 2 * wv[1][i][j - n];
                } else if (j < n) {
                    re = 2 * wv[0][i - n][j];
                    im = 2 * wv[1][i - n][j];
                } else {
                    re = 0;
                    im = 0;
                }
                assertEquals(re, real[i][j], 1e-12);
                assertEquals(re, real[i + size][j + size], 1e-12);
                assertEquals(im, real[i + size][j], 1e-12);
                assertEquals(-im, real[i][j + size], 1e-12);
            }
        }
    }

    @Test
    void overlappingOffDiagonalPlacementIsRejected() {
        HermitianVariable w = new HermitianVariable(0, 3);
        ConeProgram p = new ConeProgram(w.count());
        HermitianPsdBlock block = p.addHermitianPsd(5);
        assertThrows(IllegalArgumentException.class, () -> w.addTo(block, 0, 1, 1.0));
        assertThrows(IllegalArgumentException.class, () -> w.addTo(block, 3, 3, 1.0));
    }

    @Test
    void hermitianBlockRejectsComplexDiagonal() {
        ConeProgram p = new ConeProgram(1);
        HermitianPsdBlock block = p.addHermitianPsd(2);
        assertThrows(IllegalArgumentException.class, () -> block.addConstant(1, 1, 1.0, 0.5));
    }

    /** F0 + sum x_v F_v of a real block, dense. */
    static double[][] evaluate(PsdBlock block, double[] x) {
        int m = block.size();
        double[] f0 = block.denseConstant();
        double[][] f = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                f[i][j] = f0[i * m + j];
            }
        }
        for (Map.Entry<Integer, Map<Long, Double>> e : block.coefficients().entrySet()) {
            for (Map.Entry<Long, Double> entry : e.getValue().entrySet()) {
                int i = (int) (entry.getKey() / m);
                int j = (int) (entry.getKey() % m);
                f[i][j] += x[e.getKey()] * entry.getValue();
                if (i != j) {
                    f[j][i] += x[e.getKey()] * entry.getValue();
                }
            }
        }
        return f;
    }
}
