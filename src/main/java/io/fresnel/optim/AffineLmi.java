package io.fresnel.optim;

import java.util.ArrayList;
import java.util.List;

/**
 * A small linear matrix inequality {@code M(x) = M0 + sum_i x_i M_i >= 0} (real symmetric m x m)
 * with the barrier {@code -ln det M(x)} (degree m). Gradient {@code -tr(M^-1 M_i)}, Hessian
 * {@code tr(M^-1 M_i M^-1 M_j)}, evaluated through the Cholesky factor L of M as
 * {@code <B_i, B_j>} with {@code B_i = L^-1 M_i L^-T}.
 */
public final class AffineLmi {
    private final int m;
    private final double[][] constant;
    private final List<Integer> vars;
    private final List<double[][]> coefficients;
    /**
     * Edits of the coefficient matrices so far, shared with the siblings (one counter for the
     * shared matrices): a flat copy formed before the last edit, through this LMI or a sibling, is
     * formed again.
     */
    private final int[] edits;
    /** The variables and their coefficient matrices (row-major), formed at the first barrier evaluation. */
    private int[] flatVars;
    private double[][] flatCoefficients;
    /** The value of {@link #edits} when the flat copy was formed (-1: not formed yet). */
    private int flatEdits = -1;

    /** @param m the matrix order */
    public AffineLmi(int m) {
        this.m = m;
        this.constant = new double[m][m];
        this.vars = new ArrayList<>();
        this.coefficients = new ArrayList<>();
        this.edits = new int[1];
    }

    private AffineLmi(AffineLmi shared) {
        this.m = shared.m;
        this.constant = new double[m][m];
        this.vars = shared.vars;
        this.coefficients = shared.coefficients;
        this.edits = shared.edits;
    }

    /**
     * An LMI with the same coefficient matrices M_i as this one (shared, not copied: a coefficient
     * added to either, also after a solve, applies to both) and its own constant M0, zero until set by
     * {@link #addConstant}. A program's barrier evaluates siblings that follow one another
     * together ({@link #addBarriers}), at the cost of about one of them for the Hessian.
     *
     * @return the sibling
     */
    public AffineLmi sibling() {
        return new AffineLmi(this);
    }

    /** @return whether this LMI and other share their coefficient matrices ({@link #sibling}) */
    boolean sharesCoefficients(AffineLmi other) {
        return coefficients == other.coefficients;
    }

    /** @return the order */
    public int order() {
        return m;
    }

    /** Adds v to the constant entries (i, j) and (j, i). */
    public void addConstant(int i, int j, double v) {
        constant[i][j] += v;
        if (i != j) {
            constant[j][i] += v;
        }
    }

    /** Adds v x_var to the entries (i, j) and (j, i). */
    public void addCoefficient(int var, int i, int j, double v) {
        if (v == 0) {
            return;
        }
        edits[0]++;
        int k = vars.indexOf(var);
        if (k < 0) {
            vars.add(var);
            coefficients.add(new double[m][m]);
            k = vars.size() - 1;
        }
        double[][] c = coefficients.get(k);
        c[i][j] += v;
        if (i != j) {
            c[j][i] += v;
        }
    }

    /** @return M(x) */
    double[][] matrix(double[] x) {
        double[][] a = new double[m][m];
        for (int i = 0; i < m; i++) {
            a[i] = constant[i].clone();
        }
        addLinearPart(x, a);
        return a;
    }

    /** @return the direction part {@code sum_i d_i M_i} of M(x + s d) = M(x) + s D */
    double[][] direction(double[] d) {
        double[][] a = new double[m][m];
        addLinearPart(d, a);
        return a;
    }

    /** a += sum_i x_i M_i */
    private void addLinearPart(double[] x, double[][] a) {
        for (int k = 0; k < vars.size(); k++) {
            double v = x[vars.get(k)];
            if (v == 0) {
                continue;
            }
            double[][] c = coefficients.get(k);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    a[i][j] += v * c[i][j];
                }
            }
        }
    }

    /** @return the lower Cholesky factor of M(x), or null when M(x) is not positive definite */
    double[][] factor(double[] x) {
        return Cholesky.factor(matrix(x));
    }

    /**
     * Adds the barrier's gradient and the lower triangle of its Hessian at x (see the class
     * comment: {@code <B_i, B_j>} with {@code B_i = L^-1 M_i L^-T}, from L^-1 formed once and the
     * coefficient matrices held flat, without allocation per variable).
     *
     * @return -ln det M(x), or +Infinity when M(x) is not positive definite
     */
    double addBarrier(double[] x, double[] grad, double[][] hess) {
        double[][] l = factor(x);
        if (l == null) {
            return Double.POSITIVE_INFINITY;
        }
        flatten();
        int nv = flatVars.length;
        // li = L^-1 (lower triangular)
        double[] li = new double[m * m];
        for (int col = 0; col < m; col++) {
            for (int i = col; i < m; i++) {
                double s = i == col ? 1 : 0;
                for (int k = col; k < i; k++) {
                    s -= l[i][k] * li[k * m + col];
                }
                li[i * m + col] = s / l[i][i];
            }
        }
        int tri = m * (m + 1) / 2;
        double[][] bs = new double[nv][tri];
        double[] t = new double[m * m];
        double root2 = Math.sqrt(2);
        for (int k = 0; k < nv; k++) {
            double[] c = flatCoefficients[k];
            // t = L^-1 C (rows of L^-1 are zero beyond the diagonal)
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    double s = 0;
                    for (int q = 0; q <= i; q++) {
                        s += li[i * m + q] * c[q * m + j];
                    }
                    t[i * m + j] = s;
                }
            }
            // B = t L^-T, upper triangle, off-diagonal entries times sqrt 2: <B_i, B_j> = b_i . b_j
            double[] b = bs[k];
            double tr = 0;
            int at = 0;
            for (int i = 0; i < m; i++) {
                for (int j = i; j < m; j++) {
                    double s = 0;
                    for (int q = 0; q <= j; q++) {
                        s += t[i * m + q] * li[j * m + q];
                    }
                    if (i == j) {
                        tr += s;
                        b[at++] = s;
                    } else {
                        b[at++] = root2 * s;
                    }
                }
            }
            grad[flatVars[k]] -= tr;
        }
        for (int k = 0; k < nv; k++) {
            int vk = flatVars[k];
            double[] bk = bs[k];
            for (int j = 0; j <= k; j++) {
                double[] bj = bs[j];
                double h = 0;
                for (int e = 0; e < tri; e++) {
                    h += bk[e] * bj[e];
                }
                int vj = flatVars[j];
                if (vk >= vj) {
                    hess[vk][vj] += h;
                } else {
                    hess[vj][vk] += h;
                }
            }
        }
        double logdet = 0;
        for (int i = 0; i < m; i++) {
            logdet += 2 * Math.log(l[i][i]);
        }
        return -logdet;
    }

    /** Forms the flat variables and coefficient matrices (row-major), again after every edit of the coefficients. */
    private void flatten() {
        if (flatEdits != edits[0]) {
            int nv = vars.size();
            flatEdits = edits[0];
            flatVars = new int[nv];
            flatCoefficients = new double[nv][m * m];
            for (int k = 0; k < nv; k++) {
                flatVars[k] = vars.get(k);
                double[][] c = coefficients.get(k);
                for (int i = 0; i < m; i++) {
                    System.arraycopy(c[i], 0, flatCoefficients[k], i * m, m);
                }
            }
        }
    }

    /**
     * The barriers of LMIs that share their coefficient matrices ({@link #sibling}), added
     * together: with {@code W_l = M_l(x)^-1}, the gradient {@code -tr(W_l M_i)} of each and the
     * summed Hessian {@code sum_l tr(W_l M_i W_l M_j) = c_i^T K c_j}, where c_i holds the upper
     * triangle of M_i and {@code K = sum_l K(W_l)} with
     * {@code K_(ab),(cd) = s_ab s_cd 2 (W_bc W_ad + W_bd W_ac)} (s = 1/2 on the diagonal, 1 off it),
     * so that the Hessian costs one product with K instead of one Gram matrix per LMI.
     *
     * @param group LMIs that share their coefficient matrices (at least one)
     * @return sum of -ln det M_l(x), or +Infinity when one M_l(x) is not positive definite
     */
    static double addBarriers(List<AffineLmi> group, double[] x, double[] grad, double[][] hess) {
        if (group.size() == 1) {
            return group.get(0).addBarrier(x, grad, hess);
        }
        AffineLmi first = group.get(0);
        int m = first.m;
        first.flatten();
        int nv = first.flatVars.length;
        int tri = m * (m + 1) / 2;
        double[][] kk = new double[tri][tri];
        double value = 0;
        // the linear part sum_i x_i M_i, the same for every sibling
        double[][] linear = new double[m][m];
        first.addLinearPart(x, linear);
        for (AffineLmi lmi : group) {
            double[][] mx = new double[m][m];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    mx[i][j] = lmi.constant[i][j] + linear[i][j];
                }
            }
            double[][] l = Cholesky.factor(mx);
            if (l == null) {
                return Double.POSITIVE_INFINITY;
            }
            double[][] w = new double[m][];
            for (int j = 0; j < m; j++) {
                double[] e = new double[m];
                e[j] = 1;
                w[j] = Cholesky.solve(l, e); // column j of the symmetric M^-1
            }
            for (int i = 0; i < m; i++) {
                value -= 2 * Math.log(l[i][i]);
            }
            // gradient -tr(W M_k) = -sum_ab W_ab (M_k)_ab
            for (int k = 0; k < nv; k++) {
                double[] c = first.flatCoefficients[k];
                double tr = 0;
                for (int a = 0; a < m; a++) {
                    for (int b = 0; b < m; b++) {
                        tr += w[a][b] * c[a * m + b];
                    }
                }
                grad[first.flatVars[k]] -= tr;
            }
            int p = 0;
            for (int a = 0; a < m; a++) {
                for (int b = a; b < m; b++) {
                    double sp = a == b ? 0.5 : 1;
                    int q = 0;
                    for (int c = 0; c < m; c++) {
                        for (int d = c; d < m; d++) {
                            double sq = c == d ? 0.5 : 1;
                            kk[p][q] += 2 * sp * sq * (w[b][c] * w[a][d] + w[b][d] * w[a][c]);
                            q++;
                        }
                    }
                    p++;
                }
            }
        }
        // upper triangles of the coefficient matrices, then G = C K
        double[][] cu = new double[nv][tri];
        for (int k = 0; k < nv; k++) {
            double[] c = first.flatCoefficients[k];
            int p = 0;
            for (int a = 0; a < m; a++) {
                for (int b = a; b < m; b++) {
                    cu[k][p++] = c[a * m + b];
                }
            }
        }
        double[][] gk = new double[nv][tri];
        for (int k = 0; k < nv; k++) {
            double[] ck = cu[k];
            double[] out = gk[k];
            for (int p = 0; p < tri; p++) {
                double v = ck[p];
                if (v == 0) {
                    continue;
                }
                double[] kp = kk[p];
                for (int q = 0; q < tri; q++) {
                    out[q] += v * kp[q];
                }
            }
        }
        for (int k = 0; k < nv; k++) {
            int vk = first.flatVars[k];
            double[] gkk = gk[k];
            for (int j = 0; j <= k; j++) {
                double[] cj = cu[j];
                double h = 0;
                for (int q = 0; q < tri; q++) {
                    h += gkk[q] * cj[q];
                }
                int vj = first.flatVars[j];
                if (vk >= vj) {
                    hess[vk][vj] += h;
                } else {
                    hess[vj][vk] += h;
                }
            }
        }
        return value;
    }
}
