package io.fresnel.optim;

/**
 * A smooth convex constraint {@code f(x) <= 0} of the form
 *
 * <pre>
 *   f(x) = sum_r (z_r . x + z0_r)^2 - (a . x + a0) - kappa ln q(x),
 *   q(x) = b . x + b0 - sum_s (y_s . x)^2,
 * </pre>
 *
 * with {@code kappa >= 0}; its domain is {@code q(x) > 0} when {@code kappa > 0}. The square terms
 * are convex, {@code -kappa ln q} is convex because {@code q} is concave. Without the log term it
 * is a convex quadratic (a second-order-cone-representable set); with it, it holds the
 * quadratic-transform lower bound {@code ln(2 Re(x^H T^H g) - x^H T x)} of paper 000 (37)/(40).
 * Rows are dense (length n, the program's variable count); the constant Hessian parts
 * {@code 2 sum z z^T} and {@code 2 sum y y^T} are added row by row over the nonzero entries of
 * each row (the rows of paper 000's surrogates touch one stream's coordinates each).
 */
public final class QuadraticLogConstraint {
    private final double[][] z;
    private final double[] z0;
    private final double[] a;
    private final double a0;
    private final double kappa;
    private final double[] b;
    private final double b0;
    private final double[][] y;
    /** Nonzero positions (ascending) and values of each z row, then of each y row. */
    private final int[][] zIndex;
    private final double[][] zValue;
    private final int[][] yIndex;
    private final double[][] yValue;

    /**
     * @param z square-term rows (each length n), may be empty
     * @param z0 their offsets (same count)
     * @param a linear coefficients (length n)
     * @param a0 constant
     * @param kappa weight of the log term (0: none)
     * @param b linear part of q (length n; ignored when kappa = 0, may be null then)
     * @param b0 constant of q
     * @param y square rows of q (may be empty)
     * @throws IllegalArgumentException when the counts or row lengths disagree, or kappa < 0
     */
    public QuadraticLogConstraint(double[][] z, double[] z0, double[] a, double a0, double kappa, double[] b,
            double b0, double[][] y) {
        if (z.length != z0.length || !(kappa >= 0) || (kappa > 0 && b == null)) {
            throw new IllegalArgumentException("inconsistent constraint data");
        }
        int n = a.length;
        boolean rows = (b == null || b.length == n);
        for (double[] r : z) {
            rows &= r.length == n;
        }
        if (y != null) {
            for (double[] r : y) {
                rows &= r.length == n;
            }
        }
        if (!rows) {
            throw new IllegalArgumentException("every row of a constraint needs the " + n + " entries of a");
        }
        this.z = z;
        this.z0 = z0;
        this.a = a;
        this.a0 = a0;
        this.kappa = kappa;
        this.b = b;
        this.b0 = b0;
        this.y = y == null ? new double[0][] : y;
        zIndex = new int[z.length][];
        zValue = new double[z.length][];
        sparse(z, zIndex, zValue);
        yIndex = new int[this.y.length][];
        yValue = new double[this.y.length][];
        sparse(this.y, yIndex, yValue);
    }

    /** A convex quadratic {@code sum_r (z_r . x + z0_r)^2 <= a . x + a0}. */
    public static QuadraticLogConstraint quadratic(double[][] z, double[] z0, double[] a, double a0) {
        return new QuadraticLogConstraint(z, z0, a, a0, 0, null, 0, null);
    }

    int size() {
        return a.length;
    }

    /** @return q(x), or +1 when there is no log term */
    double q(double[] x) {
        if (kappa == 0) {
            return 1;
        }
        double v = dot(b, x) + b0;
        for (int r = 0; r < y.length; r++) {
            double t = sparseDot(yIndex[r], yValue[r], x);
            v -= t * t;
        }
        return v;
    }

    /** @return f(x), or +Infinity outside the domain */
    double value(double[] x) {
        double v = -dot(a, x) - a0;
        for (int r = 0; r < z.length; r++) {
            double t = sparseDot(zIndex[r], zValue[r], x) + z0[r];
            v += t * t;
        }
        if (kappa > 0) {
            double q = q(x);
            if (!(q > 0)) {
                return Double.POSITIVE_INFINITY;
            }
            v -= kappa * Math.log(q);
        }
        return v;
    }

    /**
     * The restriction of f to the ray {@code x + s d}: {@code f(x + s d) = p0 + p1 s + p2 s^2 -
     * kappa ln(q0 + q1 s + q2 s^2)} (both parts are quadratics in s), so that a line search costs
     * O(1) per trial instead of one evaluation of every row.
     *
     * @param x the base point (not modified)
     * @param d the direction (not modified)
     * @return {p0, p1, p2, q0, q1, q2}
     */
    double[] along(double[] x, double[] d) {
        double p0 = -dot(a, x) - a0;
        double p1 = -dot(a, d);
        double p2 = 0;
        for (int r = 0; r < z.length; r++) {
            double u = sparseDot(zIndex[r], zValue[r], x) + z0[r];
            double w = sparseDot(zIndex[r], zValue[r], d);
            p0 += u * u;
            p1 += 2 * u * w;
            p2 += w * w;
        }
        double q0 = 1;
        double q1 = 0;
        double q2 = 0;
        if (kappa > 0) {
            q0 = dot(b, x) + b0;
            q1 = dot(b, d);
            for (int r = 0; r < y.length; r++) {
                double u = sparseDot(yIndex[r], yValue[r], x);
                double w = sparseDot(yIndex[r], yValue[r], d);
                q0 -= u * u;
                q1 -= 2 * u * w;
                q2 -= w * w;
            }
        }
        return new double[] {p0, p1, p2, q0, q1, q2};
    }

    /**
     * @param c the coefficients of {@link #along}
     * @param s the step
     * @return f(x + s d), or +Infinity outside the domain
     */
    double valueAlong(double[] c, double s) {
        double v = c[0] + s * (c[1] + s * c[2]);
        if (kappa > 0) {
            double q = c[3] + s * (c[4] + s * c[5]);
            if (!(q > 0)) {
                return Double.POSITIVE_INFINITY;
            }
            v -= kappa * Math.log(q);
        }
        return v;
    }

    /**
     * Adds the barrier {@code -ln(-f)} gradient and the lower triangle (j &lt;= i) of its Hessian
     * at x (f(x) < 0 assumed).
     *
     * @return -ln(-f(x))
     */
    double addBarrier(double[] x, double[] grad, double[][] hess) {
        int n = a.length;
        double f = value(x);
        double[] gf = new double[n];
        for (int i = 0; i < n; i++) {
            gf[i] = -a[i];
        }
        for (int r = 0; r < z.length; r++) {
            double t = 2 * (sparseDot(zIndex[r], zValue[r], x) + z0[r]);
            sparseAxpy(t, zIndex[r], zValue[r], gf);
        }
        double q = 1;
        double[] gq = null;
        if (kappa > 0) {
            q = q(x);
            gq = b.clone();
            for (int r = 0; r < y.length; r++) {
                sparseAxpy(-2 * sparseDot(yIndex[r], yValue[r], x), yIndex[r], yValue[r], gq);
            }
            axpy(-kappa / q, gq, gf);
        }
        double s = -f;
        double inv = 1 / s;
        for (int i = 0; i < n; i++) {
            grad[i] += gf[i] * inv;
        }
        double inv2 = inv * inv;
        double lq = kappa > 0 ? kappa / q * inv : 0;
        double lq2 = kappa > 0 ? kappa / (q * q) * inv : 0;
        // the two rank-one terms gf gf^T / s^2 and kappa / (q^2 s) gq gq^T, over their nonzero rows
        for (int i = 0; i < n; i++) {
            double gi = gf[i] * inv2;
            double qi = gq == null ? 0 : gq[i] * lq2;
            if (gi == 0 && qi == 0) {
                continue;
            }
            double[] hr = hess[i];
            if (gq == null) {
                for (int j = 0; j <= i; j++) {
                    hr[j] += gi * gf[j];
                }
            } else {
                for (int j = 0; j <= i; j++) {
                    hr[j] += gi * gf[j] + qi * gq[j];
                }
            }
        }
        // 2 z z^T / s and kappa / (q s) 2 y y^T, row by row over the nonzero entries
        addOuter(zIndex, zValue, 2 * inv, hess);
        if (kappa > 0) {
            addOuter(yIndex, yValue, 2 * lq, hess);
        }
        return -Math.log(s);
    }

    /** @return row . x for a sparse row */
    private static double sparseDot(int[] index, double[] value, double[] x) {
        double s = 0;
        for (int k = 0; k < index.length; k++) {
            s += value[k] * x[index[k]];
        }
        return s;
    }

    /** out += f row for a sparse row. */
    private static void sparseAxpy(double f, int[] index, double[] value, double[] out) {
        for (int k = 0; k < index.length; k++) {
            out[index[k]] += f * value[k];
        }
    }

    /** Fills the nonzero positions (ascending) and values of every row. */
    private static void sparse(double[][] rows, int[][] index, double[][] value) {
        for (int r = 0; r < rows.length; r++) {
            int nnz = 0;
            for (double v : rows[r]) {
                if (v != 0) {
                    nnz++;
                }
            }
            index[r] = new int[nnz];
            value[r] = new double[nnz];
            int k = 0;
            for (int i = 0; i < rows[r].length; i++) {
                if (rows[r][i] != 0) {
                    index[r][k] = i;
                    value[r][k++] = rows[r][i];
                }
            }
        }
    }

    /** Adds f sum_r row_r row_r^T (lower triangle) for sparse rows with ascending positions. */
    private static void addOuter(int[][] index, double[][] value, double f, double[][] hess) {
        for (int r = 0; r < index.length; r++) {
            int[] idx = index[r];
            double[] val = value[r];
            for (int p = 0; p < idx.length; p++) {
                double[] hr = hess[idx[p]];
                double v = f * val[p];
                for (int k = 0; k <= p; k++) {
                    hr[idx[k]] += v * val[k];
                }
            }
        }
    }

    static double dot(double[] u, double[] v) {
        double s = 0;
        for (int i = 0; i < u.length; i++) {
            s += u[i] * v[i];
        }
        return s;
    }

    static void axpy(double f, double[] u, double[] out) {
        for (int i = 0; i < u.length; i++) {
            out[i] += f * u[i];
        }
    }
}
