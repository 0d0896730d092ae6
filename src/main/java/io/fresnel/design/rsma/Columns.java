package io.fresnel.design.rsma;

/**
 * Arithmetic on stacks of precoder columns in span coordinates, {@code c[s] = {re[d], im[d]}}
 * (stream s, coordinate j), and on complex vectors {@code {re, im}}. Stateless; no argument is
 * modified.
 */
final class Columns {
    private Columns() {
    }

    /** @return {Re, Im} of a^H c for complex vectors a, c = {re, im} */
    static double[] inner(double[][] a, double[][] c) {
        double re = 0;
        double im = 0;
        for (int j = 0; j < a[0].length; j++) {
            re += a[0][j] * c[0][j] + a[1][j] * c[1][j];
            im += a[0][j] * c[1][j] - a[1][j] * c[0][j];
        }
        return new double[] {re, im};
    }

    /** @return |z|^2 for z = {re, im} */
    static double abs2(double[] z) {
        return z[0] * z[0] + z[1] * z[1];
    }

    /** @return sum over streams of ||c_s||^2 (the normalised transmit power of c) */
    static double norm2(double[][][] c) {
        double s = 0;
        for (double[][] col : c) {
            for (int j = 0; j < col[0].length; j++) {
                s += col[0][j] * col[0][j] + col[1][j] * col[1][j];
            }
        }
        return s;
    }

    /** @return -x */
    static double[] negate(double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = -x[i];
        }
        return y;
    }

    /** @return f x */
    static double[] scale(double[] x, double f) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] * f;
        }
        return y;
    }

    /** @return f x, row by row */
    static double[][] scale(double[][] x, double f) {
        double[][] y = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            y[i] = scale(x[i], f);
        }
        return y;
    }

    /** @return f c, column by column */
    static double[][][] scale(double[][][] c, double f) {
        double[][][] o = new double[c.length][2][];
        for (int q = 0; q < c.length; q++) {
            o[q][0] = scale(c[q][0], f);
            o[q][1] = scale(c[q][1], f);
        }
        return o;
    }

    /** @return c0 + f (c1 - c0) */
    static double[][][] blend(double[][][] c0, double[][][] c1, double f) {
        int streams = c0.length;
        int d = c0[0][0].length;
        double[][][] t = new double[streams][2][d];
        for (int q = 0; q < streams; q++) {
            for (int part = 0; part < 2; part++) {
                for (int i = 0; i < d; i++) {
                    t[q][part][i] = c0[q][part][i] + f * (c1[q][part][i] - c0[q][part][i]);
                }
            }
        }
        return t;
    }
}
