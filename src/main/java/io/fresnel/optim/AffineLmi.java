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
    private final List<Integer> vars = new ArrayList<>();
    private final List<double[][]> coefficients = new ArrayList<>();
    /** The variables and their coefficient matrices (row-major), formed at the first barrier evaluation. */
    private int[] flatVars;
    private double[][] flatCoefficients;

    /** @param m the matrix order */
    public AffineLmi(int m) {
        this.m = m;
        this.constant = new double[m][m];
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
        flatVars = null;
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
        int nv = vars.size();
        if (flatVars == null || flatVars.length != nv) {
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
}
