package io.fresnel.optim;

import org.ejml.data.DMatrixRMaj;

/**
 * The scaled constraint matrix Gs = W^{-T} G of one interior-point iteration, applied without
 * forming it: an orthant row is the row of G divided by w_i; a PSD block's columns are the scaled
 * coefficient matrices -R^{-1} F_v R^{-T}, held as their svec (one column per variable of the
 * block) or, for a Hermitian block, as the n^2 rows of {@link HermitianPacking} (computed in complex arithmetic),
 * or, for a block with border rows, in the rotated basis of {@link RotatedBlock} ({@link HermitianRotatedBlock} for a
 * packed block). Two kinds of
 * blocks have no scaled columns: sparse blocks with many variables, applied through their coefficient
 * matrices ({@link BlockProducts}, the "matrix route"), and blocks that share their dense coefficients
 * with others ({@link SharedBlockGroup}), applied and summed per group.
 *
 * <p>Reused across iterations: {@link #rescale} recomputes everything for a new scaling.
 */
final class ScaledConstraints {
    private final ConicData d;
    /** Per orthant row: 1 / w_i. */
    private final double[] linWeight;
    /** Per block: svec of the scaled coefficient matrices, one column per variable. */
    private final DMatrixRMaj[] fHat;
    /** Per block: the packing of a Hermitian block whose fHat holds hvec rows (ordinary path only), else null. */
    private final HermitianPacking[] packing;
    /** Per block: its rotated form, or null while the block is handled through fHat. */
    private final RotatedBlock[] rotated;
    /** Per orthant row: whether it is a border row. */
    private final boolean[] linBordered;
    /**
     * Per block: its coefficient matrices as dense m x m row-major arrays for the dense path of
     * {@link #scaledCoefficients} (null for the variables of the sparse path), built on first use (after
     * the data are equilibrated) and reused by every scaling.
     */
    private final double[][][] denseCoefficients;
    /**
     * Per block and dense variable: {lo, hi}, the first and last row (= column) of F_v holding a nonzero entry
     * (F_v is zero outside rows and columns lo..hi).
     */
    private final int[][][] denseRange;
    /** Per block: sum_v ||R^{-1} F_v R^{-T}||^2 of the last {@link #rescale}. */
    private double[] lastBlockTrace;
    /**
     * Per block: whether its products go through its coefficient matrices ({@link BlockProducts}) rather than
     * scaled columns (then fHat is null for it); decided with {@link #denseCoefficients}.
     */
    private final boolean[] matrixRoute;
    /** Per matrix-route block: R^{-1} and R^{-T} of the last {@link #rescale}, m x m row-major. */
    private final double[][] scalingRInv;
    private final double[][] rInvT;
    /** The groups of blocks sharing dense coefficients, found at the first {@link #rescale} (after equilibration). */
    private java.util.List<SharedBlockGroup> groups;
    /** Per block: its group (index into groups) or -1, and its index among the group's members. */
    private int[] groupOf;
    private int[] memberOf;
    /** Scratch of {@link BlockProducts}, as large as the largest block. */
    private double[] scratchA = new double[0];
    private double[] scratchB = new double[0];
    /**
     * A block takes the matrix route when its coefficient matrices are sparse (its Gram contribution is then formed
     * from Q, not from scaled columns: {@link BlockGrams#sparse}) and 1.5 m^3 is below this fraction of the
     * svec(m) nv multiply-adds of a product with the scaled columns.
     */
    static final double MATRIX_ROUTE_FRACTION = 1.0;

    ScaledConstraints(ConicData d) {
        this.d = d;
        linWeight = new double[d.l];
        fHat = new DMatrixRMaj[d.blocks.length];
        rotated = new RotatedBlock[d.blocks.length];
        packing = new HermitianPacking[d.blocks.length];
        linBordered = new boolean[d.l];
        denseCoefficients = new double[d.blocks.length][][];
        denseRange = new int[d.blocks.length][][];
        matrixRoute = new boolean[d.blocks.length];
        rInvT = new double[d.blocks.length][];
        scalingRInv = new double[d.blocks.length][];
    }

    /**
     * Recomputes the scaled constraints for a new scaling; no block rotated, no row bordered.
     *
     * @param w the scaling
     * @return per block the squared Frobenius norm of its scaled columns, sum_v ||R^{-1} F_v R^{-T}||^2
     */
    double[] rescale(NtScaling w) {
        java.util.Arrays.fill(rotated, null);
        java.util.Arrays.fill(linBordered, false);
        for (int i = 0; i < d.l; i++) {
            linWeight[i] = 1 / w.w[i];
        }
        if (groups == null) {
            findGroups();
        }
        double[] blockTrace = new double[d.blocks.length];
        for (SharedBlockGroup g : groups) {
            g.rescale(w, blockTrace);
        }
        for (int k = 0; k < d.blocks.length; k++) {
            double[][] denseF = dense(k);
            if (groupOf[k] >= 0) {
                fHat[k] = null;
                continue;
            }
            if (matrixRoute[k]) {
                fHat[k] = null;
                scalingRInv[k] = w.rInv[k].clone();
                rInvT[k] = BlockProducts.transposed(w.rInv[k], d.blocks[k].m);
                blockTrace[k] = BlockProducts.trace(d.blocks[k], w.q[k]);
                continue;
            }
            fHat[k] = packing[k] != null ? packing[k].scaledColumns(w.rInv[k])
                    : scaledCoefficients(d.blocks[k], denseF, denseRange[k], w.rInv[k]);
            double t = 0;
            for (double v : fHat[k].data) {
                t += v * v;
            }
            blockTrace[k] = t;
        }
        lastBlockTrace = blockTrace;
        return blockTrace.clone();
    }

    /**
     * Back to the state right after the last {@link #rescale} (no block rotated, no row bordered) without
     * recomputing the scaled columns: for a refactorisation of the same scaling (the fallback ladder of
     * {@link KktSolver}), whose scaled columns are those of that call.
     *
     * @return what that {@link #rescale} returned
     */
    double[] reset() {
        java.util.Arrays.fill(rotated, null);
        java.util.Arrays.fill(linBordered, false);
        return lastBlockTrace.clone();
    }

    /** The dense coefficient matrices of block k (see {@link #denseCoefficients}). */
    private double[][] dense(int k) {
        if (denseCoefficients[k] == null) {
            ConicData.Block blk = d.blocks[k];
            int m = blk.m;
            double[][] f = new double[blk.vars.length][];
            int[][] range = new int[blk.vars.length][];
            for (int j = 0; j < f.length; j++) {
                double[] vj = blk.vals[j];
                if (vj.length > 2 * m && !d.sparseFormulaForEveryVariable) {
                    f[j] = new double[m * m];
                    int lo = m;
                    int hi = -1;
                    for (int e = 0; e < vj.length; e++) {
                        int r = blk.rows[j][e];
                        int c = blk.cols[j][e];
                        f[j][r * m + c] += vj[e];
                        lo = Math.min(lo, Math.min(r, c));
                        hi = Math.max(hi, Math.max(r, c));
                    }
                    range[j] = new int[] {lo, hi};
                }
            }
            denseCoefficients[k] = f;
            denseRange[k] = range;
            boolean allSparse = true;
            for (double[] fj : f) {
                allSparse &= fj == null;
            }
            double products = (double) Svec.length(m) * blk.vars.length;
            matrixRoute[k] = allSparse && !d.sparseFormulaForEveryVariable && BlockGrams.sparse(blk)
                    && 1.5 * m * m * m < MATRIX_ROUTE_FRACTION * products;
            boolean ordinary = !matrixRoute[k] && groupOf[k] < 0 && !d.sparseFormulaForEveryVariable;
            packing[k] = ordinary ? HermitianPacking.of(blk) : null;
            if (matrixRoute[k] && scratchA.length < m * m) {
                scratchA = new double[m * m];
                scratchB = new double[m * m];
            }
        }
        return denseCoefficients[k];
    }

    private void findGroups() {
        groups = d.sparseFormulaForEveryVariable ? java.util.List.of() : SharedBlockGroups.detect(d);
        groupOf = new int[d.blocks.length];
        memberOf = new int[d.blocks.length];
        java.util.Arrays.fill(groupOf, -1);
        for (int g = 0; g < groups.size(); g++) {
            int[] members = groups.get(g).members;
            for (int i = 0; i < members.length; i++) {
                groupOf[members[i]] = g;
                memberOf[members[i]] = i;
                int m = d.blocks[members[i]].m;
                if (scratchA.length < m * m) {
                    scratchA = new double[m * m];
                    scratchB = new double[m * m];
                }
            }
        }
    }

    /** @return the groups of blocks sharing dense coefficients (empty before the first {@link #rescale}) */
    java.util.List<SharedBlockGroup> groups() {
        return groups == null ? java.util.List.of() : groups;
    }

    /** @return block k's group (index into {@link #groups}), or -1 */
    int groupOf(int k) {
        return groupOf == null ? -1 : groupOf[k];
    }

    /** @return block k's index among its group's members */
    int memberOf(int k) {
        return memberOf[k];
    }

    /** @return per member of group g whether it is unrotated (takes part in the group's sums) */
    boolean[] taking(int g) {
        int[] members = groups.get(g).members;
        boolean[] t = new boolean[members.length];
        for (int i = 0; i < members.length; i++) {
            t[i] = rotated[members[i]] == null;
        }
        return t;
    }

    /** @return 1 / w_i of orthant row i */
    double linearWeight(int i) {
        return linWeight[i];
    }

    /** @return whether block k is applied through its coefficient matrices (it has no scaled columns) */
    boolean matrixRoute(int k) {
        return matrixRoute[k];
    }

    /** @return block k's columns (svec, or hvec if {@link #packing}, x its variables) or null; not to be modified */
    DMatrixRMaj scaledColumns(int k) {
        return fHat[k];
    }

    /** @return the Hermitian packing of block k's scaled columns, or null for the svec layout */
    HermitianPacking packing(int k) {
        return packing[k];
    }

    /** @return the rotated form of block k, or null */
    RotatedBlock rotated(int k) {
        return rotated[k];
    }

    /** Writes block k in its rotated basis from now on; returns that form. */
    RotatedBlock rotate(int k, NtScaling w) {
        rotated[k] = packing[k] != null ? HermitianRotatedBlock.of(packing[k], d.blocks[k], w.rInv[k])
                : RotatedBlock.of(d.blocks[k], w.rInv[k]);
        return rotated[k];
    }

    /** Writes block k in the unrotated form again (a rotation that bordered no row). */
    void unrotate(int k) {
        rotated[k] = null;
    }

    /** Marks orthant row i as a border row. */
    void borderLinear(int i) {
        linBordered[i] = true;
    }

    /** @return whether orthant row i is a border row */
    boolean isLinearBordered(int i) {
        return linBordered[i];
    }

    /** @return the squared norm of the unscaled orthant row i */
    double linearRowNorm2(int i) {
        double sq = 0;
        for (double g : d.gValue[i]) {
            sq += g * g;
        }
        return sq;
    }

    /**
     * out = Gs x, a scaled cone vector (full matrices on the blocks).
     *
     * @param x length n; not modified
     * @param out length of the cone; modified
     */
    void mul(double[] x, double[] out) {
        mul(x, false, out);
    }

    /**
     * out = Gs x, leaving the entries of rotated blocks untouched if asked (for a caller that
     * writes them itself).
     *
     * @param x length n; not modified
     * @param skipRotated whether to skip the rotated blocks
     * @param out length of the cone; modified
     */
    void mul(double[] x, boolean skipRotated, double[] out) {
        for (int i = 0; i < d.l; i++) {
            double sum = 0;
            for (int k = 0; k < d.gIndex[i].length; k++) {
                sum += d.gValue[i][k] * x[d.gIndex[i][k]];
            }
            out[i] = sum * linWeight[i];
        }
        for (int k = 0; k < d.blocks.length; k++) {
            ConicData.Block blk = d.blocks[k];
            if (rotated[k] != null) {
                if (!skipRotated) {
                    rotated[k].fromRotated(rotated[k].mul(x), out);
                }
                continue;
            }
            if (matrixRoute[k]) {
                BlockProducts.mul(blk, scalingRInv[k], x, out, scratchA, scratchB);
                continue;
            }
            if (groupOf[k] >= 0) {
                continue;
            }
            if (packing[k] != null) {
                HermitianPacking.mul(fHat[k], blk.vars, x, blk.m, blk.offset, out);
                continue;
            }
            int m = blk.m;
            int nv = blk.vars.length;
            double[] fd = fHat[k].data;
            int q = 0;
            for (int a = 0; a < m; a++) {
                for (int b = a; b < m; b++) {
                    double sum = 0;
                    int base = q * nv;
                    for (int j = 0; j < nv; j++) {
                        sum += fd[base + j] * x[blk.vars[j]];
                    }
                    if (a == b) {
                        out[blk.offset + a * m + a] = sum;
                    } else {
                        double v = sum / Svec.SQRT2;
                        out[blk.offset + a * m + b] = v;
                        out[blk.offset + b * m + a] = v;
                    }
                    q++;
                }
            }
        }
        for (int g = 0; g < groups().size(); g++) {
            groups.get(g).mul(x, taking(g), out, scratchA, scratchB);
        }
    }

    /**
     * out = Gs^T z, leaving out the border rows if asked.
     *
     * @param z a scaled cone vector; not modified
     * @param skipBorder whether to leave out the border rows
     * @param out length n; modified
     */
    void transposeMul(double[] z, boolean skipBorder, double[] out) {
        transposeMul(z, null, skipBorder, out);
    }

    /**
     * out = Gs^T z with the rotated blocks' svec(U^T Z U) given.
     *
     * @param z a scaled cone vector; not modified
     * @param zRotated per block svec(U^T Z U) for the rotated blocks, or null to compute them; not modified
     * @param skipBorder whether to leave out the border rows
     * @param out length n; modified
     */
    void transposeMul(double[] z, double[][] zRotated, boolean skipBorder, double[] out) {
        java.util.Arrays.fill(out, 0);
        for (int i = 0; i < d.l; i++) {
            if (skipBorder && linBordered[i]) {
                continue;
            }
            double zi = z[i] * linWeight[i];
            for (int k = 0; k < d.gIndex[i].length; k++) {
                out[d.gIndex[i][k]] += d.gValue[i][k] * zi;
            }
        }
        for (int k = 0; k < d.blocks.length; k++) {
            ConicData.Block blk = d.blocks[k];
            if (rotated[k] != null) {
                double[] zr = zRotated == null ? rotated[k].toRotated(z) : zRotated[k];
                rotated[k].transposeMulAdd(zr, skipBorder, out);
                continue;
            }
            if (matrixRoute[k]) {
                BlockProducts.transposeMulAdd(blk, rInvT[k], z, out, scratchA, scratchB);
                continue;
            }
            if (groupOf[k] >= 0) {
                continue;
            }
            if (packing[k] != null) {
                HermitianPacking.transposeMulAdd(fHat[k], blk.vars, z, blk.m, blk.offset, out);
                continue;
            }
            int m = blk.m;
            int nv = blk.vars.length;
            double[] fd = fHat[k].data;
            int q = 0;
            for (int a = 0; a < m; a++) {
                for (int b = a; b < m; b++) {
                    double zv = a == b ? z[blk.offset + a * m + a]
                            : Svec.SQRT2 * 0.5 * (z[blk.offset + a * m + b] + z[blk.offset + b * m + a]);
                    if (zv != 0) {
                        int base = q * nv;
                        for (int j = 0; j < nv; j++) {
                            out[blk.vars[j]] += fd[base + j] * zv;
                        }
                    }
                    q++;
                }
            }
        }
        for (int g = 0; g < groups().size(); g++) {
            groups.get(g).transposeMulAdd(z, taking(g), out, scratchA, scratchB);
        }
    }

    /**
     * svec(R^{-1} F_v R^{-T}) for every variable of a block, as the columns of a matrix (sign of G folded in).
     * Sparse F_v (at most 2m stored entries): sum_e f_e R^-1[:, r_e] R^-1[:, c_e]^T, packed as the symmetric
     * part. Dense F_v, zero outside rows and columns lo..hi: T = R^-1 F_v over those columns, then the upper
     * triangle of T R^-T (a symmetric matrix; each entry computed once instead of its two rounded copies being
     * averaged).
     *
     * @param blk the block
     * @param denseF per variable its dense F_v (m x m row-major), or null for the sparse path
     * @param range per dense variable {lo, hi} (see {@link #denseRange})
     * @param rInv R^-1, m x m row-major
     */
    private static DMatrixRMaj scaledCoefficients(ConicData.Block blk, double[][] denseF, int[][] range,
            double[] rInv) {
        int m = blk.m;
        int nv = blk.vars.length;
        DMatrixRMaj out = new DMatrixRMaj(Svec.length(m), nv);
        double[] t = new double[m * m];
        double[] tmp = new double[m * m];
        for (int j = 0; j < nv; j++) {
            double[] f = denseF[j];
            if (f == null) {
                // sparse: R^-1 F R^-T = sum_e f_e R^-1[:, r_e] R^-1[:, c_e]^T
                int[] rj = blk.rows[j];
                int[] cj = blk.cols[j];
                double[] vj = blk.vals[j];
                java.util.Arrays.fill(t, 0);
                for (int e = 0; e < vj.length; e++) {
                    double fe = vj[e];
                    int re = rj[e];
                    int ce = cj[e];
                    for (int a = 0; a < m; a++) {
                        double fa = fe * rInv[a * m + re];
                        if (fa == 0) {
                            continue;
                        }
                        int rowOff = a * m;
                        for (int b = 0; b < m; b++) {
                            t[rowOff + b] += fa * rInv[b * m + ce];
                        }
                    }
                }
                Svec.packNegated(t, m, out, j);
                continue;
            }
            int lo = range[j][0];
            int hi = range[j][1];
            // tmp = R^-1 F over the columns lo..hi (the others are zero)
            for (int a = 0; a < m; a++) {
                int ra = a * m;
                for (int b = lo; b <= hi; b++) {
                    double sum = 0;
                    for (int c = lo; c <= hi; c++) {
                        sum += rInv[ra + c] * f[c * m + b];
                    }
                    tmp[ra + b] = sum;
                }
            }
            // the upper triangle of tmp R^-T, packed: -svec
            double[] od = out.data;
            int q = 0;
            for (int a = 0; a < m; a++) {
                int ra = a * m;
                for (int b = a; b < m; b++) {
                    int rb = b * m;
                    double sum = 0;
                    for (int c = lo; c <= hi; c++) {
                        sum += tmp[ra + c] * rInv[rb + c];
                    }
                    od[q++ * nv + j] = a == b ? -sum : -Svec.SQRT2 * sum;
                }
            }
        }
        return out;
    }
}
