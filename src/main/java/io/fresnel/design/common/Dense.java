package io.fresnel.design.common;

/** Small dense linear solves for the RSMA designs (Gaussian elimination, partial pivoting). */
public final class Dense {
    private Dense() {
    }

    /** @return x with a x = b (a symmetric, well scaled), or null when a is numerically singular */
    public static double[] solveSpd(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        for (int c = 0; c < n; c++) {
            int piv = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) {
                    piv = r;
                }
            }
            if (!(Math.abs(m[piv][c]) > 1e-14)) {
                return null;
            }
            double[] t = m[c];
            m[c] = m[piv];
            m[piv] = t;
            for (int r = 0; r < n; r++) {
                if (r != c) {
                    double f = m[r][c] / m[c][c];
                    for (int q = c; q <= n; q++) {
                        m[r][q] -= f * m[c][q];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = m[i][n] / m[i][i];
        }
        return x;
    }

    /**
     * Solves the complex system A X = B (A n x n, B n x s) through its real embedding.
     *
     * @return {re, im} of X (n x s), or null when singular
     */
    public static double[][][] solveComplex(double[][] ar, double[][] ai, double[][] br, double[][] bi) {
        int n = ar.length;
        int s = br[0].length;
        double[][] m = new double[2 * n][2 * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m[i][j] = ar[i][j];
                m[i][n + j] = -ai[i][j];
                m[n + i][j] = ai[i][j];
                m[n + i][n + j] = ar[i][j];
            }
        }
        double[][] xr = new double[n][s];
        double[][] xi = new double[n][s];
        for (int c = 0; c < s; c++) {
            double[] rhs = new double[2 * n];
            for (int i = 0; i < n; i++) {
                rhs[i] = br[i][c];
                rhs[n + i] = bi[i][c];
            }
            double[] x = solveSpd(m, rhs);
            if (x == null) {
                return null;
            }
            for (int i = 0; i < n; i++) {
                xr[i][c] = x[i];
                xi[i][c] = x[n + i];
            }
        }
        return new double[][][] {xr, xi};
    }
}
