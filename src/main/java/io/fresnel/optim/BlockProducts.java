package io.fresnel.optim;

/**
 * The scaled constraint products of one PSD block through its coefficient matrices instead of its
 * scaled columns: with G x = -sum_v x_v F_v on the block and the scaling R,
 *
 * <pre>
 *   (Gs x)_k   = -R^{-1} F(x) R^{-T},           F(x) = sum_v x_v F_v,
 *   (Gs^T z)_v = -tr(F_v R^{-T} Z R^{-1}),      Z the block of z (its symmetric part),
 * </pre>
 *
 * two dense m x m products (1.5 m^3 multiply-adds with the upper triangle of the symmetric result
 * only) plus nnz(F) for F(x) or the traces, instead of svec(m) x nv for a product with the scaled
 * columns svec(R^{-1} F_v R^{-T}) (Vandenberghe, "The CVXOPT linear and quadratic cone program
 * solvers", sec. 9, applies the scaling to matrices the same way). Cheaper for blocks with many
 * variables and sparse F_v (the Hermitian-embedded 18 x 18 blocks of the SDR programs: 8.7k
 * instead of 27.7k multiply-adds for 162 variables), and these blocks then need no scaled columns
 * at all: their Gram contribution comes from Q = R^{-T} R^{-1} ({@link BlockGrams}) and their
 * total weight from {@link #trace}.
 *
 * <p>Stateless but for the caller's scratch arrays (m x m each).
 */
final class BlockProducts {
    private BlockProducts() {
    }

    /**
     * Writes (Gs x) of the block, -R^{-1} F(x) R^{-T}, as a full row-major m x m matrix at the block's
     * offset of out.
     *
     * @param blk the block (coefficients with both triangles expanded)
     * @param rInv R^{-1}, m x m row-major; not modified
     * @param x length n; not modified
     * @param out a cone vector; the block's entries overwritten
     * @param f scratch, m x m
     * @param t scratch, m x m
     */
    static void mul(ConicData.Block blk, double[] rInv, double[] x, double[] out, double[] f, double[] t) {
        int m = blk.m;
        java.util.Arrays.fill(f, 0, m * m, 0);
        for (int j = 0; j < blk.vars.length; j++) {
            double xv = x[blk.vars[j]];
            if (xv == 0) {
                continue;
            }
            int[] rj = blk.rows[j];
            int[] cj = blk.cols[j];
            double[] vj = blk.vals[j];
            for (int e = 0; e < vj.length; e++) {
                f[rj[e] * m + cj[e]] += xv * vj[e];
            }
        }
        congruence(m, rInv, f, t, out, blk.offset);
    }

    /**
     * Writes -R^{-1} F R^{-T} (F symmetric) as a full row-major m x m matrix at out[off ..].
     *
     * @param m the dimension
     * @param rInv R^{-1}; not modified
     * @param f F, m x m; not modified
     * @param t scratch, m x m
     * @param out receives the product; modified
     * @param off where the product starts in out
     */
    static void congruence(int m, double[] rInv, double[] f, double[] t, double[] out, int off) {
        // t = R^-1 F
        java.util.Arrays.fill(t, 0, m * m, 0);
        for (int a = 0; a < m; a++) {
            int ra = a * m;
            for (int b = 0; b < m; b++) {
                double r = rInv[ra + b];
                if (r == 0) {
                    continue;
                }
                int fb = b * m;
                for (int c = 0; c < m; c++) {
                    t[ra + c] += r * f[fb + c];
                }
            }
        }
        // the upper triangle of t R^-T (symmetric), negated, written to both triangles
        for (int a = 0; a < m; a++) {
            int ra = a * m;
            for (int b = a; b < m; b++) {
                int rb = b * m;
                double sum = 0;
                for (int c = 0; c < m; c++) {
                    sum += t[ra + c] * rInv[rb + c];
                }
                out[off + ra + b] = -sum;
                out[off + rb + a] = -sum;
            }
        }
    }

    /**
     * @param a m x m row-major; not modified
     * @param m the dimension
     * @return a^T, m x m row-major (R^{-T} of this class's products from R^{-1})
     */
    static double[] transposed(double[] a, int m) {
        double[] t = new double[m * m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                t[j * m + i] = a[i * m + j];
            }
        }
        return t;
    }

    /**
     * out_v += (Gs^T z)_v = -tr(F_v Y), Y = R^{-T} Z R^{-1} (Z the symmetric part of the block of z), over the
     * block's variables.
     *
     * @param blk the block
     * @param rInvT R^{-T} (the transpose of R^{-1}), m x m row-major; not modified
     * @param z a scaled cone vector; not modified
     * @param out length n; modified
     * @param u scratch, m x m
     * @param y scratch, m x m
     */
    static void transposeMulAdd(ConicData.Block blk, double[] rInvT, double[] z, double[] out, double[] u,
            double[] y) {
        int m = blk.m;
        if (!transposeCongruence(m, rInvT, z, blk.offset, u, y)) {
            return;
        }
        for (int j = 0; j < blk.vars.length; j++) {
            int[] rj = blk.rows[j];
            int[] cj = blk.cols[j];
            double[] vj = blk.vals[j];
            double sum = 0;
            for (int e = 0; e < vj.length; e++) {
                int r = rj[e];
                int c = cj[e];
                sum += vj[e] * (r <= c ? y[r * m + c] : y[c * m + r]);
            }
            out[blk.vars[j]] -= sum;
        }
    }

    /**
     * The upper triangle of Y = R^{-T} Zs R^{-1}, Zs the symmetric part of the m x m block of z at off.
     *
     * @param m the dimension
     * @param rInvT R^{-T}; not modified
     * @param z a cone vector; not modified
     * @param off where the block starts in z
     * @param u scratch, m x m
     * @param y receives the upper triangle of Y (row-major m x m; the lower triangle is scratch)
     * @return false (y not written) when the block of z is zero
     */
    static boolean transposeCongruence(int m, double[] rInvT, double[] z, int off, double[] u, double[] y) {
        boolean any = false;
        for (int i = off; i < off + m * m; i++) {
            if (z[i] != 0) {
                any = true;
                break;
            }
        }
        if (!any) {
            return false;
        }
        // y = Zs = (Z + Z^T) / 2 for now
        for (int a = 0; a < m; a++) {
            int za = off + a * m;
            for (int b = 0; b < m; b++) {
                y[a * m + b] = 0.5 * (z[za + b] + z[off + b * m + a]);
            }
        }
        // u = R^-T Zs
        java.util.Arrays.fill(u, 0, m * m, 0);
        for (int c = 0; c < m; c++) {
            int rc = c * m;
            for (int a = 0; a < m; a++) {
                double r = rInvT[rc + a];
                if (r == 0) {
                    continue;
                }
                int ya = a * m;
                for (int b = 0; b < m; b++) {
                    u[rc + b] += r * y[ya + b];
                }
            }
        }
        // the upper triangle of y = u R^-1 = u (R^-T)^T
        for (int c = 0; c < m; c++) {
            int rc = c * m;
            for (int e = c; e < m; e++) {
                int re = e * m;
                double sum = 0;
                for (int b = 0; b < m; b++) {
                    sum += u[rc + b] * rInvT[re + b];
                }
                y[rc + e] = sum;
            }
        }
        return true;
    }

    /**
     * sum_v ||R^{-1} F_v R^{-T}||_F^2 = sum_v tr(F_v Q F_v Q) = sum_v sum_{e, e'} f_e f_e' Q[c_e, r_e'] Q[c_e', r_e]
     * (Q = R^{-T} R^{-1}, symmetric), nnz(F_v)^2 per variable.
     *
     * @param blk the block
     * @param q Q, m x m row-major; not modified
     * @return the block's total scaled weight
     */
    static double trace(ConicData.Block blk, double[] q) {
        int m = blk.m;
        double total = 0;
        for (int j = 0; j < blk.vars.length; j++) {
            int[] rj = blk.rows[j];
            int[] cj = blk.cols[j];
            double[] vj = blk.vals[j];
            for (int e = 0; e < vj.length; e++) {
                int ce = cj[e] * m;
                int re = rj[e];
                for (int g = 0; g < vj.length; g++) {
                    total += vj[e] * vj[g] * q[ce + rj[g]] * q[cj[g] * m + re];
                }
            }
        }
        return total;
    }
}
