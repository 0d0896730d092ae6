package io.fresnel.design.sdr;

import io.fresnel.design.common.SdrModel;
import io.fresnel.optim.ConeProgram;
import java.util.HashMap;
import java.util.Map;

/**
 * Paper 004 (P2.1)/(P3.1) relaxed to (SDR2.1): maximise mu subject to
 * omega_t v(p_t)^T R_X v(p_t)^* &gt;= mu for every target (41b)/(46b), plus the common constraints of
 * {@link SdrProgram}. omega_t = 1 gives the minimum illumination (24) (P2); omega_t =
 * |beta_t|^2 ||a(p_t)||^2 gives the minimum echo power (25) with the |b_k|^2 of ERRATA 004.1 (P3;
 * the paper's beta(l) = 1/omega). In the reduced variables: omega_t e_t^H X e_t &gt;= mu / P with
 * e_t = Q^H v(p_t)^*; mu is normalised by omega_ref = min_t omega_t ||e_t||^2, the most the weakest
 * target can get per watt: the optimum is at most omega_ref (tr X &lt;= 1) and, without SINR rows, at
 * least omega_ref / d (X = I / d), so the solver's variable is of order one whatever the spread of the
 * weights. (Until 2026-12-03 it was the max over targets: with echo weights |beta_t|^2 ||a(p_t)||^2
 * twelve decades apart the optimum was 1e-12 in the solver's units, which its relative gap, floored at
 * 1, called converged at once: 5.8 times below the optimum on a randomised case, see docs/solver-fuzz.md.)
 * If some target gets nothing whatever the precoder (omega_t ||e_t||^2 = 0) the optimum is 0 and
 * omega_ref falls back to the max. Each target's row is written divided by omega_t ||e_t||^2 / omega_ref,
 * e_t^H X e_t / ||e_t||^2 &gt;= (omega_ref / (omega_t ||e_t||^2)) mu, so that its coefficients on X are of
 * order one (as in the independent reference, solver_reference.py): the same constraint, but a different
 * start for the solver's equilibration, which does not recover the same scaling from rows whose
 * coefficients spread over sixteen decades (echo-maxmin-sdr, {@code fuzz_echo_s12x_5}: cvxopt and this
 * solver both ended at their iteration limits on the former rows; now optimal within 8.6e-7 of cvxopt's
 * optimum of the reference's program).
 */
public final class MaxMinPowerProgram extends SdrProgram {
    private final double[] weights;
    /** Per target ||e_t||^2. */
    private final double[] norm2;
    private final double reference;

    /**
     * @param model the model (Span POWER or FULL), with at least one target
     * @param powerW P (W)
     * @param sinrRequired per user Gamma_u (0: none)
     * @param echo false for the illumination (P2), true for the echo power (P3)
     */
    public MaxMinPowerProgram(SdrModel model, double powerW, double[] sinrRequired, boolean echo) {
        super(model, powerW, sinrRequired);
        int k = model.targets.size();
        weights = new double[k];
        norm2 = new double[k];
        double ref = 0;
        double weakest = Double.POSITIVE_INFINITY;
        for (int t = 0; t < k; t++) {
            weights[t] = echo ? model.targets.get(t).reflection().abs2() * model.receiveNorm2[t] : 1.0;
            double[][] e = model.illuminationVector(t);
            double e2 = 0;
            for (int i = 0; i < d; i++) {
                e2 += e[0][i] * e[0][i] + e[1][i] * e[1][i];
            }
            norm2[t] = e2;
            ref = Math.max(ref, weights[t] * e2);
            weakest = Math.min(weakest, weights[t] * e2);
        }
        if (!(ref > 0)) {
            throw new ArithmeticException("no target can receive any " + (echo ? "echo" : "illumination"));
        }
        reference = weakest > 0 ? weakest : ref;
    }

    @Override
    int extraVariables() {
        return 1;
    }

    @Override
    void addObjective(ConeProgram program) {
        int mu = firstExtra;
        program.setObjective(mu, -1.0);
        for (int t = 0; t < weights.length; t++) {
            double[][][] ee = SdrModel.outer(model.illuminationVector(t));
            Map<Integer, Double> row = new HashMap<>();
            double e2 = norm2[t];
            if (weights[t] * e2 > 0) {
                x.addTraceProduct(row, ee[0], ee[1], -1 / e2);
                row.merge(mu, reference / (weights[t] * e2), Double::sum);
            } else {
                row.put(mu, 1.0); // the target gets nothing whatever X is: mu <= 0
            }
            program.addLinearInequality(row, 0.0);
        }
    }

    @Override
    double objectiveSi(double primalObjective) {
        return -primalObjective * powerW * reference;
    }
}
