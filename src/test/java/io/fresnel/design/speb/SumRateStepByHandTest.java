package io.fresnel.design.speb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.bench.SpebScenes;
import io.fresnel.design.common.SdrModel;
import io.fresnel.model.Scenario;
import io.fresnel.physics.ScenarioPhysics;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * One step of the communication-only program of Algorithm 2 ({@link SumRateProgram} without the
 * SPEB bound) against its closed form. The step maximises the quadratic transform (paper 003
 * (43)-(45), sums as corrected by ERRATA 003 item 4)
 *
 * <pre>
 *   sum_j [2 Re(b_j^H x_j) - x_j^H A x_j],  b_j = sqrt(1 + gamma_j) sqrt(P) mu_j g_j,
 *   A = P sum_k |mu_k|^2 g_k g_k^H,  subject to sum_j |x_j|^2 &lt;= 1,
 * </pre>
 *
 * whose KKT point is x_j = (A + nu I)^-1 b_j with nu &gt;= 0 the smallest value that meets the
 * power (nu = 0 when the unconstrained optimum is inside): found here by bisection on nu with a
 * complex Gaussian elimination written in the test.
 */
class SumRateStepByHandTest {
    /** P = 4 W: a power of 1 W would hide a P multiplied where it should divide. */
    private static final Scenario SC = io.fresnel.model.ScenarioEdits.withTransmitPower(SpebScenes.scene(16, 0, 3, 0, 5), 4);

    /** Solves (A + nu I) x = b for complex d x d A {re, im} by elimination on the real 2d system. */
    private static double[][] solve(double[][][] a, double nu, double[][] b) {
        int d = b[0].length;
        double[][] m = new double[2 * d][2 * d + 1];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double re = a[0][i][j] + (i == j ? nu : 0);
                double im = a[1][i][j];
                m[i][j] = re;
                m[i][d + j] = -im;
                m[d + i][j] = im;
                m[d + i][d + j] = re;
            }
            m[i][2 * d] = b[0][i];
            m[d + i][2 * d] = b[1][i];
        }
        int n = 2 * d;
        for (int c = 0; c < n; c++) {
            int p = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[p][c])) {
                    p = r;
                }
            }
            double[] t = m[c];
            m[c] = m[p];
            m[p] = t;
            for (int r = c + 1; r < n; r++) {
                double f = m[r][c] / m[c][c];
                for (int j = c; j <= n; j++) {
                    m[r][j] -= f * m[c][j];
                }
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double v = m[r][n];
            for (int j = r + 1; j < n; j++) {
                v -= m[r][j] * x[j];
            }
            x[r] = v / m[r][r];
        }
        double[][] out = new double[2][d];
        for (int i = 0; i < d; i++) {
            out[0][i] = x[i];
            out[1][i] = x[d + i];
        }
        return out;
    }

    private static double[][][] closedForm(double[][][] a, double[][][] b, double nu) {
        double[][][] x = new double[b.length][][];
        for (int j = 0; j < b.length; j++) {
            x[j] = solve(a, nu, b[j]);
        }
        return x;
    }

    private static double power(double[][][] x) {
        double s = 0;
        for (double[][] v : x) {
            for (int i = 0; i < v[0].length; i++) {
                s += v[0][i] * v[0][i] + v[1][i] * v[1][i];
            }
        }
        return s;
    }

    /** sum_j 2 Re(b_j^H x_j) - x_j^H A x_j. */
    private static double surrogate(double[][][] a, double[][][] b, double[][][] x) {
        double f = 0;
        int d = a[0].length;
        for (int j = 0; j < b.length; j++) {
            for (int i = 0; i < d; i++) {
                f += 2 * (b[j][0][i] * x[j][0][i] + b[j][1][i] * x[j][1][i]);
                double ar = 0;
                double ai = 0;
                for (int l = 0; l < d; l++) {
                    ar += a[0][i][l] * x[j][0][l] - a[1][i][l] * x[j][1][l];
                    ai += a[0][i][l] * x[j][1][l] + a[1][i][l] * x[j][0][l];
                }
                f -= x[j][0][i] * ar + x[j][1][i] * ai;
            }
        }
        return f;
    }

    @Test
    void theCommunicationOnlyStepIsTheRegularisedClosedForm() {
        ScenarioPhysics ph = new ScenarioPhysics(SC);
        SdrModel model = SdrModel.of(ph, SdrModel.Span.POWER);
        int d = model.d;
        int users = 3;
        double powerW = SC.transmitPowerW();
        SumRateProgram program = new SumRateProgram(model, powerW, Double.POSITIVE_INFINITY);
        Random rnd = new Random(4);
        int binding = 0;
        // |mu| of the order of 1 / (sqrt(P) |g|): the power binds; 30 x larger: the optimum is inside
        double gnorm = 0;
        for (int i = 0; i < d; i++) {
            gnorm += model.userVectors[0][0][i] * model.userVectors[0][0][i]
                    + model.userVectors[0][1][i] * model.userVectors[0][1][i];
        }
        gnorm = Math.sqrt(gnorm);
        for (double size : new double[] {0.3, 30}) {
            double[] gamma = new double[users];
            double[][] mu = new double[users][2];
            for (int k = 0; k < users; k++) {
                gamma[k] = 0.5 + 4 * rnd.nextDouble();
                double amp = size * (0.5 + rnd.nextDouble()) / (Math.sqrt(powerW) * gnorm);
                double phase = 2 * Math.PI * rnd.nextDouble();
                mu[k][0] = amp * Math.cos(phase);
                mu[k][1] = amp * Math.sin(phase);
            }
            double[][][] a = new double[2][d][d];
            double[][][] b = new double[users][2][d];
            for (int k = 0; k < users; k++) {
                double[][] g = model.userVectors[k];
                double m2 = mu[k][0] * mu[k][0] + mu[k][1] * mu[k][1];
                double w = Math.sqrt(1 + gamma[k]) * Math.sqrt(powerW);
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j < d; j++) {
                        // g_i conj(g_j)
                        a[0][i][j] += powerW * m2 * (g[0][i] * g[0][j] + g[1][i] * g[1][j]);
                        a[1][i][j] += powerW * m2 * (g[1][i] * g[0][j] - g[0][i] * g[1][j]);
                    }
                    // mu g_i
                    b[k][0][i] = w * (mu[k][0] * g[0][i] - mu[k][1] * g[1][i]);
                    b[k][1][i] = w * (mu[k][0] * g[1][i] + mu[k][1] * g[0][i]);
                }
            }
            double[][][] want;
            double trace = 0;
            for (int i = 0; i < d; i++) {
                trace += a[0][i][i];
            }
            if (power(closedForm(a, b, 0)) <= 1) {
                want = closedForm(a, b, 0);
            } else {
                binding++;
                double lo = 0;
                double hi = trace + 1;
                while (power(closedForm(a, b, hi)) > 1) {
                    hi *= 2;
                }
                for (int it = 0; it < 200; it++) {
                    double mid = 0.5 * (lo + hi);
                    if (power(closedForm(a, b, mid)) > 1) {
                        lo = mid;
                    } else {
                        hi = mid;
                    }
                }
                want = closedForm(a, b, hi);
            }
            double[][][] start = new double[users][2][d];
            SumRateProgram.Point got = program.solve(new SumRateProgram.Point(start, null), gamma, mu, () -> false);
            assertNotNull(got);
            // the surrogate's value: equal to the closed form's (inside, A is ill-conditioned, so the
            // optimum is flat along its small eigenvectors and only the value is compared)
            double fWant = surrogate(a, b, want);
            double fGot = surrogate(a, b, got.x());
            assertEquals(fWant, fGot, 1e-6 * Math.abs(fWant), "size " + size);
            assertTrue(power(got.x()) <= 1 + 1e-7, "power " + power(got.x()));
            if (size > 1) {
                continue;
            }
            double scale = Math.sqrt(power(want));
            for (int k = 0; k < users; k++) {
                for (int i = 0; i < d; i++) {
                    assertEquals(want[k][0][i], got.x()[k][0][i], 1e-5 * scale, "size " + size + " x_" + k + " re " + i);
                    assertEquals(want[k][1][i], got.x()[k][1][i], 1e-5 * scale, "size " + size + " x_" + k + " im " + i);
                }
            }
        }
        assertEquals(1, binding, "one case with the power binding, one inside");
        assertTrue(d >= users);
    }
}
