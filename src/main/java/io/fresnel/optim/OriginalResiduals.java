package io.fresnel.optim;

import java.util.Map;

/**
 * How well a point meets a {@link ConeProgram} as the caller wrote it, in the caller's units.
 *
 * <p>The interior-point method measures its residuals on the equilibrated data ({@link
 * ConicData#equilibrate()}); mapping a point back multiplies those residuals by the inverse
 * scalings, which for data spanning tens of decades (coefficients of 1e-26 beside 1 in one block)
 * can turn a scaled residual of 1e-10 into a violation of the constraint itself. These are the
 * checks made on the returned point, each a relative backward error (the size of the violation
 * over the size of the terms that make the constraint up):
 *
 * <pre>
 *   equality i:      |a_i^T x - b_i|            / max(1, |b_i| + sum_v |a_iv x_v|)
 *   inequality i:    max(0, g_i^T x - h_i)      / max(1, |h_i| + sum_v |g_iv x_v|)
 *   PSD block k:     max(0, -lambda_min(S_k))   / max(1, ||F_k0||_F + sum_v |x_v| ||F_kv||_F),  S_k = F_k0 + sum_v x_v F_kv
 * </pre>
 *
 * with the denominators floored at 1, as the solver's own residuals are relative to max(1, ||h||)
 * (a constraint x_v = 0 met to 1e-17 is met, whatever the size of its terms). A block's violation is
 * computed only when a Cholesky factorisation of S_k + {@link #TOLERANCE} max(1, size) I fails, so
 * the result is exact above the tolerance and may be reported as 0 below it. Stateless.
 */
final class OriginalResiduals {
    /**
     * Largest relative backward error of the returned point's constraints that {@code OPTIMAL}
     * allows: 1e-6, the relative tolerance with which the metric code judges a design's constraints.
     */
    static final double TOLERANCE = 1e-6;

    private OriginalResiduals() {
    }

    /**
     * @param p the program as given
     * @param x a point in the program's variables
     * @return the largest relative backward error of the constraints at x (exact when above {@link
     *     #TOLERANCE}; a block's error below it may be given as 0)
     */
    static double primal(ConeProgram p, double[] x) {
        double worst = 0;
        for (ConeProgram.SparseRow r : p.equalities()) {
            worst = Math.max(worst, row(r, x, true));
        }
        for (ConeProgram.SparseRow r : p.inequalities()) {
            worst = Math.max(worst, row(r, x, false));
        }
        for (PsdBlock b : p.blocks()) {
            worst = Math.max(worst, block(b, x));
        }
        return worst;
    }

    /**
     * @param p the program as given
     * @param x a point in the program's variables
     * @param dualObjective the dual objective reported with x
     * @return |c^T x - d| / (sum_v |c_v x_v| + |d|), 0 when both are 0
     */

    private static double row(ConeProgram.SparseRow r, double[] x, boolean equality) {
        double value = -r.rhs();
        double size = Math.abs(r.rhs());
        for (int k = 0; k < r.index().length; k++) {
            double t = r.value()[k] * x[r.index()[k]];
            value += t;
            size += Math.abs(t);
        }
        double violation = equality ? Math.abs(value) : Math.max(0, value);
        return violation / Math.max(1, size);
    }

    private static double block(PsdBlock b, double[] x) {
        int m = b.size();
        double[] s = b.denseConstant();
        double size = frobenius(s);
        for (Map.Entry<Integer, Map<Long, Double>> e : b.coefficients().entrySet()) {
            double xv = x[e.getKey()];
            double norm = 0;
            for (Map.Entry<Long, Double> f : e.getValue().entrySet()) {
                int i = (int) (f.getKey() / m);
                int j = (int) (f.getKey() % m);
                double v = f.getValue();
                s[i * m + j] += xv * v;
                if (i != j) {
                    s[j * m + i] += xv * v;
                }
                norm += (i == j ? 1 : 2) * v * v;
            }
            size += Math.abs(xv) * Math.sqrt(norm);
        }
        double scale = Math.max(1, size);
        if (Cholesky.factor(shifted(s, m, TOLERANCE * scale)) != null) {
            return 0; // S + tol scale I > 0: the violation, if any, is below the tolerance (not computed)
        }
        double min = DenseKernels.minEigenvalue(s, m, new double[3 * m]); // NaN for a non-finite entry
        return min >= 0 ? 0 : min < 0 ? -min / scale : Double.POSITIVE_INFINITY;
    }

    /** @return S + shift I as a square array (S row-major m x m) */
    private static double[][] shifted(double[] s, int m, double shift) {
        double[][] a = new double[m][m];
        for (int i = 0; i < m; i++) {
            System.arraycopy(s, i * m, a[i], 0, m);
            a[i][i] += shift;
        }
        return a;
    }

    private static double frobenius(double[] a) {
        double sum = 0;
        for (double v : a) {
            sum += v * v;
        }
        return Math.sqrt(sum);
    }
}
