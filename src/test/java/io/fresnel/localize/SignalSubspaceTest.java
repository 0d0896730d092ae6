package io.fresnel.localize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.math.HermitianEigen;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SignalSubspaceTest {

    /** R = Y Y^H / T, Y = sum_k s_k a_k x_k^T + noise, with random a_k, x_k. */
    private static double[][][] covariance(int n, int k, double signal, long seed) {
        Random rnd = new Random(seed);
        int t = 3 * n;
        double[][] yr = new double[n][t];
        double[][] yi = new double[n][t];
        for (int s = 0; s < k; s++) {
            double[] ar = new double[n];
            double[] ai = new double[n];
            for (int i = 0; i < n; i++) {
                ar[i] = rnd.nextGaussian();
                ai[i] = rnd.nextGaussian();
            }
            double amp = signal / (s + 1);
            for (int c = 0; c < t; c++) {
                double xr = rnd.nextGaussian() * amp;
                double xi = rnd.nextGaussian() * amp;
                for (int i = 0; i < n; i++) {
                    yr[i][c] += ar[i] * xr - ai[i] * xi;
                    yi[i][c] += ar[i] * xi + ai[i] * xr;
                }
            }
        }
        double[][] re = new double[n][n];
        double[][] im = new double[n][n];
        for (int c = 0; c < t; c++) {
            for (int i = 0; i < n; i++) {
                yr[i][c] += rnd.nextGaussian();
                yi[i][c] += rnd.nextGaussian();
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int c = 0; c < t; c++) {
                    re[i][j] += (yr[i][c] * yr[j][c] + yi[i][c] * yi[j][c]) / t;
                    im[i][j] += (yi[i][c] * yr[j][c] - yr[i][c] * yi[j][c]) / t;
                }
            }
        }
        return new double[][][] {re, im};
    }

    /** ||P_a - P_b||_F for the projectors on two sets of orthonormal vectors. */
    private static double projectorDistance(double[][] ar, double[][] ai, double[][] br, double[][] bi) {
        int n = ar[0].length;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double pr = 0;
                double pi = 0;
                for (int c = 0; c < ar.length; c++) {
                    pr += ar[c][i] * ar[c][j] + ai[c][i] * ai[c][j] - br[c][i] * br[c][j] - bi[c][i] * bi[c][j];
                    pi += ai[c][i] * ar[c][j] - ar[c][i] * ai[c][j] - bi[c][i] * br[c][j] + br[c][i] * bi[c][j];
                }
                sum += pr * pr + pi * pi;
            }
        }
        return Math.sqrt(sum);
    }

    @Test
    void theTopSubspaceEqualsTheFullDecompositionsAtEverySnr() {
        for (double signal : new double[] {30, 3, 0.3, 0.03}) {
            for (int k : new int[] {1, 2}) {
                double[][][] r = covariance(24, k, signal, 11 + k);
                double[][][] fast = SignalSubspace.top(r[0], r[1], k);
                HermitianEigen eig = new HermitianEigen(r[0], r[1]);
                double[][] er = new double[k][];
                double[][] ei = new double[k][];
                for (int c = 0; c < k; c++) {
                    er[c] = eig.vector(c)[0];
                    ei[c] = eig.vector(c)[1];
                }
                double d = projectorDistance(fast[0], fast[1], er, ei);
                assertTrue(d < 1e-7, "signal " + signal + ", K = " + k + ": projector distance " + d);
                for (int c = 0; c < k; c++) {
                    double norm = 0;
                    for (int i = 0; i < 24; i++) {
                        norm += fast[0][c][i] * fast[0][c][i] + fast[1][c][i] * fast[1][c][i];
                    }
                    assertEquals(1, norm, 1e-12);
                }
            }
        }
    }
}
