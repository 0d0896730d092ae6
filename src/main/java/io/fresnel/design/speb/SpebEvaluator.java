package io.fresnel.design.speb;

import io.fresnel.design.common.FisherCoefficients;
import io.fresnel.design.common.SdrModel;
import io.fresnel.math.ComplexSubspace;
import io.fresnel.math.SymmetricMatrices;
import io.fresnel.model.CommNode;
import io.fresnel.physics.ScenarioPhysics;
import java.util.List;

/**
 * The SPEB and the users' SINRs of a precoder given as N-vector columns, and their gradients with
 * respect to the phases of a partially connected analog beamformer: the inner loop of the analog
 * step of Algorithm 1 (paper 003, Sec. IV-B) and of Algorithm 2 (Sec. V-B).
 *
 * <p>FIM: paper 003 (18)-(22) with the Re{.} of ERRATA 003 item 1 and the {@code a a^T}-type echo
 * of item 2 (SCENARIO.md section 1), as the linear map F_ij(R_X) = Re tr(A_ij R_X) of
 * {@link FisherCoefficients}. Every A_ij has its range in Q = span{v, dv/dx, dv/dy, c_u^*}
 * (paper 004 Prop. 2), so with y_s = Q^H p_s, F_ij = sum_s y_s^H H_ij y_s (H_ij the Hermitian part
 * of the reduced A_ij): O(N d) per column instead of O(N^2). SPEB (22) = the sum over the
 * targets' coordinates of [F^-1]_kk (the gains are nuisance), i.e. {@code crb_position_sum_m2}.
 *
 * <p>Gradients. With p_s = diag(f) w_s, f_n = exp(j theta_n) (paper 003 (27)-(28)),
 * d(p^H H p)/d theta_n = 2 Im(conj(p_n) (H p)_n), so dSPEB/d theta_n = -2 sum_s Im(conj(p_sn) (M p_s)_n)
 * with M = sum_ij G_ij H_ij, G = F^-1 E F^-1 (E selects the coordinates); a user's amplitude
 * a_us = c_u^T p_s has d|a_us|^2/d theta_n = -2 Im(conj(a_us) c_un p_sn).
 *
 * <p>Not thread-safe for concurrent use of one instance (it is built per run).
 */
final class SpebEvaluator {
    final int n;
    /** Dimension of the reduced span. */
    private final int d;
    /** Q: orthonormal basis of span{v, dv/dx, dv/dy, c_u^*}, which holds the range of every A_ij. */
    private final ComplexSubspace basis;
    final int parameters;
    final int coordinates;
    /** Hermitian parts of the reduced A_ij for i &lt;= j, {re, im} d x d, index [i][j]. */
    private final double[][][][][] h;
    /** c_u per user {re, im}. */
    final double[][][] channels;
    final double[] noise;

    SpebEvaluator(ScenarioPhysics physics) {
        SdrModel reduced = SdrModel.of(physics, SdrModel.Span.CRB);
        FisherCoefficients f = FisherCoefficients.of(reduced);
        n = reduced.antennas;
        d = reduced.d;
        basis = reduced.basis;
        parameters = f.parameters;
        coordinates = f.coordinates;
        h = new double[parameters][parameters][][][];
        for (int i = 0; i < parameters; i++) {
            for (int j = i; j < parameters; j++) {
                double[][][] a = f.coefficient(i, j);
                double[][] re = new double[d][d];
                double[][] im = new double[d][d];
                for (int r = 0; r < d; r++) {
                    for (int c = 0; c < d; c++) {
                        re[r][c] = 0.5 * (a[0][r][c] + a[0][c][r]);
                        im[r][c] = 0.5 * (a[1][r][c] - a[1][c][r]);
                    }
                }
                h[i][j] = new double[][][] {re, im};
            }
        }
        List<CommNode> users = physics.scenario().users();
        channels = new double[users.size()][][];
        noise = new double[users.size()];
        for (int u = 0; u < users.size(); u++) {
            channels[u] = physics.channelRow(users.get(u));
            noise[u] = users.get(u).noiseW();
        }
    }

    /**
     * @param columns precoder columns {re, im} of length N
     * @return the FIM (parameters x parameters)
     */
    double[][] fim(List<double[][]> columns) {
        double[][] f = new double[parameters][parameters];
        double[] hr = new double[d];
        double[] hi = new double[d];
        for (double[][] p : columns) {
            double[][] y = basis.coordinates(p[0], p[1]);
            for (int i = 0; i < parameters; i++) {
                for (int j = i; j < parameters; j++) {
                    multiply(h[i][j], y, hr, hi);
                    double s = 0;
                    for (int k = 0; k < d; k++) {
                        s += y[0][k] * hr[k] + y[1][k] * hi[k];
                    }
                    f[i][j] += s;
                }
            }
        }
        for (int i = 0; i < parameters; i++) {
            for (int j = 0; j < i; j++) {
                f[i][j] = f[j][i];
            }
        }
        return f;
    }

    /** @return the SPEB (m^2), +Infinity when the FIM is singular */
    double speb(List<double[][]> columns) {
        return spebGradient(columns, null, null);
    }

    /**
     * The SPEB and its gradient with respect to the phases (the columns are diag(f) w_s).
     *
     * @param columns p_s {re, im}
     * @param gradient receives dSPEB/d theta_n (length N; overwritten)
     * @return the SPEB (m^2), +Infinity (gradient untouched) when the FIM is singular
     */
    double spebGradient(List<double[][]> columns, double[] gradient) {
        return spebGradient(columns, gradient, null);
    }

    /**
     * As {@link #spebGradient(List, double[])}, also giving the Wirtinger gradients: with
     * dSPEB = sum_s 2 Re(dp_s^H g_s), g_s = -M p_s.
     *
     * @param columns p_s
     * @param gradient receives dSPEB/d theta_n, or null
     * @param directions receives g_s per column (cleared first), or null (both null: the SPEB only)
     * @return the SPEB, +Infinity when the FIM is singular
     */
    double spebGradient(List<double[][]> columns, double[] gradient, List<double[][]> directions) {
        double[][] inv = inverseOrNull(fim(columns));
        if (inv == null) {
            return Double.POSITIVE_INFINITY;
        }
        double s = 0;
        for (int k = 0; k < coordinates; k++) {
            s += inv[k][k];
        }
        if (!(s > 0) || !Double.isFinite(s)) {
            return Double.POSITIVE_INFINITY;
        }
        if (gradient == null && directions == null) {
            return s;
        }
        // G = F^-1 E F^-1
        double[][] g = new double[parameters][parameters];
        for (int i = 0; i < parameters; i++) {
            for (int j = 0; j < parameters; j++) {
                double v = 0;
                for (int k = 0; k < coordinates; k++) {
                    v += inv[i][k] * inv[k][j];
                }
                g[i][j] = v;
            }
        }
        double[][] mRe = new double[d][d];
        double[][] mIm = new double[d][d];
        for (int i = 0; i < parameters; i++) {
            for (int j = i; j < parameters; j++) {
                double w = (i == j ? 1 : 2) * g[i][j];
                double[][][] hij = h[i][j];
                for (int r = 0; r < d; r++) {
                    for (int c = 0; c < d; c++) {
                        mRe[r][c] += w * hij[0][r][c];
                        mIm[r][c] += w * hij[1][r][c];
                    }
                }
            }
        }
        if (gradient != null) {
            java.util.Arrays.fill(gradient, 0);
        }
        if (directions != null) {
            directions.clear();
        }
        double[] zr = new double[d];
        double[] zi = new double[d];
        double[][][] m = {mRe, mIm};
        for (double[][] p : columns) {
            // M p = Q M_reduced Q^H p
            multiply(m, basis.coordinates(p[0], p[1]), zr, zi);
            double[][] mp = basis.expand(zr, zi);
            double[] mr = mp[0];
            double[] mi = mp[1];
            if (directions != null) {
                double[] gr = new double[n];
                double[] gi = new double[n];
                for (int k = 0; k < n; k++) {
                    gr[k] = -mr[k];
                    gi[k] = -mi[k];
                }
                directions.add(new double[][] {gr, gi});
            }
            for (int k = 0; gradient != null && k < n; k++) {
                // Im(conj(p_k) (M p)_k)
                gradient[k] -= 2 * (p[0][k] * mi[k] - p[1][k] * mr[k]);
            }
        }
        return s;
    }

    /**
     * @param columns p_s; column u is user u's private stream (u &lt; users)
     * @param user the user
     * @return |c_u p_u|^2 / (sum over the other columns of |c_u p_s|^2 + noise)
     */
    double sinr(List<double[][]> columns, int user) {
        double signal = 0;
        double interference = 0;
        for (int s = 0; s < columns.size(); s++) {
            double[] a = amplitude(channels[user], columns.get(s));
            double p = a[0] * a[0] + a[1] * a[1];
            if (s == user) {
                signal = p;
            } else {
                interference += p;
            }
        }
        return signal / (interference + noise[user]);
    }

    /**
     * The SINR and its phase gradient for user u.
     *
     * @param gradient receives d sinr / d theta_n (overwritten)
     * @return the SINR
     */
    double sinrGradient(List<double[][]> columns, int user, double[] gradient) {
        double[] c = channels[user][0];
        double[] ci = channels[user][1];
        double signal = 0;
        double interference = 0;
        double[] dSignal = new double[n];
        double[] dInterference = new double[n];
        for (int s = 0; s < columns.size(); s++) {
            double[][] p = columns.get(s);
            double[] a = amplitude(channels[user], p);
            double[] target = s == user ? dSignal : dInterference;
            for (int k = 0; k < n; k++) {
                // z = c_k p_k; d|a|^2 = -2 Im(conj(a) z)
                double zr = c[k] * p[0][k] - ci[k] * p[1][k];
                double zi = c[k] * p[1][k] + ci[k] * p[0][k];
                target[k] += -2 * (a[0] * zi - a[1] * zr);
            }
            double pw = a[0] * a[0] + a[1] * a[1];
            if (s == user) {
                signal = pw;
            } else {
                interference += pw;
            }
        }
        double den = interference + noise[user];
        for (int k = 0; k < n; k++) {
            gradient[k] = (dSignal[k] * den - signal * dInterference[k]) / (den * den);
        }
        return signal / den;
    }

    /**
     * The rate constraint (31c)/(35c) as a margin, c_k = S_k - Gamma_k (I_k + sigma_k^2) with
     * S_k = |c_k^T p_k|^2 and I_k the power of every other column at user k, and its phase gradient.
     *
     * @param columns p_s (column k is user k's)
     * @param user k
     * @param gamma Gamma_k
     * @param gradient receives dc_k/d theta_n (overwritten)
     * @return c_k (W)
     */
    double marginGradient(List<double[][]> columns, int user, double gamma, double[] gradient) {
        double[] c = channels[user][0];
        double[] ci = channels[user][1];
        java.util.Arrays.fill(gradient, 0);
        double margin = -gamma * noise[user];
        for (int s = 0; s < columns.size(); s++) {
            double[][] p = columns.get(s);
            double[] a = amplitude(channels[user], p);
            double w = s == user ? 1 : -gamma;
            margin += w * (a[0] * a[0] + a[1] * a[1]);
            for (int k = 0; k < n; k++) {
                double zr = c[k] * p[0][k] - ci[k] * p[1][k];
                double zi = c[k] * p[1][k] + ci[k] * p[0][k];
                gradient[k] += -2 * w * (a[0] * zi - a[1] * zr);
            }
        }
        return margin;
    }

    /** @return c^T p {re, im} */
    static double[] amplitude(double[][] c, double[][] p) {
        double re = 0;
        double im = 0;
        for (int k = 0; k < p[0].length; k++) {
            re += c[0][k] * p[0][k] - c[1][k] * p[1][k];
            im += c[0][k] * p[1][k] + c[1][k] * p[0][k];
        }
        return new double[] {re, im};
    }

    private static void multiply(double[][][] a, double[][] p, double[] outRe, double[] outIm) {
        int n = p[0].length;
        for (int r = 0; r < n; r++) {
            double sr = 0;
            double si = 0;
            double[] ar = a[0][r];
            double[] ai = a[1][r];
            for (int c = 0; c < n; c++) {
                sr += ar[c] * p[0][c] - ai[c] * p[1][c];
                si += ar[c] * p[1][c] + ai[c] * p[0][c];
            }
            outRe[r] = sr;
            outIm[r] = si;
        }
    }

    private double[][] inverseOrNull(double[][] f) {
        try {
            double[][] inv = SymmetricMatrices.inverse(f);
            for (double[] row : inv) {
                for (double v : row) {
                    if (!Double.isFinite(v)) {
                        return null;
                    }
                }
            }
            return inv;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
