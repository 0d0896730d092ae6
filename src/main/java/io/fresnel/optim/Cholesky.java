package io.fresnel.optim;

/** Dense real Cholesky factorisation and the solves the barrier method needs. */
final class Cholesky {
    private Cholesky() {
    }

    /** @return the lower factor L with L L^T = a, or null when a is not (numerically) positive definite */
    static double[][] factor(double[][] a) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int j = 0; j < n; j++) {
            double[] lj = l[j];
            double s = a[j][j];
            for (int k = 0; k < j; k++) {
                s -= lj[k] * lj[k];
            }
            if (!(s > 0)) {
                return null;
            }
            double d = Math.sqrt(s);
            lj[j] = d;
            for (int i = j + 1; i < n; i++) {
                double[] li = l[i];
                double t = a[i][j];
                for (int k = 0; k < j; k++) {
                    t -= li[k] * lj[k];
                }
                li[j] = t / d;
            }
        }
        return l;
    }

    /** @return x with L L^T x = b */
    static double[] solve(double[][] l, double[] b) {
        int n = b.length;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i];
            double[] li = l[i];
            for (int k = 0; k < i; k++) {
                s -= li[k] * y[k];
            }
            y[i] = s / li[i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k][i] * y[k];
            }
            y[i] = s / l[i][i];
        }
        return y;
    }

    /** @return L^-1 c L^-T for symmetric c */
    static double[][] congruenceInverse(double[][] l, double[][] c) {
        int m = l.length;
        // t = L^-1 c (column by column forward substitution)
        double[][] t = new double[m][m];
        for (int col = 0; col < m; col++) {
            for (int i = 0; i < m; i++) {
                double s = c[i][col];
                for (int k = 0; k < i; k++) {
                    s -= l[i][k] * t[k][col];
                }
                t[i][col] = s / l[i][i];
            }
        }
        // out = t L^-T = (L^-1 t^T)^T; out is symmetric
        double[][] out = new double[m][m];
        for (int row = 0; row < m; row++) {
            for (int i = 0; i < m; i++) {
                double s = t[row][i];
                for (int k = 0; k < i; k++) {
                    s -= l[i][k] * out[row][k];
                }
                out[row][i] = s / l[i][i];
            }
        }
        return out;
    }
}
