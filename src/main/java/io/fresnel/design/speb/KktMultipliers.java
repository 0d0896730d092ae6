package io.fresnel.design.speb;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Lagrange multipliers of the digital step's rate constraints, estimated from its optimal
 * precoder: at the optimum of (35) in the span of F_A, the stationarity condition
 *
 * <pre>
 *   Pi (g_s - sum_k lambda_k dc_k/dp_s^* + nu p_s) = 0   for every column s,
 * </pre>
 *
 * (g_s = dSPEB/dp_s^*, c_k the rate margin of {@link SpebEvaluator#marginGradient}, Pi the
 * projection onto span(F_A)) is solved for (lambda, nu) &gt;= 0 in the least-squares sense. By the
 * envelope theorem, SPEB - sum_k lambda_k c_k with F_D fixed is then the first-order model of the
 * optimal digital value as the analog phases move, which is what {@link AnalogDescent} lowers.
 */
final class KktMultipliers {
    private KktMultipliers() {
    }

    /**
     * @param evaluator SPEB and channels
     * @param analog F_A
     * @param columns the digital step's optimal columns (users first)
     * @param required Gamma_k (0: no constraint, lambda_k = 0)
     * @return lambda_k (m^2/W) per user
     */
    static double[] estimate(SpebEvaluator evaluator, PartialAnalog analog, List<double[][]> columns,
            double[] required) {
        int users = required.length;
        int n = evaluator.n;
        List<double[][]> g = new ArrayList<>();
        evaluator.spebGradient(columns, null, g);
        // unknowns: lambda_k of the users with a requirement, then nu (a user without one has no column:
        // a zero column would make the system rank deficient and the solve fail for every user);
        // equations: Re/Im of Pi(.) for every column and antenna
        int[] unknownOf = new int[users];
        int active = 0;
        for (int k = 0; k < users; k++) {
            unknownOf[k] = required[k] > 0 ? active++ : -1;
        }
        if (active == 0) {
            return new double[users];
        }
        int unknowns = active + 1;
        int rows = 2 * n * columns.size();
        DMatrixRMaj a = new DMatrixRMaj(rows, unknowns);
        DMatrixRMaj b = new DMatrixRMaj(rows, 1);
        for (int s = 0; s < columns.size(); s++) {
            double[][] p = columns.get(s);
            int base = 2 * n * s;
            setProjected(b, 0, base, analog, negate(g.get(s)));
            setProjected(a, active, base, analog, p);
            for (int k = 0; k < users; k++) {
                if (required[k] <= 0) {
                    continue;
                }
                double[] ak = SpebEvaluator.amplitude(evaluator.channels[k], p);
                double w = s == k ? 1 : -required[k];
                // d c_k / d p_s^* = w c_k^* a_ks, with a minus sign in the stationarity condition
                double[] re = new double[n];
                double[] im = new double[n];
                double[] cr = evaluator.channels[k][0];
                double[] ci = evaluator.channels[k][1];
                for (int i = 0; i < n; i++) {
                    // conj(c_i) a = (cr - j ci)(ar + j ai)
                    re[i] = -w * (cr[i] * ak[0] + ci[i] * ak[1]);
                    im[i] = -w * (cr[i] * ak[1] - ci[i] * ak[0]);
                }
                setProjected(a, unknownOf[k], base, analog, new double[][] {re, im});
            }
        }
        DMatrixRMaj x = new DMatrixRMaj(unknowns, 1);
        if (!CommonOps_DDRM.solve(a, b, x)) {
            return new double[users];
        }
        double[] lambda = new double[users];
        for (int k = 0; k < users; k++) {
            double v = unknownOf[k] < 0 ? 0 : x.get(unknownOf[k], 0);
            lambda[k] = Double.isFinite(v) && v > 0 ? v : 0;
        }
        return lambda;
    }

    /** Writes Pi v (Re rows, then Im rows) into column {@code col} of m from row {@code base}. */
    private static void setProjected(DMatrixRMaj m, int col, int base, PartialAnalog analog, double[][] v) {
        int n = analog.antennas();
        int block = analog.block();
        double[] ph = analog.phases();
        for (int r = 0; r < analog.chains(); r++) {
            // f_r^H v_r / M
            double sr = 0;
            double si = 0;
            for (int i = r * block; i < (r + 1) * block; i++) {
                double fr = Math.cos(ph[i]);
                double fi = Math.sin(ph[i]);
                sr += fr * v[0][i] + fi * v[1][i];
                si += fr * v[1][i] - fi * v[0][i];
            }
            sr /= block;
            si /= block;
            for (int i = r * block; i < (r + 1) * block; i++) {
                double fr = Math.cos(ph[i]);
                double fi = Math.sin(ph[i]);
                m.set(base + i, col, fr * sr - fi * si);
                m.set(base + n + i, col, fr * si + fi * sr);
            }
        }
    }

    private static double[][] negate(double[][] v) {
        double[] re = v[0].clone();
        double[] im = v[1].clone();
        for (int i = 0; i < re.length; i++) {
            re[i] = -re[i];
            im[i] = -im[i];
        }
        return new double[][] {re, im};
    }
}
