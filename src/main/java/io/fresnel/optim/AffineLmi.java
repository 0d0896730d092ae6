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
        return a;
    }

    /** @return the lower Cholesky factor of M(x), or null when M(x) is not positive definite */
    double[][] factor(double[] x) {
        return Cholesky.factor(matrix(x));
    }

    /**
     * Adds the barrier's gradient and Hessian at x.
     *
     * @return -ln det M(x), or +Infinity when M(x) is not positive definite
     */
    double addBarrier(double[] x, double[] grad, double[][] hess) {
        double[][] l = factor(x);
        if (l == null) {
            return Double.POSITIVE_INFINITY;
        }
        int nv = vars.size();
        double[][] bs = new double[nv][];
        double root2 = Math.sqrt(2);
        for (int k = 0; k < nv; k++) {
            double[][] b = Cholesky.congruenceInverse(l, coefficients.get(k));
            // the upper triangle with off-diagonal entries times sqrt 2: <B_i, B_j> = u_i . u_j
            double[] flat = new double[m * (m + 1) / 2];
            double tr = 0;
            int at = 0;
            for (int i = 0; i < m; i++) {
                tr += b[i][i];
                flat[at++] = b[i][i];
                for (int j = i + 1; j < m; j++) {
                    flat[at++] = root2 * b[i][j];
                }
            }
            bs[k] = flat;
            grad[vars.get(k)] -= tr;
        }
        for (int k = 0; k < nv; k++) {
            int vk = vars.get(k);
            for (int j = k; j < nv; j++) {
                double h = QuadraticLogConstraint.dot(bs[k], bs[j]);
                int vj = vars.get(j);
                hess[vk][vj] += h;
                if (j != k) {
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
