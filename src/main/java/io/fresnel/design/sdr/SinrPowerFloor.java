package io.fresnel.design.sdr;

import io.fresnel.design.common.Dense;

/**
 * A lower bound on the smallest transmit power that meets every user's SINR requirement, from the
 * uplink-downlink duality of the MISO downlink power minimisation (Schubert and Boche; Wiesel, Eldar
 * and Shamai 2006): with h_u = g_u / sigma_u, the minimum power is sum_u lambda_u at the fixed point of
 * <pre>
 *   lambda_u = Gamma_u / (h_u^H (I + sum_{j != u} lambda_j h_j h_j^H)^-1 h_u)
 * </pre>
 * (lambda_u: the dual uplink powers; the right side is Yates' standard interference function). From
 * lambda = 0 the iterates increase monotonically to the fixed point when it exists and diverge when
 * no power meets the requirements, so the sum of every iterate is a lower bound on the minimum power.
 * Paper 004's SDPs are infeasible exactly when that minimum exceeds the budget (power and SINR are
 * their only constraints besides positive semidefiniteness), which the interior point does not always
 * certify: a randomised case needing 3.5 times the budget ended iteration-limit (solver_fuzz.py, see
 * docs/solver-fuzz.md). Vectors are {re, im} of the reduced coordinates (||g_u|| = ||c_u||).
 */
final class SinrPowerFloor {
    /** Iterations allowed; near the feasibility boundary the iteration slows down and proves nothing. */
    static final int MAX_ITERATIONS = 5000;

    private SinrPowerFloor() {
    }

    /**
     * @param g per user its channel vector {re, im} (length d)
     * @param noiseW per user sigma_u^2 (W)
     * @param gamma per user Gamma_u (0 or less: no requirement)
     * @param budgetW the power budget P (W)
     * @return a lower bound on the minimum power (W) that exceeds the budget as soon as one iterate does,
     *     else the converged minimum (or the last iterate when it did not converge)
     */
    static double lowerBound(double[][][] g, double[] noiseW, double[] gamma, double budgetW) {
        int users = 0;
        for (double v : gamma) {
            users += v > 0 ? 1 : 0;
        }
        if (users == 0) {
            return 0;
        }
        int d = g[0][0].length;
        double[][][] h = new double[g.length][][];
        for (int u = 0; u < g.length; u++) {
            if (gamma[u] > 0) {
                double s = 1 / Math.sqrt(noiseW[u]);
                h[u] = new double[2][d];
                for (int i = 0; i < d; i++) {
                    h[u][0][i] = g[u][0][i] * s;
                    h[u][1][i] = g[u][1][i] * s;
                }
            }
        }
        double[] lambda = new double[g.length];
        double total = 0;
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            double[] next = new double[g.length];
            double sum = 0;
            for (int u = 0; u < g.length; u++) {
                if (h[u] == null) {
                    continue;
                }
                double q = quadraticOfInverse(h, lambda, u, d);
                next[u] = gamma[u] / q;
                sum += next[u];
            }
            double previous = total;
            total = sum;
            lambda = next;
            if (!(total <= budgetW * 1e6)) {
                return total; // diverging (or not finite): far beyond the budget
            }
            if (total > budgetW * (1 + 1e-9) || Math.abs(total - previous) <= 1e-13 * total) {
                return total;
            }
        }
        return total;
    }

    /** @return Re h_u^H (I + sum_{j != u} lambda_j h_j h_j^H)^-1 h_u ({@link Dense#solveComplex}) */
    private static double quadraticOfInverse(double[][][] h, double[] lambda, int u, int d) {
        double[][] ar = new double[d][d];
        double[][] ai = new double[d][d];
        for (int i = 0; i < d; i++) {
            ar[i][i] = 1;
        }
        for (int j = 0; j < h.length; j++) {
            if (j == u || h[j] == null || lambda[j] == 0) {
                continue;
            }
            double l = lambda[j];
            double[] re = h[j][0];
            double[] im = h[j][1];
            for (int r = 0; r < d; r++) {
                for (int c = 0; c < d; c++) {
                    // (h h^H)_rc = h_r conj(h_c)
                    ar[r][c] += l * (re[r] * re[c] + im[r] * im[c]);
                    ai[r][c] += l * (im[r] * re[c] - re[r] * im[c]);
                }
            }
        }
        double[][] br = new double[d][1];
        double[][] bi = new double[d][1];
        for (int i = 0; i < d; i++) {
            br[i][0] = h[u][0][i];
            bi[i][0] = h[u][1][i];
        }
        // I + sum lambda h h^H >= I: never singular
        double[][][] x = Dense.solveComplex(ar, ai, br, bi);
        double q = 0;
        for (int i = 0; i < d; i++) {
            q += h[u][0][i] * x[0][i][0] + h[u][1][i] * x[1][i][0];
        }
        return q;
    }
}
