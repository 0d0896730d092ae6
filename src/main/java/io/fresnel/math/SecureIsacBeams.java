package io.fresnel.math;

/**
 * The unit vectors the SSJB and SLB precoders of paper 002 (Sec. IV, eqs. 9-11) are built from,
 * in the papers' h^H notation (a receiver with vector g receives g^H x), as the project's
 * paper-002 specification (section 1) defines them. Plain vector numerics: vectors are {re, im}
 * pairs of length N; arguments are not modified. Shared by the designs
 * ({@code io.fresnel.design.stochastic}) and the per-draw Monte Carlo of
 * {@code io.fresnel.stochastic}, so both build the same precoder.
 */
public final class SecureIsacBeams {
    private SecureIsacBeams() {
    }

    /**
     * @param x a vector; not modified
     * @return x / ||x||
     * @throws IllegalArgumentException when x is zero or not finite
     */
    public static double[][] normalise(double[][] x) {
        double n2 = norm2(x);
        if (!(n2 > 0) || !Double.isFinite(n2)) {
            throw new IllegalArgumentException("cannot normalise a zero or non-finite vector");
        }
        double s = 1 / Math.sqrt(n2);
        int n = x[0].length;
        double[] re = new double[n];
        double[] im = new double[n];
        for (int i = 0; i < n; i++) {
            re[i] = s * x[0][i];
            im[i] = s * x[1][i];
        }
        return new double[][] {re, im};
    }

    /**
     * The component of x orthogonal to the unit vector e, x - (e^H x) e, normalised.
     *
     * @param x a vector; not modified
     * @param e a unit vector; not modified
     * @return normalise(x - (e^H x) e)
     * @throws IllegalArgumentException when x lies along e (no orthogonal component)
     */
    public static double[][] orthogonalUnit(double[][] x, double[][] e) {
        double[] c = dot(e, x);
        int n = x[0].length;
        double[] re = new double[n];
        double[] im = new double[n];
        for (int i = 0; i < n; i++) {
            re[i] = x[0][i] - (c[0] * e[0][i] - c[1] * e[1][i]);
            im[i] = x[1][i] - (c[0] * e[1][i] + c[1] * e[0][i]);
        }
        double r2 = re.length == 0 ? 0 : norm2(new double[][] {re, im});
        if (!(r2 > 1e-24 * norm2(x))) {
            throw new IllegalArgumentException("the vector has no component orthogonal to the target direction");
        }
        return normalise(new double[][] {re, im});
    }

    /**
     * SSJB's information beam (eq. 9, STOCHASTIC.md section 1): t1 = alpha a~ + sqrt(1 - alpha^2) h~,
     * a~ = a/||a||, h~ = normalise(h - (a~^H h) a~); alpha is the real amplitude along a~.
     *
     * @param h the user's vector h = conj(c_user); not modified
     * @param a the target's vector a = conj(v(p_t)); not modified
     * @param alpha the amplitude along a~, in [0, 1]
     * @return a~, h~ and t1
     * @throws IllegalArgumentException when a = 0 or h lies along a
     */
    public static Ssjb ssjb(double[][] h, double[][] a, double alpha) {
        double[][] aT = normalise(a);
        double[][] hT = orthogonalUnit(h, aT);
        double beta = Math.sqrt(Math.max(0, 1 - alpha * alpha));
        int n = h[0].length;
        double[] re = new double[n];
        double[] im = new double[n];
        for (int i = 0; i < n; i++) {
            re[i] = alpha * aT[0][i] + beta * hT[0][i];
            im[i] = alpha * aT[1][i] + beta * hT[1][i];
        }
        return new Ssjb(aT, hT, new double[][] {re, im});
    }

    /**
     * SLB's unit vectors (eq. 11, Appendix C, STOCHASTIC.md section 1): h^ = h/||h||, a~ = a/||a||
     * and a~' = normalise(a' - (a~^H a') a~).
     *
     * @param h the user's vector; not modified
     * @param a the target's vector; not modified
     * @param aPrime d a / d theta at the target; not modified
     * @return h^, a~, a~'
     * @throws IllegalArgumentException when h or a is zero or a' lies along a
     */
    public static Slb slb(double[][] h, double[][] a, double[][] aPrime) {
        double[][] aT = normalise(a);
        return new Slb(normalise(h), aT, orthogonalUnit(aPrime, aT));
    }

    /**
     * SSJB's unit vectors.
     *
     * @param aTilde a~ = a/||a||
     * @param hTilde h~, the unit component of h orthogonal to a~
     * @param t1 the information beam alpha a~ + sqrt(1 - alpha^2) h~ (unit norm)
     */
    public record Ssjb(double[][] aTilde, double[][] hTilde, double[][] t1) {
    }

    /**
     * SLB's unit vectors.
     *
     * @param hHat h/||h||
     * @param aTilde a/||a||
     * @param aPrimeTilde the unit component of a' orthogonal to a~
     */
    public record Slb(double[][] hHat, double[][] aTilde, double[][] aPrimeTilde) {
    }

    /**
     * @param x a vector; not modified
     * @param amplitude the scale
     * @return amplitude x (a new vector)
     */
    public static double[][] scaled(double[][] x, double amplitude) {
        int n = x[0].length;
        double[][] out = new double[2][n];
        for (int i = 0; i < n; i++) {
            out[0][i] = amplitude * x[0][i];
            out[1][i] = amplitude * x[1][i];
        }
        return out;
    }

    /**
     * @param x a vector; not modified
     * @param y a vector; not modified
     * @return x^H y as {re, im}
     */
    public static double[] dot(double[][] x, double[][] y) {
        double re = 0;
        double im = 0;
        for (int i = 0; i < x[0].length; i++) {
            re += x[0][i] * y[0][i] + x[1][i] * y[1][i];
            im += x[0][i] * y[1][i] - x[1][i] * y[0][i];
        }
        return new double[] {re, im};
    }

    /**
     * @param x a vector; not modified
     * @return ||x||^2
     */
    public static double norm2(double[][] x) {
        double s = 0;
        for (int i = 0; i < x[0].length; i++) {
            s += x[0][i] * x[0][i] + x[1][i] * x[1][i];
        }
        return s;
    }
}
