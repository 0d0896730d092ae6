package io.fresnel.math;

/**
 * Kernels on complex vectors held as separate real and imaginary arrays (a mutable kernel
 * representation; model objects use {@link ComplexMatrix}). Every method checks nothing beyond
 * what the JVM does: callers pass arrays of equal length. Arguments are not modified unless the
 * Javadoc says "modified".
 */
public final class CVec {
    private CVec() {
    }

    /**
     * The inner product a^H b = sum conj(a_i) b_i.
     *
     * @return {re, im}
     */
    public static double[] dot(double[] aRe, double[] aIm, double[] bRe, double[] bIm) {
        double re = 0;
        double im = 0;
        for (int i = 0; i < aRe.length; i++) {
            re += aRe[i] * bRe[i] + aIm[i] * bIm[i];
            im += aRe[i] * bIm[i] - aIm[i] * bRe[i];
        }
        return new double[] {re, im};
    }

    /** @return ||a||^2 */
    public static double norm2(double[] aRe, double[] aIm) {
        double s = 0;
        for (int i = 0; i < aRe.length; i++) {
            s += aRe[i] * aRe[i] + aIm[i] * aIm[i];
        }
        return s;
    }

    /**
     * y = y - alpha x for complex alpha.
     *
     * @param yRe modified
     * @param yIm modified
     */
    public static void subtractScaled(double[] yRe, double[] yIm, double alphaRe, double alphaIm, double[] xRe,
            double[] xIm) {
        for (int i = 0; i < yRe.length; i++) {
            yRe[i] -= alphaRe * xRe[i] - alphaIm * xIm[i];
            yIm[i] -= alphaRe * xIm[i] + alphaIm * xRe[i];
        }
    }

    /**
     * The outer product vec(x y^T) in column-major order (entry (m, s) at s * M + m), times a
     * complex scalar, added into out.
     *
     * @param outRe length M * S; modified
     * @param outIm length M * S; modified
     */
    public static void addOuter(double scaleRe, double scaleIm, double[] xRe, double[] xIm, double[] yRe,
            double[] yIm, double[] outRe, double[] outIm) {
        int m = xRe.length;
        for (int s = 0; s < yRe.length; s++) {
            double cr = scaleRe * yRe[s] - scaleIm * yIm[s];
            double ci = scaleRe * yIm[s] + scaleIm * yRe[s];
            int base = s * m;
            for (int i = 0; i < m; i++) {
                outRe[base + i] += cr * xRe[i] - ci * xIm[i];
                outIm[base + i] += cr * xIm[i] + ci * xRe[i];
            }
        }
    }
}
