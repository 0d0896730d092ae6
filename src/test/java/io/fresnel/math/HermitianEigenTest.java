package io.fresnel.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HermitianEigenTest {

    /** h += s u u^H */
    private static void addRankOne(double s, double[] ur, double[] ui, double[][] hr, double[][] hi) {
        for (int i = 0; i < ur.length; i++) {
            for (int j = 0; j < ur.length; j++) {
                hr[i][j] += s * (ur[i] * ur[j] + ui[i] * ui[j]);
                hi[i][j] += s * (ui[i] * ur[j] - ur[i] * ui[j]);
            }
        }
    }

    /** H = sum_k lambda_k u_k u_k^H with a repeated eigenvalue and a zero one; the factor rebuilds it. */
    @Test
    void theFactorRebuildsAPsdMatrixWithRepeatedEigenvalues() {
        Random r = new Random(3);
        int n = 6;
        List<double[]> gr = new java.util.ArrayList<>();
        List<double[]> gi = new java.util.ArrayList<>();
        for (int k = 0; k < n; k++) {
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = r.nextGaussian();
                y[i] = r.nextGaussian();
            }
            gr.add(x);
            gi.add(y);
        }
        ComplexSubspace q = new ComplexSubspace(gr, gi);
        double[] lambda = {3, 3, 1, 0.5, 1e-3, 0};
        double[][] hr = new double[n][n];
        double[][] hi = new double[n][n];
        for (int k = 0; k < n; k++) {
            double[][] u = q.basisVector(k);
            addRankOne(lambda[k], u[0], u[1], hr, hi);
        }
        HermitianEigen e = new HermitianEigen(hr, hi);
        double[] v = e.values();
        for (int k = 0; k < n; k++) {
            assertEquals(lambda[k], v[k], 1e-12);
        }
        List<double[][]> f = e.factorColumns(1e-12);
        assertEquals(5, f.size());
        double[][] rr = new double[n][n];
        double[][] ri = new double[n][n];
        for (double[][] c : f) {
            addRankOne(1, c[0], c[1], rr, ri);
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                assertEquals(hr[i][j], rr[i][j], 1e-12);
                assertEquals(hi[i][j], ri[i][j], 1e-12);
            }
        }
    }
}
