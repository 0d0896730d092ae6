package io.fresnel.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Finite-difference checks of a barrier term's {@code addBarrier(x, grad, hess)}: the gradient
 * and the lower triangle of the Hessian it adds are compared with central differences of the
 * value it returns.
 *
 * <p>Error budget with step h, for points well inside the domain (barrier slack of order 1) and
 * data of order 1: the central first difference has truncation error h^2 |phi'''| / 6 and
 * rounding error about eps |phi| / h; the central second differences (diagonal
 * {@code phi(x+h) - 2 phi(x) + phi(x-h)}, mixed four-point formula) have truncation error
 * about h^2 |phi''''| / 12 and rounding error about 4 eps |phi| / h^2. With h = 1e-5 for the
 * gradient both gradient errors are near 1e-10 relative; with h = 1e-4 for the Hessian the
 * rounding part is about 1e-7 |phi| and the truncation part about 1e-9 |phi''''|, where the
 * fourth derivative of -ln(s) is of order 6 |grad s|^4 / s^4 (a few hundred here). Both are
 * well below the 1e-5 relative tolerance used (relative to the largest entry), which a wrong
 * factor of 2, a dropped term or a sign error exceeds by orders of magnitude.
 */
final class BarrierDerivatives {
    /**
     * A barrier term: adds its gradient into g and (at least) the lower triangle j &lt;= i of its
     * Hessian into h at x, and returns its value.
     */
    @FunctionalInterface
    interface Barrier {
        double add(double[] x, double[] g, double[][] h);
    }

    static final double GRADIENT_STEP = 1e-5;
    static final double HESSIAN_STEP = 1e-4;
    static final double TOLERANCE = 1e-5;

    private BarrierDerivatives() {
    }

    /** @return the value alone (gradient and Hessian go to scratch arrays) */
    static double value(Barrier b, double[] x) {
        int n = x.length;
        return b.add(x, new double[n], new double[n][n]);
    }

    /**
     * Asserts the gradient and Hessian the barrier adds at x against central differences of its
     * value, and that it adds onto (does not overwrite) what the arrays hold.
     */
    static void assertMatchesFiniteDifferences(Barrier b, double[] x) {
        int n = x.length;
        double[] g = new double[n];
        double[][] h = new double[n][n];
        // pre-filled, so an implementation that assigns instead of adding fails
        for (int i = 0; i < n; i++) {
            g[i] = 0.5 + i;
            for (int j = 0; j < n; j++) {
                h[i][j] = 0.25 * (i + j);
            }
        }
        double[] xCopy = x.clone();
        double v = b.add(x, g, h);
        assertTrue(java.util.Arrays.equals(xCopy, x), "x must not be modified");
        for (int i = 0; i < n; i++) {
            g[i] -= 0.5 + i;
            for (int j = 0; j < n; j++) {
                h[i][j] -= 0.25 * (i + j);
            }
        }
        assertEquals(value(b, x), v, 0, "the value does not depend on the arrays passed");

        double[] fdG = new double[n];
        for (int i = 0; i < n; i++) {
            fdG[i] = (value(b, shifted(x, i, GRADIENT_STEP, -1, 0)) - value(b, shifted(x, i, -GRADIENT_STEP, -1, 0)))
                    / (2 * GRADIENT_STEP);
        }
        assertClose(fdG, g, maxAbs(fdG), "gradient");

        double e = HESSIAN_STEP;
        double[][] fdH = new double[n][n];
        for (int i = 0; i < n; i++) {
            fdH[i][i] = (value(b, shifted(x, i, e, -1, 0)) - 2 * v + value(b, shifted(x, i, -e, -1, 0))) / (e * e);
            for (int j = 0; j < i; j++) {
                double pp = value(b, shifted(x, i, e, j, e));
                double pm = value(b, shifted(x, i, e, j, -e));
                double mp = value(b, shifted(x, i, -e, j, e));
                double mm = value(b, shifted(x, i, -e, j, -e));
                fdH[i][j] = (pp - pm - mp + mm) / (4 * e * e);
                fdH[j][i] = fdH[i][j];
            }
        }
        double scale = 0;
        for (double[] row : fdH) {
            scale = Math.max(scale, maxAbs(row));
        }
        // the contract is the lower triangle (j <= i): the barrier solver's Cholesky reads no other
        for (int i = 0; i < n; i++) {
            assertClose(java.util.Arrays.copyOf(fdH[i], i + 1), java.util.Arrays.copyOf(h[i], i + 1), scale,
                    "Hessian row " + i);
        }
    }

    private static double[] shifted(double[] x, int i, double di, int j, double dj) {
        double[] y = x.clone();
        y[i] += di;
        if (j >= 0) {
            y[j] += dj;
        }
        return y;
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double e : v) {
            m = Math.max(m, Math.abs(e));
        }
        return m;
    }

    /** Entry-wise, relative to the largest entry (at least 1e-3, so exact zeros compare sensibly). */
    private static void assertClose(double[] expected, double[] actual, double scale, String what) {
        double tol = TOLERANCE * Math.max(scale, 1e-3);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tol, what + " entry " + i);
        }
    }
}
