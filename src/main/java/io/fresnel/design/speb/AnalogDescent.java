package io.fresnel.design.speb;

import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The analog block of Algorithm 1 (paper 003 Sec. IV-B): with the digital weights W = Phi F_D
 * fixed, lower the SPEB over the phases theta of the partially connected F_A (31) by projected
 * gradient descent inside a trust region |theta - theta_0|_inf &lt;= radius, with the users' rate
 * constraints (31c) as the penalty rho sum_k max(0, 1 - SINR_k / Gamma_k)^2:
 *
 * <pre>
 *   psi(theta) = (SPEB(theta) - sum_k lambda_k c_k(theta)) / SPEB(theta_0)
 *                + rho sum_k max(0, 1 - SINR_k(theta) / Gamma_k)^2,
 * </pre>
 *
 * where c_k = S_k - Gamma_k (I_k + sigma_k^2) is user k's rate margin and lambda_k its multiplier
 * in the last digital step ({@link KktMultipliers}), so that the first term is the first-order
 * model of the optimal digital SPEB as the phases move (envelope theorem).
 *
 * The unit modulus (31d) holds by construction (f_n = exp(j theta_n)) and the power (34) does not
 * depend on the phases. This replaces the N x N SDR (32) with Gaussian randomisation, whose cost
 * is O(N^4.5) per block and whose randomised rank-one point need not be feasible (ERRATA 003
 * item 5); feasibility and the optimal digital part are restored by the following digital step,
 * and the caller accepts the new phases only when that step lowers the SPEB (so the BCD is
 * monotone).
 */
final class AnalogDescent {
    /** Penalty weight rho of a relative SINR shortfall. */
    static final double PENALTY = 100;
    private static final double ARMIJO = 1e-4;

    private AnalogDescent() {
    }

    /**
     * @param evaluator SPEB and SINRs with gradients
     * @param start theta_0
     * @param weights the per-antenna digital weights w_s (block constant)
     * @param required per user Gamma_k (0: none)
     * @param lambda per user multiplier lambda_k (m^2/W, &gt;= 0)
     * @param radius the trust region (rad, &gt; 0)
     * @param iterations the largest number of gradient steps
     * @param cancelled polled once per step
     * @return the phases found (theta_0 itself when no step lowered psi)
     */
    static double[] descend(SpebEvaluator evaluator, double[] start, List<double[][]> weights, double[] required,
            double[] lambda, double radius, int iterations, BooleanSupplier cancelled) {
        int n = start.length;
        double[] theta = start.clone();
        double s0 = evaluator.speb(PartialAnalog.apply(start, weights));
        if (!Double.isFinite(s0)) {
            return theta;
        }
        double[] grad = new double[n];
        double psi = merit(evaluator, theta, weights, required, lambda, s0, grad);
        double step = Double.NaN;
        for (int it = 0; it < iterations && !cancelled.getAsBoolean(); it++) {
            double gmax = 0;
            for (double g : grad) {
                gmax = Math.max(gmax, Math.abs(g));
            }
            if (!(gmax > 0)) {
                break;
            }
            if (Double.isNaN(step)) {
                step = radius / gmax;
            }
            boolean moved = false;
            for (int tries = 0; tries < 30; tries++) {
                double[] trial = new double[n];
                double decrease = 0;
                for (int k = 0; k < n; k++) {
                    double t = theta[k] - step * grad[k];
                    t = Math.max(start[k] - radius, Math.min(start[k] + radius, t));
                    trial[k] = t;
                    decrease += grad[k] * (theta[k] - t);
                }
                if (!(decrease > 0)) {
                    break;
                }
                double[] trialGrad = new double[n];
                double value = merit(evaluator, trial, weights, required, lambda, s0, trialGrad);
                if (value <= psi - ARMIJO * decrease) {
                    theta = trial;
                    psi = value;
                    grad = trialGrad;
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

    /** @return psi(theta), its gradient written to {@code grad} (+Infinity when the FIM is singular) */
    static double merit(SpebEvaluator evaluator, double[] theta, List<double[][]> weights, double[] required,
            double[] lambda, double s0, double[] grad) {
        List<double[][]> columns = PartialAnalog.apply(theta, weights);
        double speb = evaluator.spebGradient(columns, grad);
        if (!Double.isFinite(speb)) {
            return Double.POSITIVE_INFINITY;
        }
        for (int k = 0; k < grad.length; k++) {
            grad[k] /= s0;
        }
        double psi = speb / s0;
        double[] g = new double[grad.length];
        for (int u = 0; u < required.length; u++) {
            if (required[u] <= 0) {
                continue;
            }
            if (lambda[u] > 0) {
                double c = evaluator.marginGradient(columns, u, required[u], g);
                psi -= lambda[u] * c / s0;
                for (int k = 0; k < grad.length; k++) {
                    grad[k] -= lambda[u] * g[k] / s0;
                }
            }
            double sinr = evaluator.sinrGradient(columns, u, g);
            double q = 1 - sinr / required[u];
            if (q > 0) {
                psi += PENALTY * q * q;
                for (int k = 0; k < grad.length; k++) {
                    grad[k] -= 2 * PENALTY * q * g[k] / required[u];
                }
            }
        }
        return psi;
    }
}
