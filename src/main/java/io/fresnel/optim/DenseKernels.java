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
}
