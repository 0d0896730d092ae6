package io.fresnel.design.speb;

import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The analog block of Algorithm 2 (paper 003 Sec. V-B) for the partially connected F_A: with the
 * digital weights W = Phi F_D fixed, raise the sum rate sum_k log2(1 + SINR_k(theta)) over the
 * phases by projected gradient ascent in a trust region |theta - theta_0|_inf &lt;= radius, keeping
 * SPEB(theta) &lt;= Gamma_s (24b) at every accepted step: near the bound the rate gradient is
 * projected off the SPEB gradient and pushed slightly inwards. The power (24c) does not depend on
 * the phases and the unit modulus holds by construction. This replaces the printed SCA (51),
 * whose feasible set is a single point (ERRATA 003 item 3).
 */
final class RateAscent {
    private static final double ACTIVE = 1e-3;
    private static final double INWARD = 0.1;

    private RateAscent() {
    }

    /**
     * @param evaluator SINRs and SPEB with phase gradients
     * @param start theta_0 (feasible)
     * @param weights per-antenna digital weights (users first, then sensing)
     * @param spebMax Gamma_s, +Infinity without a bound
     * @param radius trust region (rad)
     * @param iterations most gradient steps
     * @param cancelled polled per step
     * @return the phases found (theta_0 when no step raised the rate)
     */
    static double[] ascend(SpebEvaluator evaluator, double[] start, List<double[][]> weights, double spebMax,
            double radius, int iterations, BooleanSupplier cancelled) {
        int n = start.length;
        double[] theta = start.clone();
        double[] gr = new double[n];
        double rate = rateGradient(evaluator, PartialAnalog.apply(theta, weights), gr);
        double step = Double.NaN;
        for (int it = 0; it < iterations && !cancelled.getAsBoolean(); it++) {
            double[] dir = gr.clone();
            if (Double.isFinite(spebMax)) {
                double[] gs = new double[n];
                double s = evaluator.spebGradient(PartialAnalog.apply(theta, weights), gs);
                if (s > (1 - ACTIVE) * spebMax) {
                    double dot = 0;
                    double ns = 0;
                    double nr = 0;
                    for (int k = 0; k < n; k++) {
                        dot += gr[k] * gs[k];
                        ns += gs[k] * gs[k];
                        nr += gr[k] * gr[k];
                    }
                    if (ns > 0) {
                        double proj = Math.max(dot, 0) / ns;
                        double push = INWARD * Math.sqrt(nr / ns);
                        for (int k = 0; k < n; k++) {
                            dir[k] = gr[k] - (proj + push) * gs[k];
                        }
                    }
                }
            }
            double dmax = 0;
            for (double v : dir) {
                dmax = Math.max(dmax, Math.abs(v));
            }
            if (!(dmax > 0)) {
                break;
            }
            if (Double.isNaN(step)) {
                step = radius / dmax;
            }
            boolean moved = false;
            for (int tries = 0; tries < 30; tries++) {
                double[] trial = new double[n];
                for (int k = 0; k < n; k++) {
                    trial[k] = Math.max(start[k] - radius, Math.min(start[k] + radius, theta[k] + step * dir[k]));
                }
                List<double[][]> cols = PartialAnalog.apply(trial, weights);
                double[] g = new double[n];
                double value = rateGradient(evaluator, cols, g);
                boolean feasible = !Double.isFinite(spebMax) || evaluator.speb(cols) <= spebMax * (1 - 1e-9);
                if (feasible && value > rate) {
                    theta = trial;
                    rate = value;
                    gr = g;
                    step *= 2;
                    moved = true;
                    break;
                }
                step /= 4;
            }
            if (!moved) {
                break;
            }
        }
        return theta;
    }

    /** @return the sum rate (bit/s/Hz), its phase gradient written to {@code grad} */
    static double rateGradient(SpebEvaluator evaluator, List<double[][]> columns, double[] grad) {
        java.util.Arrays.fill(grad, 0);
        double[] g = new double[grad.length];
        double rate = 0;
        double ln2 = Math.log(2);
        for (int k = 0; k < evaluator.channels.length; k++) {
            double sinr = evaluator.sinrGradient(columns, k, g);
            rate += Math.log1p(sinr) / ln2;
            for (int i = 0; i < grad.length; i++) {
                grad[i] += g[i] / ((1 + sinr) * ln2);
            }
        }
        return rate;
    }
}
