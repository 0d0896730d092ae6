package io.fresnel.optim;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * One PSD block of the scaled KKT system written in the rotated basis of the SVD of its scaling,
 * R^{-1} = U diag(sigma) V^T. In that basis the scaled constraint rows are the unscaled rows of
 * -svec(V^T F_v V) times sigma_a sigma_b (row (a, b), a &lt;= b), so a row whose weight is huge (a
 * PSD eigen-direction that becomes singular while its multiplier stays large) can be kept out of
 * the normal matrix as a border row (see {@link BorderRows}).
 *
 * <p>Built afresh for each scaling; the mask of bordered rows is set by the normal-matrix assembly. A packed
 * Hermitian block is rotated by {@link HermitianRotatedBlock} instead (hvec rows in the basis of the complex SVD;
 * it overrides {@link #toRotated}, {@link #fromRotated} and {@link #addOutsideRange}).
 */
class RotatedBlock {
    private final ConicData.Block block;
    private final DMatrixRMaj u;
    /** Per svec row (a &lt;= b): sigma_a sigma_b. */
    private final double[] scale;
    /** svec length x block variables: the unscaled rotated rows. */
    private final DMatrixRMaj rows;
    /** Per svec row: whether it is a border row. */
    private final boolean[] bordered;
    // scratch m x m matrices of toRotated / fromRotated (a block is used by one thread)
    private final DMatrixRMaj work;
    private final DMatrixRMaj tmp;

    /**
     * @param block the block
     * @param u the left singular vectors of R^{-1} (m x m), or null for a subclass with its own basis
     * @param scale per row its scale
     * @param rows rows x block variables: the unscaled rotated rows
     */
    RotatedBlock(ConicData.Block block, DMatrixRMaj u, double[] scale, DMatrixRMaj rows) {
        this.block = block;
        this.u = u;
        this.scale = scale;
        this.rows = rows;
        this.bordered = new boolean[scale.length];
        int m = u == null ? 0 : block.m;
        this.work = new DMatrixRMaj(m, m);
        this.tmp = new DMatrixRMaj(m, m);
    }

    /**
     * The rotated form of a block under its scaling.
     *
     * @param blk the block
     * @param rInv R^{-1} (m x m row-major); not modified
     * @return the rotated block, no row bordered yet
     * @throws IllegalStateException if the SVD of the scaling fails
     */
    static RotatedBlock of(ConicData.Block blk, double[] rInv) {
        int m = blk.m;
        int nv = blk.vars.length;
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(m, m, true, true, false);
        if (!svd.decompose(new DMatrixRMaj(m, m, true, rInv))) {
            throw new IllegalStateException("SVD of the scaling failed");
        }
        DMatrixRMaj u = svd.getU(null, false);
        DMatrixRMaj v = svd.getV(null, false);
        double[] sv = svd.getSingularValues();
        int len = Svec.length(m);
        double[] scale = new double[len];
        int q = 0;
        for (int a = 0; a < m; a++) {
            for (int b = a; b < m; b++) {
                scale[q++] = sv[a] * sv[b];
            }
        }
        DMatrixRMaj g = new DMatrixRMaj(len, nv);
        DMatrixRMaj tmp = new DMatrixRMaj(m, m);
        DMatrixRMaj rot = new DMatrixRMaj(m, m);
        DMatrixRMaj f = new DMatrixRMaj(m, m);
        double[] vd = v.data;
        for (int j = 0; j < nv; j++) {
            int[] rj = blk.rows[j];
            int[] cj = blk.cols[j];
            double[] vj = blk.vals[j];
            if (vj.length <= 2 * m) {
                // sparse: V^T F V = sum_e f_e V[r_e, :]^T V[c_e, :], m^2 per nonzero instead of 2 m^3
                java.util.Arrays.fill(rot.data, 0);
                for (int e = 0; e < vj.length; e++) {
                    double fe = vj[e];
                    int rOff = rj[e] * m;
                    int cOff = cj[e] * m;
                    for (int a = 0; a < m; a++) {
                        double fa = fe * vd[rOff + a];
                        if (fa == 0) {
                            continue;
                        }
                        int rowOff = a * m;
                        for (int b = 0; b < m; b++) {
                            rot.data[rowOff + b] += fa * vd[cOff + b];
                        }
                    }
                }
            } else {
                java.util.Arrays.fill(f.data, 0);
                for (int e = 0; e < vj.length; e++) {
                    f.data[rj[e] * m + cj[e]] += vj[e];
                }
                CommonOps_DDRM.multTransA(v, f, tmp);
                CommonOps_DDRM.mult(tmp, v, rot);
            }
            Svec.packNegated(rot.data, m, g, j);
        }
        return new RotatedBlock(blk, u, scale, g);
    }

    /** @return the number of svec rows */
    int rowCount() {
        return scale.length;
    }

    /** @return the block's variables (columns of the rows); not to be modified */
    int[] variables() {
        return block.vars;
    }

    /**
     * @param r the svec row
     * @return sigma_a sigma_b, the factor from the unscaled to the scaled row
     */
    double scale(int r) {
        return scale[r];
    }

    /**
     * @param r the svec row
     * @return the squared norm of the unscaled row
     */
    double rowNorm2(int r) {
        int nv = block.vars.length;
        double[] gd = rows.data;
        double sq = 0;
        for (int j = 0; j < nv; j++) {
            sq += gd[r * nv + j] * gd[r * nv + j];
        }
        return sq;
    }

    /**
     * The unscaled row as a dense vector over all n variables.
     *
     * @param r the svec row
     * @param n the number of variables
     * @return a new array
     */
    double[] denseRow(int r, int n) {
        int nv = block.vars.length;
        double[] g = new double[n];
        for (int j = 0; j < nv; j++) {
            g[block.vars[j]] = rows.data[r * nv + j];
        }
        return g;
    }

    /** Marks row r as a border row. */
    void border(int r) {
        bordered[r] = true;
    }

    /**
     * @param r the svec row
     * @return whether it is a border row
     */
    boolean isBordered(int r) {
        return bordered[r];
    }

    /**
     * hd += sum_r weight_r g_r g_r^T over the block's variables (n x n row-major normal matrix).
     *
     * @param weight per svec row its weight (&gt;= 0); not modified
     * @param hd the normal matrix; modified
     * @param n its dimension
     */
    void addGram(double[] weight, double[] hd, int n) {
        int nv = block.vars.length;
        double[] gd = rows.data;
        // accumulated row by row into a dense nv x nv array (the weights span many decades: a Gram
        // product of rows scaled by sqrt(weight) loses the small directions), then scattered
        double[] acc = new double[nv * nv];
        for (int r = 0; r < weight.length; r++) {
            int base = r * nv;
            for (int a = 0; a < nv; a++) {
                double va = weight[r] * gd[base + a];
                if (va == 0) {
                    continue;
                }
                int off = a * nv;
                for (int b = a; b < nv; b++) {
                    acc[off + b] += va * gd[base + b];
                }
            }
        }
        // the upper triangle (the one the Cholesky factorisation reads) mirrored
        BlockGrams.mirrorUpper(acc, nv);
        for (int a = 0; a < nv; a++) {
            int rowOff = block.vars[a] * n;
            for (int b = 0; b < nv; b++) {
                hd[rowOff + block.vars[b]] += acc[a * nv + b];
            }
        }
    }

    /**
     * svec(U^T X U) of this block of a full cone vector (X its symmetric part): T = X U, then the upper triangle
     * of U^T T only (each entry of the symmetric product computed once).
     *
     * @param z a cone vector; not modified
     * @return a new array of svec length
     */
    double[] toRotated(double[] z) {
        int m = block.m;
        int off = block.offset;
        double[] x = work.data;
        for (int i = 0; i < m; i++) {
            for (int j = i; j < m; j++) {
                double v = 0.5 * (z[off + i * m + j] + z[off + j * m + i]);
                x[i * m + j] = v;
                x[j * m + i] = v;
            }
        }
        double[] ud = u.data;
        double[] t = tmp.data;
        DenseKernels.mult(x, ud, t, m);
        double[] out = new double[Svec.length(m)];
        int q = 0;
        for (int a = 0; a < m; a++) {
            for (int b = a; b < m; b++) {
                double sum = 0;
                for (int k = 0; k < m; k++) {
                    sum += ud[k * m + a] * t[k * m + b];
                }
                out[q++] = a == b ? sum : Svec.SQRT2 * sum;
            }
        }
        return out;
    }

    /**
     * Writes U smat(y) U^T into this block of a full cone vector: T = U smat(y), then the upper triangle of
     * T U^T, mirrored.
     *
     * @param y svec length; not modified
     * @param out a cone vector; this block's entries modified
     */
    void fromRotated(double[] y, double[] out) {
        int m = block.m;
        int off = block.offset;
        double[] x = work.data;
        int q = 0;
        for (int a = 0; a < m; a++) {
            x[a * m + a] = y[q++];
            for (int b = a + 1; b < m; b++) {
                double v = y[q++] / Svec.SQRT2;
                x[a * m + b] = v;
                x[b * m + a] = v;
            }
        }
        double[] ud = u.data;
        double[] t = tmp.data;
        DenseKernels.mult(ud, x, t, m);
        for (int i = 0; i < m; i++) {
            for (int j = i; j < m; j++) {
                double sum = 0;
                for (int k = 0; k < m; k++) {
                    sum += t[i * m + k] * ud[j * m + k];
                }
                out[off + i * m + j] = sum;
                out[off + j * m + i] = sum;
            }
        }
    }

    /**
     * uz += the part of -bz outside the range of this block's rotated rows that {@link #fromRotated} does not write
     * (nothing here: the svec rows span every symmetric matrix).
     *
     * @param bz a scaled cone vector; not modified
     * @param uz a cone vector whose block {@link #fromRotated} wrote; modified
     */
    void addOutsideRange(double[] bz, double[] uz) {
    }

    /**
     * The scaled rows times x: scale_r (g_r . x) for every svec row.
     *
     * @param x length n; not modified
     * @return a new array of svec length
     */
    double[] mul(double[] x) {
        int nv = block.vars.length;
        int len = scale.length;
        double[] gd = rows.data;
        double[] out = new double[len];
        for (int r = 0; r < len; r++) {
            double sum = 0;
            for (int j = 0; j < nv; j++) {
                sum += gd[r * nv + j] * x[block.vars[j]];
            }
            out[r] = scale[r] * sum;
        }
        return out;
    }

    /**
     * out[vars] += sum_r scale_r y_r g_r over the svec rows, skipping the border rows if asked.
     *
     * @param y svec length; not modified
     * @param skipBorder whether to leave out the border rows
     * @param out length n; modified
     */
    void transposeMulAdd(double[] y, boolean skipBorder, double[] out) {
        int nv = block.vars.length;
        int len = scale.length;
        double[] gd = rows.data;
        for (int r = 0; r < len; r++) {
            if (skipBorder && bordered[r]) {
                continue;
            }
            double f = scale[r] * y[r];
            if (f == 0) {
                continue;
            }
            for (int j = 0; j < nv; j++) {
                out[block.vars[j]] += gd[r * nv + j] * f;
            }
        }
    }
}
