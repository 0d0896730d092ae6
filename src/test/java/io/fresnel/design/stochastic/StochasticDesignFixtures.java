package io.fresnel.design.stochastic;

import io.fresnel.GoldenFiles;
import io.fresnel.design.DesignContext;
import io.fresnel.design.DesignResult;
import io.fresnel.design.DesignScenarios;
import io.fresnel.design.Designs;
import io.fresnel.io.ScenarioReader;
import io.fresnel.math.ComplexMatrix;
import io.fresnel.math.SecureIsacBeams;
import io.fresnel.model.Precoder;
import io.fresnel.model.Scenario;
import io.fresnel.model.SolverSpec;
import java.util.Map;

/** Scenarios and matrix helpers shared by the SSJB and SLB design tests. */
final class StochasticDesignFixtures {
    private StochasticDesignFixtures() {
    }

    /** @return the paper-002 golden scenario (far-field lambda/2 ULAs, N = 15) */
    static Scenario golden() throws Exception {
        return ScenarioReader.readScenario(GoldenFiles.goldenDir().resolve("public/p002_ssjb_sensing_eve.scenario.json"));
    }

    /** @return an 8-element near-field scene with one user and one target */
    static Scenario nearField(String phase, String amplitude) {
        return DesignScenarios.scenario(phase, amplitude, DesignScenarios.ONE_USER,
                "{\"id\": \"t1\", \"position_m\": [2.0, 0.8, 0], \"reflection\": [0.01, 0.004]}", "");
    }

    static Precoder solve(Scenario sc, String algorithm, Map<String, Object> parameters) throws Exception {
        DesignResult r = Designs.byName(algorithm).run(sc.withSolver(new SolverSpec(algorithm, parameters)),
                DesignContext.none());
        return r.precoder();
    }

    /** @return P P^H as [re][im] N x N arrays */
    static double[][][] gram(ComplexMatrix p) {
        return gramOfColumns(p, 0, p.cols());
    }

    /** @return sum over columns [from, to) of p_s p_s^H */
    static double[][][] gramOfColumns(ComplexMatrix p, int from, int to) {
        int n = p.rows();
        double[][] re = new double[n][n];
        double[][] im = new double[n][n];
        for (int s = from; s < to; s++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    // p_i conj(p_j)
                    re[i][j] += p.re(i, s) * p.re(j, s) + p.im(i, s) * p.im(j, s);
                    im[i][j] += p.im(i, s) * p.re(j, s) - p.re(i, s) * p.im(j, s);
                }
            }
        }
        return new double[][][] {re, im};
    }

    /** @return ||A - B||_F / ||B||_F */
    static double relativeDifference(double[][][] a, double[][][] b) {
        double num = 0;
        double den = 0;
        for (int k = 0; k < 2; k++) {
            for (int i = 0; i < a[k].length; i++) {
                for (int j = 0; j < a[k].length; j++) {
                    double d = a[k][i][j] - b[k][i][j];
                    num += d * d;
                    den += b[k][i][j] * b[k][i][j];
                }
            }
        }
        return Math.sqrt(num / den);
    }

    /** @return sum_k c_k v_k v_k^H + c0 I */
    static double[][][] lowRank(int n, double c0, double[] c, double[][]... v) {
        double[][] re = new double[n][n];
        double[][] im = new double[n][n];
        for (int i = 0; i < n; i++) {
            re[i][i] = c0;
        }
        for (int k = 0; k < c.length; k++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    re[i][j] += c[k] * (v[k][0][i] * v[k][0][j] + v[k][1][i] * v[k][1][j]);
                    im[i][j] += c[k] * (v[k][1][i] * v[k][0][j] - v[k][0][i] * v[k][1][j]);
                }
            }
        }
        return new double[][][] {re, im};
    }

    /** @return |x^H y|^2 */
    static double abs2Dot(double[][] x, double[][] y) {
        double[] d = SecureIsacBeams.dot(x, y);
        return d[0] * d[0] + d[1] * d[1];
    }

    /** @return column s of p as {re, im} */
    static double[][] column(ComplexMatrix p, int s) {
        int n = p.rows();
        double[][] out = new double[2][n];
        for (int i = 0; i < n; i++) {
            out[0][i] = p.re(i, s);
            out[1][i] = p.im(i, s);
        }
        return out;
    }
}
