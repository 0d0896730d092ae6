package io.fresnel.design.sdr;

import io.fresnel.design.common.SdrModel;
import io.fresnel.design.common.ZMatrices;
import io.fresnel.math.HermitianEigen;
import io.fresnel.model.Precoder;
import io.fresnel.model.Stream;
import io.fresnel.model.StreamRole;
import java.util.ArrayList;
import java.util.List;

/**
 * The rank-one reconstruction of paper 004 Prop. 3, (36)-(37), in the reduced coordinates, and the
 * precoder it gives: one {@code private} column per user, then one {@code sensing} column per
 * positive eigen-direction of the remaining sensing covariance.
 *
 * <ul>
 *   <li>A user with a requirement: xi_u = (g^H Y_u g)^{-1/2} Y_u g with g = Q^H c_u^* (= h_u in the
 *       paper's notation), (36); xi_u xi_u^H &lt;= Y_u and g^H xi_u xi_u^H g = g^H Y_u g, so its
 *       signal is kept and the interference it causes can only fall.</li>
 *   <li>A user without a requirement (no W_u in the SDP): the same construction applied to the
 *       remaining sensing covariance, xi_u = (g^H R g)^{-1/2} R g, which moves into the user's stream
 *       all the power R sends towards it (the largest SINR that keeps R_X, cf. Lemma 1); R_X, hence
 *       the sensing objective and every other user's SINR, is unchanged.</li>
 *   <li>R_d = X - sum xi_u xi_u^H (37) is factored with {@link HermitianEigen#factorColumns}
 *       keeping every positive eigenvalue (small ones matter at the 1e-4 level).</li>
 * </ul>
 *
 * Finally the precoder is scaled to use exactly the power budget, which can only improve the
 * SINRs and the sensing objective (every term grows with the power).
 */
public final class SdrPrecoder {
    private SdrPrecoder() {
    }

    /**
     * @param model the subspace model
     * @param x the normalised R_X (d x d {re, im})
     * @param w per user its normalised W_u, or null
     * @param powerW the power budget P (W)
     * @return the precoder (N x (U + sensing columns)), ||P||_F^2 = P
     */
    public static Precoder build(SdrModel model, double[][][] x, double[][][][] w, double powerW) {
        int d = model.d;
        int users = model.users.size();
        double[][] rRe = new double[d][d];
        double[][] rIm = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                rRe[i][j] = 0.5 * (x[0][i][j] + x[0][j][i]);
                rIm[i][j] = 0.5 * (x[1][i][j] - x[1][j][i]);
            }
        }
        double[][][] xi = new double[users][][];
        for (int u = 0; u < users; u++) {
            if (w != null && w[u] != null) {
                xi[u] = rankOne(w[u][0], w[u][1], model.userVectors[u]);
                subtractOuter(rRe, rIm, xi[u]);
            }
        }
        for (int u = 0; u < users; u++) {
            if (xi[u] == null) {
                xi[u] = rankOne(rRe, rIm, model.userVectors[u]);
                subtractOuter(rRe, rIm, xi[u]);
            }
        }
        List<double[][]> reduced = new ArrayList<>();
        for (double[][] v : xi) {
            reduced.add(v);
        }
        List<double[][]> sensing = new HermitianEigen(rRe, rIm).factorColumns(0.0);
        reduced.addAll(sensing);
        double total = 0;
        for (double[][] v : reduced) {
            for (int i = 0; i < d; i++) {
                total += v[0][i] * v[0][i] + v[1][i] * v[1][i];
            }
        }
        double scale = total > 0 ? Math.sqrt(powerW / total) : 0;
        List<double[][]> columns = new ArrayList<>();
        List<Stream> streams = new ArrayList<>();
        for (int c = 0; c < reduced.size(); c++) {
            double[][] v = reduced.get(c);
            double[] re = new double[d];
            double[] im = new double[d];
            for (int i = 0; i < d; i++) {
                re[i] = scale * v[0][i];
                im[i] = scale * v[1][i];
            }
            columns.add(model.expand(new double[][] {re, im}));
            streams.add(c < users ? new Stream(StreamRole.PRIVATE, model.users.get(c).id())
                    : new Stream(StreamRole.SENSING, null));
        }
        return new Precoder(streams, ZMatrices.ofColumns(columns), null, null, null);
    }

    /** (36): (g^H A g)^{-1/2} A g, or the zero vector when g^H A g is not positive. */
    static double[][] rankOne(double[][] aRe, double[][] aIm, double[][] g) {
        int d = g[0].length;
        double[] yr = new double[d];
        double[] yi = new double[d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                yr[i] += aRe[i][j] * g[0][j] - aIm[i][j] * g[1][j];
                yi[i] += aRe[i][j] * g[1][j] + aIm[i][j] * g[0][j];
            }
        }
        double q = 0;
        double trace = 0;
        double g2 = 0;
        for (int i = 0; i < d; i++) {
            q += g[0][i] * yr[i] + g[1][i] * yi[i];
            trace += aRe[i][i];
            g2 += g[0][i] * g[0][i] + g[1][i] * g[1][i];
        }
        if (!(q > 1e-14 * Math.abs(trace) * g2)) {
            return new double[][] {new double[d], new double[d]};
        }
        double s = 1 / Math.sqrt(q);
        for (int i = 0; i < d; i++) {
            yr[i] *= s;
            yi[i] *= s;
        }
        return new double[][] {yr, yi};
    }

    private static void subtractOuter(double[][] re, double[][] im, double[][] v) {
        double[][][] o = SdrModel.outer(v);
        for (int i = 0; i < re.length; i++) {
            for (int j = 0; j < re.length; j++) {
                re[i][j] -= o[0][i][j];
                im[i][j] -= o[1][i][j];
            }
        }
    }
}
