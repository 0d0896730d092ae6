package io.fresnel.design.secure;

import java.util.ArrayList;
import java.util.List;

/**
 * A change of variables for the SDP of {@link SecrecySdp} at small gamma: W = U D W' D U^H, with U
 * unitary whose first k columns span the eavesdropper directions {g_e} and D = diag(delta, ..., delta,
 * 1, ..., 1) (delta on those k columns), delta = min(1, a^(1/4)) for the leakage allowance a of the
 * eavesdropper rows (gamma with artificial noise, gamma / max_e SNR_e without).
 *
 * <p>Why: the rows g_e^H W g_e &lt;= a (...) force W almost exactly orthogonal to every g_e. At the
 * optimum W ~ w w^H with g_e^H w = O(sqrt(a)), so the objective grows like sqrt(a) and the rows'
 * multipliers like a^(-1/2): for a = 1e-10 they are 1e5 times the data, the iterates of the
 * interior-point method grow with them and its residuals can no longer be evaluated to the
 * tolerance (the run stalls). In the scaled variables a row reads delta^2 g_e'^H W' g_e' &lt;= a (...),
 * its allowance for W' is a / delta^2 = sqrt(a), and the multiplier of the row is O(1): the leaking
 * entries of W' are O(a^(1/4)) instead of O(sqrt(a)). The map is an exact reformulation (D
 * nonsingular, U unitary: W &gt;= 0 iff W' &gt;= 0). Only W is scaled; the artificial noise V, which is
 * large exactly along the g_e, is not.
 *
 * <p>Vectors are {re, im} arrays of length d, matrices {re, im} d x d. Immutable.
 */
final class EveSubspaceScaling {
    private final int d;
    /** Columns of U, each {re, im}. */
    private final double[][][] u;
    private final double[] delta;

    private EveSubspaceScaling(int d, double[][][] u, double[] delta) {
        this.d = d;
        this.u = u;
        this.delta = delta;
    }

    /**
     * @param directions the eavesdropper directions g_e ({re, im}, length d; zero ones ignored)
     * @param allowance the leakage allowance a of the rows (&gt; 0)
     * @param d the dimension
     * @return the scaling, or null when none is needed (a &gt;= 1, no direction)
     */
    static EveSubspaceScaling of(List<double[][]> directions, double allowance, int d) {
        double delta = Math.min(1, Math.pow(allowance, 0.25));
        if (!(delta < 1) || directions.isEmpty()) {
            return null;
        }
        List<double[][]> cols = new ArrayList<>();
        for (double[][] g : directions) {
            addOrthogonalised(cols, g, d);
        }
        int k = cols.size();
        for (int i = 0; i < d && cols.size() < d; i++) {
            double[][] e = new double[2][d];
            e[0][i] = 1;
            addOrthogonalised(cols, e, d);
        }
        if (cols.size() != d || k == 0) {
            return null;
        }
        double[] scale = new double[d];
        for (int c = 0; c < d; c++) {
            scale[c] = c < k ? delta : 1;
        }
        return new EveSubspaceScaling(d, cols.toArray(new double[0][][]), scale);
    }

    /** Gram-Schmidt (twice) of v against cols; appended if its remainder is not negligible. */
    private static void addOrthogonalised(List<double[][]> cols, double[][] v, int d) {
        double[] re = v[0].clone();
        double[] im = v[1].clone();
        double norm0 = Math.sqrt(dot(re, re) + dot(im, im));
        if (norm0 == 0) {
            return;
        }
        for (int pass = 0; pass < 2; pass++) {
            for (double[][] c : cols) {
                // coefficient <c, v> = c^H v
                double pr = dot(c[0], re) + dot(c[1], im);
                double pi = dot(c[0], im) - dot(c[1], re);
                for (int i = 0; i < d; i++) {
                    re[i] -= pr * c[0][i] - pi * c[1][i];
                    im[i] -= pr * c[1][i] + pi * c[0][i];
                }
            }
        }
        double norm = Math.sqrt(dot(re, re) + dot(im, im));
        if (norm <= 1e-10 * norm0) {
            return;
        }
        for (int i = 0; i < d; i++) {
            re[i] /= norm;
            im[i] /= norm;
        }
        cols.add(new double[][] {re, im});
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /**
     * @param a a vector {re, im}; not modified
     * @return a' = D U^H a, so that a^H W a = a'^H W' a'
     */
    double[][] vector(double[][] a) {
        double[][] out = new double[2][d];
        for (int c = 0; c < d; c++) {
            double[][] col = u[c];
            out[0][c] = delta[c] * (dot(col[0], a[0]) + dot(col[1], a[1]));
            out[1][c] = delta[c] * (dot(col[0], a[1]) - dot(col[1], a[0]));
        }
        return out;
    }

    /**
     * @param q a Hermitian matrix {re, im}; not modified
     * @return Q' = D U^H Q U D, so that tr(Q W) = tr(Q' W')
     */
    double[][][] matrix(double[][][] q) {
        // T = Q U (column c: Q u_c), then Q'_bc = delta_b delta_c u_b^H T_c
        double[][][] t = new double[d][][];
        for (int c = 0; c < d; c++) {
            double[] re = new double[d];
            double[] im = new double[d];
            for (int i = 0; i < d; i++) {
                double sr = 0;
                double si = 0;
                for (int j = 0; j < d; j++) {
                    sr += q[0][i][j] * u[c][0][j] - q[1][i][j] * u[c][1][j];
                    si += q[0][i][j] * u[c][1][j] + q[1][i][j] * u[c][0][j];
                }
                re[i] = sr;
                im[i] = si;
            }
            t[c] = new double[][] {re, im};
        }
        double[][][] out = new double[2][d][d];
        for (int b = 0; b < d; b++) {
            for (int c = 0; c < d; c++) {
                double f = delta[b] * delta[c];
                out[0][b][c] = f * (dot(u[b][0], t[c][0]) + dot(u[b][1], t[c][1]));
                out[1][b][c] = f * (dot(u[b][0], t[c][1]) - dot(u[b][1], t[c][0]));
            }
        }
        return out;
    }

    /**
     * @return D^2, the matrix of the trace: tr W = tr(D^2 W')
     */
    double[][] traceMatrix() {
        double[][] out = new double[d][d];
        for (int c = 0; c < d; c++) {
            out[c][c] = delta[c] * delta[c];
        }
        return out;
    }

    /**
     * @param w W' {re, im}; not modified
     * @return W = U D W' D U^H
     */
    double[][][] original(double[][][] w) {
        double[][][] out = new double[2][d][d];
        for (int b = 0; b < d; b++) {
            for (int c = 0; c < d; c++) {
                double f = delta[b] * delta[c];
                double mr = f * w[0][b][c];
                double mi = f * w[1][b][c];
                if (mr == 0 && mi == 0) {
                    continue;
                }
                // out += M_bc u_b u_c^H
                for (int i = 0; i < d; i++) {
                    double ubr = u[b][0][i];
                    double ubi = u[b][1][i];
                    double pr = mr * ubr - mi * ubi;
                    double pi = mr * ubi + mi * ubr;
                    for (int j = 0; j < d; j++) {
                        double ucr = u[c][0][j];
                        double uci = -u[c][1][j];
                        out[0][i][j] += pr * ucr - pi * uci;
                        out[1][i][j] += pr * uci + pi * ucr;
                    }
                }
            }
        }
        return out;
    }
}
