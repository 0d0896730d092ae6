package io.fresnel.design.speb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.bench.SpebScenes;
import io.fresnel.model.Scenario;
import io.fresnel.physics.ScenarioPhysics;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link KktMultipliers#estimate} against the least-squares stationarity system written out by
 * hand, away from the optimum (where the system is inconsistent, so that the projection, the
 * margin derivatives and the sign conventions all change the answer):
 *
 * <pre>
 *   min over (lambda, nu) of  sum_s || Pi (g_s - sum_k lambda_k dc_k/dp_s^* + nu p_s) ||^2,
 * </pre>
 *
 * with Pi = F_A F_A^H / M as an explicit N x N matrix, g_s = dSPEB/dp_s^* by central differences
 * of the SPEB (g = (dSPEB/dRe p + j dSPEB/dIm p) / 2), dc_k/dp_s^* = w conj(c_k) (c_k^T p_s),
 * w = 1 for s = k and -Gamma_k otherwise (c_k = S_k - Gamma_k (I_k + sigma_k^2)), and the 3 x 3
 * (or 2 x 2) normal equations solved by Gaussian elimination. The returned lambda_k is the
 * positive part of the least-squares solution, and 0 for a user without a requirement.
 */
class KktMultipliersByHandTest {
    private static final Scenario SC = SpebScenes.scene(16, 4, 2, 0, 3);
    private static final int N = 16;
    private static final int CHAINS = 4;
    private static final int M = 4;

    /** Columns in span(F_A): p_s,n = exp(j theta_n) d_s,chain(n). */
    private static List<double[][]> inSpan(double[] theta, int columns, Random rnd) {
        List<double[][]> out = new ArrayList<>();
        for (int s = 0; s < columns; s++) {
            double[] dr = new double[CHAINS];
            double[] di = new double[CHAINS];
            for (int r = 0; r < CHAINS; r++) {
                dr[r] = 0.2 * rnd.nextGaussian();
                di[r] = 0.2 * rnd.nextGaussian();
            }
            double[] re = new double[N];
            double[] im = new double[N];
            for (int n = 0; n < N; n++) {
                int r = n / M;
                re[n] = Math.cos(theta[n]) * dr[r] - Math.sin(theta[n]) * di[r];
                im[n] = Math.cos(theta[n]) * di[r] + Math.sin(theta[n]) * dr[r];
            }
            out.add(new double[][] {re, im});
        }
        return out;
    }

    /** Pi = F_A F_A^H / M as {re, im} N x N. */
    private static double[][][] projector(double[] theta) {
        double[][] re = new double[N][N];
        double[][] im = new double[N][N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                if (i / M == j / M) {
                    // exp(j theta_i) exp(-j theta_j) / M
                    re[i][j] = Math.cos(theta[i] - theta[j]) / M;
                    im[i][j] = Math.sin(theta[i] - theta[j]) / M;
                }
            }
        }
        return new double[][][] {re, im};
    }

    private static double[][] apply(double[][][] a, double[] vr, double[] vi) {
        double[] re = new double[N];
        double[] im = new double[N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                re[i] += a[0][i][j] * vr[j] - a[1][i][j] * vi[j];
                im[i] += a[0][i][j] * vi[j] + a[1][i][j] * vr[j];
            }
        }
        return new double[][] {re, im};
    }

    /** g_s = dSPEB/dp_s^* by central differences. */
    private static List<double[][]> spebWirtinger(SpebEvaluator ev, List<double[][]> p) {
        List<double[][]> out = new ArrayList<>();
        double h = 1e-6;
        for (int s = 0; s < p.size(); s++) {
            double[] gr = new double[N];
            double[] gi = new double[N];
            for (int part = 0; part < 2; part++) {
                for (int n = 0; n < N; n++) {
                    List<double[][]> plus = copy(p);
                    List<double[][]> minus = copy(p);
                    plus.get(s)[part][n] += h;
                    minus.get(s)[part][n] -= h;
                    double d = (ev.speb(plus) - ev.speb(minus)) / (2 * h);
                    (part == 0 ? gr : gi)[n] = d / 2;
                }
            }
            out.add(new double[][] {gr, gi});
        }
        return out;
    }

    private static List<double[][]> copy(List<double[][]> p) {
        List<double[][]> out = new ArrayList<>();
        for (double[][] c : p) {
            out.add(new double[][] {c[0].clone(), c[1].clone()});
        }
        return out;
    }

    /** The least-squares solution by the normal equations; unknowns: the users listed, then nu. */
    private static double[] leastSquares(double[][] channelsRe, double[][] channelsIm, List<double[][]> p,
            List<double[][]> g, double[] theta, double[] required, int[] users) {
        double[][][] pi = projector(theta);
        int unknowns = users.length + 1;
        List<double[]> rows = new ArrayList<>();
        List<Double> rhs = new ArrayList<>();
        for (int s = 0; s < p.size(); s++) {
            double[][][] cols = new double[unknowns][][];
            for (int u = 0; u < users.length; u++) {
                int k = users[u];
                double ar = 0;
                double ai = 0;
                for (int n = 0; n < N; n++) {
                    ar += channelsRe[k][n] * p.get(s)[0][n] - channelsIm[k][n] * p.get(s)[1][n];
                    ai += channelsRe[k][n] * p.get(s)[1][n] + channelsIm[k][n] * p.get(s)[0][n];
                }
                double w = s == k ? 1 : -required[k];
                double[] vr = new double[N];
                double[] vi = new double[N];
                for (int n = 0; n < N; n++) {
                    // - w conj(c_n) a
                    vr[n] = -w * (channelsRe[k][n] * ar + channelsIm[k][n] * ai);
                    vi[n] = -w * (channelsRe[k][n] * ai - channelsIm[k][n] * ar);
                }
                cols[u] = apply(pi, vr, vi);
            }
            cols[users.length] = apply(pi, p.get(s)[0], p.get(s)[1]);
            double[] gr = g.get(s)[0].clone();
            double[] gi = g.get(s)[1].clone();
            for (int n = 0; n < N; n++) {
                gr[n] = -gr[n];
                gi[n] = -gi[n];
            }
            double[][] b = apply(pi, gr, gi);
            for (int part = 0; part < 2; part++) {
                for (int n = 0; n < N; n++) {
                    double[] row = new double[unknowns];
                    for (int u = 0; u < unknowns; u++) {
                        row[u] = cols[u][part][n];
                    }
                    rows.add(row);
                    rhs.add(b[part][n]);
                }
            }
        }
        double[][] ata = new double[unknowns][unknowns + 1];
        for (int r = 0; r < rows.size(); r++) {
            for (int i = 0; i < unknowns; i++) {
                for (int j = 0; j < unknowns; j++) {
                    ata[i][j] += rows.get(r)[i] * rows.get(r)[j];
                }
                ata[i][unknowns] += rows.get(r)[i] * rhs.get(r);
            }
        }
        // Gaussian elimination with partial pivoting
        for (int c = 0; c < unknowns; c++) {
            int piv = c;
            for (int r = c + 1; r < unknowns; r++) {
                if (Math.abs(ata[r][c]) > Math.abs(ata[piv][c])) {
                    piv = r;
                }
            }
            double[] t = ata[c];
            ata[c] = ata[piv];
            ata[piv] = t;
            for (int r = c + 1; r < unknowns; r++) {
                double f = ata[r][c] / ata[c][c];
                for (int j = c; j <= unknowns; j++) {
                    ata[r][j] -= f * ata[c][j];
                }
            }
        }
        double[] x = new double[unknowns];
        for (int r = unknowns - 1; r >= 0; r--) {
            double v = ata[r][unknowns];
            for (int j = r + 1; j < unknowns; j++) {
                v -= ata[r][j] * x[j];
            }
            x[r] = v / ata[r][r];
        }
        return x;
    }

    @Test
    void multipliersAreThePositivePartOfTheLeastSquaresStationaritySolution() {
        ScenarioPhysics ph = new ScenarioPhysics(SC);
        SpebEvaluator ev = new SpebEvaluator(ph);
        double[][] cr = new double[2][];
        double[][] ci = new double[2][];
        for (int k = 0; k < 2; k++) {
            double[][] c = ph.channelRow(SC.users().get(k));
            cr[k] = c[0];
            ci[k] = c[1];
        }
        int positive = 0;
        int clipped = 0;
        for (long seed = 1; seed <= 6; seed++) {
            Random rnd = new Random(seed);
            double[] theta = new double[N];
            for (int n = 0; n < N; n++) {
                theta[n] = 2 * Math.PI * rnd.nextDouble();
            }
            PartialAnalog analog = new PartialAnalog(CHAINS, M, theta);
            List<double[][]> p = inSpan(theta, 3, rnd);
            List<double[][]> g = spebWirtinger(ev, p);
            double[] required = {0.5 + 3 * rnd.nextDouble(), 0.5 + 3 * rnd.nextDouble()};
            double[] x = leastSquares(cr, ci, p, g, theta, required, new int[] {0, 1});
            double[] lambda = KktMultipliers.estimate(ev, analog, p, required);
            double scale = Math.max(Math.abs(x[0]), Math.abs(x[1]));
            assertTrue(scale > 0);
            for (int k = 0; k < 2; k++) {
                double want = Math.max(0, x[k]);
                assertEquals(want, lambda[k], 1e-5 * scale, "seed " + seed + " user " + k + " (x = "
                        + java.util.Arrays.toString(x) + ")");
                positive += x[k] > 1e-3 * scale ? 1 : 0;
                clipped += x[k] < -1e-3 * scale ? 1 : 0;
            }
            // a user without a requirement: lambda = 0, and the other's multiplier solves the smaller system
            double[] one = {required[0], 0};
            double[] x1 = leastSquares(cr, ci, p, g, theta, one, new int[] {0});
            double[] l1 = KktMultipliers.estimate(ev, analog, p, one);
            assertEquals(0, l1[1], 0, "seed " + seed);
            assertEquals(Math.max(0, x1[0]), l1[0], 1e-5 * Math.abs(x1[0]), "seed " + seed + " alone");
        }
        assertTrue(positive >= 2 && clipped >= 1, "the seeds must give positive and clipped multipliers: "
                + positive + " positive, " + clipped + " clipped");
    }
}
