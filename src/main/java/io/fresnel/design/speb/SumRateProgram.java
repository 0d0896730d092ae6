package io.fresnel.design.speb;

import io.fresnel.design.common.FisherCoefficients;
import io.fresnel.design.common.SdrModel;
import io.fresnel.math.HermitianEigen;
import io.fresnel.optim.ConeOptions;
import io.fresnel.optim.ConeProgram;
import io.fresnel.optim.ConeResult;
import io.fresnel.optim.ConeSolver;
import io.fresnel.optim.ConeStatus;
import io.fresnel.optim.HermitianPsdBlock;
import io.fresnel.optim.HermitianVariable;
import io.fresnel.optim.PsdBlock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The digital block of Algorithm 2 (paper 003 Sec. V-C) as corrected by ERRATA 003 item 3: with
 * gamma and mu fixed, maximise the quadratic-transform objective (42) over the user precoders
 * x_k (d-vectors, p_k = sqrt(P) Q x_k, R_X in the subspace of {@link SdrModel}) and a dedicated
 * sensing covariance X_s &gt;= 0 (R_s = P Q X_s Q^H, which interferes with every user):
 *
 * <pre>
 *   max  sum_k 2 sqrt(1 + gamma_k) Re{mu_k^* a_kk} - sum_k |mu_k|^2 (sum_j |a_kj|^2 + c_k^T R_s c_k^*)
 *   s.t. sum_k ||x_k||^2 + tr X_s &lt;= 1                                  (24c)/(52e)
 *        SPEB(P (sum_k (xh_k x_k^H + x_k xh_k^H - xh_k xh_k^H) + X_s)) &lt;= Gamma_s   (24b)/(52b)-(52d)
 * </pre>
 *
 * with a_kj = c_k^T p_j. The printed SCA of (48)/(55)-(56) pins x_k to the previous point
 * (ERRATA item 3); here the FIM is evaluated at the linear minorant of sum_k x_k x_k^H around
 * the previous point xh_k, which lies below it in the Loewner order, so (SPEB being
 * Loewner-decreasing) every solution meets the true SPEB bound. The SPEB bound is the Schur LMI
 * of Proposition 1 per coordinate, whitened by F0^-1/2 (F0 the FIM of P I/d) as in paper 004's
 * {@code CrbMinProgram}; the quadratic terms are epigraphs written as Hermitian LMIs. Without a
 * bound (communication only) there is no X_s and no LMI.
 */
final class SumRateProgram {
    /** Relative margin kept below the SPEB bound inside the program. */
    static final double SPEB_MARGIN = 1e-6;

    private final SdrModel model;
    private final double powerW;
    private final double spebMax;
    private final FisherCoefficients whitened;
    private final double[][] whitening;
    private final int d;
    private final int users;

    /**
     * @param model the subspace (span CRB fully digital, span of F_A hybrid)
     * @param powerW P (W)
     * @param spebMax Gamma_s (m^2), or +Infinity for the communication-only problem
     * @throws ArithmeticException when the position is unobservable in the subspace (bounded case)
     */
    SumRateProgram(SdrModel model, double powerW, double spebMax) {
        this.model = model;
        this.powerW = powerW;
        this.spebMax = spebMax;
        this.d = model.d;
        this.users = model.users.size();
        if (Double.isFinite(spebMax)) {
            FisherCoefficients fisher = FisherCoefficients.of(model);
            double[][] iso = new double[d][d];
            for (int i = 0; i < d; i++) {
                iso[i][i] = powerW / d;
            }
            whitening = FisherCoefficients.inverseSquareRoot(fisher.fim(iso, new double[d][d]));
            whitened = fisher.congruence(whitening);
        } else {
            whitening = null;
            whitened = null;
        }
    }

    /** @return whether the program carries the SPEB bound (and a sensing covariance) */
    boolean bounded() {
        return whitened != null;
    }

    /**
     * A point of the block: user precoders and the sensing covariance, normalised (P = 1).
     *
     * @param x per user x_k {re, im} (length d)
     * @param sensing X_s {re, im} d x d, or null
     */
    record Point(double[][][] x, double[][][] sensing) {

        /** @return the precoder's columns (N-vectors): users, then the factors of R_s */
        List<double[][]> columns(SdrModel model, double powerW) {
            double s = Math.sqrt(powerW);
            List<double[][]> out = new ArrayList<>();
            for (double[][] xk : x) {
                out.add(scaled(model.expand(xk), s));
            }
            if (sensing != null) {
                for (double[][] f : new HermitianEigen(sensing[0], sensing[1]).factorColumns(1e-12)) {
                    out.add(scaled(model.expand(f), s));
                }
            }
            return out;
        }

        private static double[][] scaled(double[][] v, double s) {
            double[] re = v[0].clone();
            double[] im = v[1].clone();
            for (int i = 0; i < re.length; i++) {
                re[i] *= s;
                im[i] *= s;
            }
            return new double[][] {re, im};
        }
    }

    /**
     * Solves the block once around {@code previous}.
     *
     * @param previous the linearisation point xh_k (and its X_s, unused but feasible)
     * @param gamma per user gamma_k (43)
     * @param mu per user mu_k (44), {re, im}
     * @param cancelled polled by the solver
     * @return the new point, or null when the solver failed (the caller keeps the previous one)
     */
    Point solve(Point previous, double[] gamma, double[][] mu, BooleanSupplier cancelled) {
        int nx = 2 * users * d;
        int sensingFirst = nx;
        HermitianVariable xs = bounded() ? new HermitianVariable(sensingFirst, d) : null;
        int sVar = nx + (xs == null ? 0 : xs.count());
        int tauFirst = sVar + 1;
        int coords = bounded() ? whitened.coordinates : 0;
        ConeProgram program = new ConeProgram(tauFirst + coords);
        double sqrtP = Math.sqrt(powerW);
        // objective (minimised): s + P sum |mu_k|^2 g^H X_s g - sum 2 sqrt(1+gamma) sqrt(P) Re{conj(mu) g^H x_k}
        Map<Integer, Double> objective = new HashMap<>();
        objective.put(sVar, 1.0);
        for (int k = 0; k < users; k++) {
            double[][] g = model.userVectors[k];
            double w = 2 * Math.sqrt(1 + gamma[k]) * sqrtP;
            for (int i = 0; i < d; i++) {
                // conj(mu) conj(g_i) = (mr - j mi)(gr - j gi)
                double cr = mu[k][0] * g[0][i] - mu[k][1] * g[1][i];
                double ci = -(mu[k][0] * g[1][i] + mu[k][1] * g[0][i]);
                objective.merge(xr(k, i), -w * cr, Double::sum);
                objective.merge(xi(k, i), w * ci, Double::sum);
            }
            if (xs != null) {
                double[][][] gg = SdrModel.outer(g);
                double m2 = mu[k][0] * mu[k][0] + mu[k][1] * mu[k][1];
                xs.addTraceProduct(objective, gg[0], gg[1], powerW * m2);
            }
        }
        objective.forEach(program::setObjective);
        // s >= P sum_k |mu_k|^2 sum_j |g_k^H x_j|^2
        int m = users * users;
        HermitianPsdBlock epi = program.addHermitianPsd(m + 1);
        for (int k = 0; k < users; k++) {
            double[][] g = model.userVectors[k];
            double a = sqrtP * Math.hypot(mu[k][0], mu[k][1]);
            for (int j = 0; j < users; j++) {
                int r = k * users + j;
                epi.addConstant(r, r, 1, 0);
                for (int i = 0; i < d; i++) {
                    // a conj(g_i) x_ji: on Re x: a conj(g_i); on Im x: a j conj(g_i) = a (gi + j gr)
                    epi.addCoefficient(xr(j, i), r, m, a * g[0][i], -a * g[1][i]);
                    epi.addCoefficient(xi(j, i), r, m, a * g[1][i], a * g[0][i]);
                }
            }
        }
        epi.addCoefficient(sVar, m, m, 1, 0);
        // power: [[I, x], [x^H, 1 - tr X_s]] >= 0
        int q = users * d;
        HermitianPsdBlock pw = program.addHermitianPsd(q + 1);
        for (int k = 0; k < users; k++) {
            for (int i = 0; i < d; i++) {
                int r = k * d + i;
                pw.addConstant(r, r, 1, 0);
                pw.addCoefficient(xr(k, i), r, q, 1, 0);
                pw.addCoefficient(xi(k, i), r, q, 0, 1);
            }
        }
        pw.addConstant(q, q, 1, 0);
        if (xs != null) {
            for (int i = 0; i < d; i++) {
                pw.addCoefficient(xs.diagonal(i), q, q, -1, 0);
            }
            xs.requirePsd(program);
            addSpebBound(program, xs, previous, tauFirst);
        }
        ConeResult r = ConeSolver.solve(program, ConeOptions.defaults().withFeasibilityTolerance(1e-8), cancelled);
        if (r.x() == null || (r.status() != ConeStatus.OPTIMAL && r.status() != ConeStatus.ITERATION_LIMIT)) {
            return null;
        }
        double[][][] x = new double[users][2][d];
        for (int k = 0; k < users; k++) {
            for (int i = 0; i < d; i++) {
                x[k][0][i] = r.x()[xr(k, i)];
                x[k][1][i] = r.x()[xi(k, i)];
            }
        }
        return new Point(x, xs == null ? null : xs.value(r.x()));
    }

    /** The Schur LMIs of the SPEB bound on the FIM of the linearised covariance, and sum tau_k &lt;= 1. */
    private void addSpebBound(ConeProgram program, HermitianVariable xs, Point previous, int tauFirst) {
        int p = whitened.parameters;
        @SuppressWarnings("unchecked")
        Map<Integer, Double>[][] rows = new Map[p][p];
        double[][] constants = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = i; j < p; j++) {
                double[][][] a = whitened.coefficient(i, j);
                Map<Integer, Double> row = new HashMap<>();
                xs.addTraceProduct(row, a[0], a[1], powerW);
                double c = 0;
                for (int k = 0; k < users; k++) {
                    double[][] xh = previous.x()[k];
                    // B = (A + A^H) xh; Re(x^H B) on x, constant -Re(xh^H A xh)
                    for (int r = 0; r < d; r++) {
                        double br = 0;
                        double bi = 0;
                        for (int s = 0; s < d; s++) {
                            double hr = a[0][r][s] + a[0][s][r];
                            double hi = a[1][r][s] - a[1][s][r];
                            br += hr * xh[0][s] - hi * xh[1][s];
                            bi += hr * xh[1][s] + hi * xh[0][s];
                        }
                        row.merge(xr(k, r), powerW * br, Double::sum);
                        row.merge(xi(k, r), powerW * bi, Double::sum);
                        c -= 0.5 * powerW * (xh[0][r] * br + xh[1][r] * bi);
                    }
                }
                rows[i][j] = row;
                constants[i][j] = c;
            }
        }
        Map<Integer, Double> sum = new HashMap<>();
        for (int k = 0; k < whitened.coordinates; k++) {
            int tau = tauFirst + k;
            sum.put(tau, 1.0);
            PsdBlock b = program.addPsd(p + 1);
            for (int i = 0; i < p; i++) {
                for (int j = i; j < p; j++) {
                    for (Map.Entry<Integer, Double> e : rows[i][j].entrySet()) {
                        b.addCoefficient(e.getKey(), i, j, e.getValue());
                    }
                    b.addConstant(i, j, constants[i][j]);
                }
                b.addConstant(i, p, whitening[i][k] / Math.sqrt(spebMax));
            }
            b.addCoefficient(tau, p, p, 1.0);
        }
        program.addLinearInequality(sum, 1 - SPEB_MARGIN);
    }

    private int xr(int k, int i) {
        return 2 * (k * d + i);
    }

    private int xi(int k, int i) {
        return 2 * (k * d + i) + 1;
    }
}
