package io.fresnel.optim;

/**
 * Products of small dense m x m matrices (row-major arrays) for the per-block work of {@link NtScaling},
 * allocation-free and aware of triangular factors.
 *
 * <p>Every entry is the sum over k in ascending order, started from zero, of the products a_ik b_kj (or the
 * transposed operands), which is how EJML's {@code CommonOps_DDRM.mult}, {@code multTransA} and
 * {@code multTransAB} sum for matrices of this size: the results are the same to the last bit. The
 * triangular variants leave out the terms whose factor from a triangular operand is an exact zero (its
 * other triangle), which changes no sum (adding a zero product leaves a finite sum as it is).
 */
final class DenseKernels {
    private DenseKernels() {
    }

    /**
     * out = A B.
     *
     * @param a m x m; not modified
     * @param b m x m; not modified
     * @param out m x m; written (not aliasing a or b)
     * @param m the dimension
     */
    static void mult(double[] a, double[] b, double[] out, int m) {
        for (int i = 0; i < m; i++) {
            int ri = i * m;
            for (int j = 0; j < m; j++) {
                double total = 0;
                for (int k = 0; k < m; k++) {
                    total += a[ri + k] * b[k * m + j];
                }
                out[ri + j] = total;
            }
        }
    }

    /**
     * out = L B with L lower triangular (its strict upper triangle zero): out_ij = sum_{k &lt;= i} l_ik b_kj.
     *
     * @param l m x m lower triangular; not modified
     * @param b m x m; not modified
     * @param out m x m; written (not aliasing l or b)
     * @param m the dimension
     */
    static void lowerMult(double[] l, double[] b, double[] out, int m) {
        for (int i = 0; i < m; i++) {
            int ri = i * m;
            for (int j = 0; j < m; j++) {
                double total = 0;
                for (int k = 0; k <= i; k++) {
                    total += l[ri + k] * b[k * m + j];
                }
                out[ri + j] = total;
            }
        }
    }

    /**
     * out = L2^T L1 with L1, L2 lower triangular: out_ij = sum_{k &gt;= max(i, j)} l2_ki l1_kj.
     *
     * @param l2 m x m lower triangular; not modified
     * @param l1 m x m lower triangular; not modified
     * @param out m x m; written (not aliasing l1 or l2)
     * @param m the dimension
     */
    static void lowerTransLower(double[] l2, double[] l1, double[] out, int m) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                double total = 0;
                for (int k = Math.max(i, j); k < m; k++) {
                    total += l2[k * m + i] * l1[k * m + j];
                }
                out[i * m + j] = total;
            }
        }
    }

    /**
     * out = U^T L^T with L lower triangular: out_ij = sum_{k &lt;= j} u_ki l_jk.
     *
     * @param u m x m; not modified
     * @param l m x m lower triangular; not modified
     * @param out m x m; written (not aliasing u or l)
     * @param m the dimension
     */
    static void transMultLowerTrans(double[] u, double[] l, double[] out, int m) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                int rj = j * m;
                double total = 0;
                for (int k = 0; k <= j; k++) {
                    total += u[k * m + i] * l[rj + k];
                }
                out[i * m + j] = total;
            }
        }
    }

    /**
     * out = A^T A, the upper triangle computed and mirrored (entries (i, j) and (j, i) are the same sum of the
     * same products, so equal to the last bit).
     *
     * @param a m x m; not modified
     * @param out m x m; written (not aliasing a)
     * @param m the dimension
     */
    static void transGram(double[] a, double[] out, int m) {
        for (int i = 0; i < m; i++) {
            for (int j = i; j < m; j++) {
                double total = 0;
                for (int k = 0; k < m; k++) {
                    total += a[k * m + i] * a[k * m + j];
                }
                out[i * m + j] = total;
                out[j * m + i] = total;
            }
        }
    }

    /**
     * The smallest eigenvalue of a symmetric m x m matrix: Householder reduction to a tridiagonal matrix T
     * (Golub and Van Loan, "Matrix Computations", 4th ed., Alg. 8.3.1, without accumulating the
     * transformations), then bisection on the Sturm count of T - x I (the number of negative pivots of its
     * LDL^T factorisation equals the number of eigenvalues below x; ibid. sec. 8.4.1) inside the Gershgorin
     * interval, until it is below eps ||T|| or cannot be halved any more in floating point. Both steps are backward
     * stable: the result is within a small multiple of eps ||A|| of the exact one, as for a QR iteration.
     *
     * @param a m x m symmetric (both triangles); overwritten
     * @param m the dimension
     * @param work at least 3 m entries; overwritten
     * @return the smallest eigenvalue, NaN if an entry is not finite
     */
    static double minEigenvalue(double[] a, int m, double[] work) {
        // diagonal in work[0..m), off-diagonal e_i = T(i, i+1) in work[m..2m-1), Householder vector scratch after
        int dOff = 0;
        int eOff = m;
        int pOff = 2 * m;
        for (int k = 0; k < m - 2; k++) {
            // Householder vector v for column k below the diagonal: (I - beta v v^T) x = -sign(x_0) ||x|| e_1
            double scale = 0;
            for (int i = k + 1; i < m; i++) {
                scale = Math.max(scale, Math.abs(a[i * m + k]));
            }
            if (!(scale > 0)) {
                if (!(scale == 0)) {
                    return Double.NaN;
                }
                work[eOff + k] = 0;
                continue;
            }
            double sigma = 0;
            for (int i = k + 1; i < m; i++) {
                double v = a[i * m + k] / scale;
                a[i * m + k] = v;
                sigma += v * v;
            }
            double x0 = a[(k + 1) * m + k];
            double alpha = Math.sqrt(sigma);
            if (x0 > 0) {
                alpha = -alpha;
            }
            // v = x - alpha e_1 (stored in column k), beta = 1 / (alpha (alpha - x0))
            a[(k + 1) * m + k] = x0 - alpha;
            double beta = 1 / (alpha * (alpha - x0));
            work[eOff + k] = alpha * scale;
            // p = beta A22 v, then w = p - (beta / 2) (p . v) v; A22 -= v w^T + w v^T
            double pv = 0;
            for (int i = k + 1; i < m; i++) {
                double sum = 0;
                for (int j = k + 1; j < m; j++) {
                    sum += a[i * m + j] * a[j * m + k];
                }
                double p = beta * sum;
                work[pOff + i - k - 1] = p;
                pv += p * a[i * m + k];
            }
            double half = 0.5 * beta * pv;
            for (int i = k + 1; i < m; i++) {
                work[pOff + i - k - 1] -= half * a[i * m + k];
            }
            for (int i = k + 1; i < m; i++) {
                double vi = a[i * m + k];
                double wi = work[pOff + i - k - 1];
                for (int j = k + 1; j <= i; j++) {
                    double v = a[i * m + j] - vi * work[pOff + j - k - 1] - wi * a[j * m + k];
                    a[i * m + j] = v;
                    a[j * m + i] = v;
                }
            }
        }
        for (int i = 0; i < m; i++) {
            work[dOff + i] = a[i * m + i];
        }
        if (m >= 2) {
            work[eOff + m - 2] = a[(m - 1) * m + m - 2];
        }
        return tridiagonalMinEigenvalue(work, m);
    }

    /**
     * The smallest eigenvalue of the symmetric tridiagonal matrix T with diagonal work[0..m) and off-diagonal
     * work[m..2m-1), by bisection on the Sturm count inside the Gershgorin interval to eps ||T||; work[2m..3m-1) is
     * overwritten (squared off-diagonal entries).
     */
    static double tridiagonalMinEigenvalue(double[] work, int m) {
        int dOff = 0;
        int eOff = m;
        int pOff = 2 * m;
        // Gershgorin interval; the smallest diagonal entry (a Rayleigh quotient) bounds the eigenvalue from above
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.POSITIVE_INFINITY;
        double norm = 0;
        for (int i = 0; i < m; i++) {
            double r = (i > 0 ? Math.abs(work[eOff + i - 1]) : 0) + (i < m - 1 ? Math.abs(work[eOff + i]) : 0);
            lo = Math.min(lo, work[dOff + i] - r);
            hi = Math.min(hi, work[dOff + i]);
            norm = Math.max(norm, Math.abs(work[dOff + i]) + r);
        }
        if (!Double.isFinite(lo) || !Double.isFinite(norm)) {
            return Double.NaN;
        }
        // the squared off-diagonal entries, in the last third of work
        for (int i = 0; i < m - 1; i++) {
            double e = work[eOff + i];
            work[pOff + i] = e * e;
        }
        // below eps ||T|| the eigenvalue is not determined by the data (as with a QR iteration)
        double floor = 0x1p-53 * norm;
        while (hi - lo > floor) {
            double mid = 0.5 * (lo + hi);
            if (!(mid > lo && mid < hi)) {
                break;
            }
            if (anyEigenvalueBelow(work, dOff, pOff, m, mid)) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /**
     * Whether the tridiagonal matrix T (diagonal at dOff, squared off-diagonal entries at e2Off) has an eigenvalue
     * below x: whether a leading principal minor p_i = det(T_i - x I) is not positive (Sturm; p_i = (d_i - x)
     * p_{i-1} - e_{i-1}^2 p_{i-2}, p_0 = 1, without divisions; the pair is rescaled by powers of two, exactly,
     * when it leaves [2^-500, 2^500]). A zero minor counts as below, as a zero pivot does in LAPACK's dstebz.
     */
    private static boolean anyEigenvalueBelow(double[] work, int dOff, int e2Off, int m, double x) {
        double previous = 1;
        double p = work[dOff] - x;
        for (int i = 1; i < m && p > 0; i++) {
            double next = (work[dOff + i] - x) * p - work[e2Off + i - 1] * previous;
            previous = p;
            p = next;
            if (p > 0x1p500) {
                p *= 0x1p-500;
                previous *= 0x1p-500;
            } else if (p > 0 && p < 0x1p-500) {
                p *= 0x1p500;
                previous *= 0x1p500;
            }
        }
        return !(p > 0);
    }
}
