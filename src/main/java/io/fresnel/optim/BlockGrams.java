package io.fresnel.optim;

import org.ejml.data.DMatrixRMaj;

/**
 * The contributions of the unrotated PSD blocks to the normal matrix of one scaling,
 * H_k(i, j) = tr(F_i Q F_j Q) over the variables of block k (Q = (R R^T)^{-1}), each computed at most
 * once per factorisation and shared by the two assemblies of {@link KktSolver#factor} (the first with
 * every row eliminated, which only decides on bordering through its diagonal, and the second with the
 * heavy rows bordered, in which the unrotated blocks are the same).
 *
 * <p>Each contribution is formed as a Gram matrix of the scaled columns svec(R^{-1} F_v R^{-T}) (hvec, n^2 rows,
 * for a Hermitian block packed by {@link HermitianPacking}, whose sparse formula is then the complex one of
 * {@link HermitianPacking#sparseGram})
 * (dense cost svec(m) nv^2 / 2, the upper triangle only) or entry by entry from the sparse
 * coefficient matrices (cost nnz m^2 + nv nnz / 2), whichever is cheaper (Vandenberghe, "The CVXOPT
 * linear and quadratic cone program solvers", sec. 9). Every entry is a sum over the same terms in
 * the same order as the former per-assembly computation, so the normal matrix is unchanged to the
 * last bit; the diagonal of the unbordered matrix ({@link #unborderedDiagonal}) is obtained from the
 * column norms without forming the dense Gram products.
 */
final class BlockGrams {
    private final ConicData d;
    private final ScaledConstraints gs;
    private final NtScaling w;
    /** Per block: nv x nv (row-major, full) once computed, else null. */
    private final double[][] gram;
    /** Per group of {@link ScaledConstraints#groups}: its shared part with every member taking part, once computed. */
    private final double[][] groupGram;

    BlockGrams(ConicData d, ScaledConstraints gs, NtScaling w) {
        this.d = d;
        this.gs = gs;
        this.w = w;
        this.gram = new double[d.blocks.length][];
        this.groupGram = new double[gs.groups().size()][];
    }

    /** Whether block k is formed entry by entry from its sparse coefficients (else as a dense Gram product). */
    private boolean sparse(int k) {
        HermitianPacking packing = gs.packing(k);
        return packing != null ? packing.gramFromEntries() : sparse(d.blocks[k]);
    }

    /** Whether a block's contribution is formed entry by entry from its sparse coefficients (else as a dense Gram product). */
    static boolean sparse(ConicData.Block blk) {
        int nv = blk.vars.length;
        int m = blk.m;
        long nnz = 0;
        for (double[] v : blk.vals) {
            nnz += v.length;
        }
        double gramCost = (double) Svec.length(m) * nv * nv;
        double sparseCost = (double) nnz * m * m + 0.5 * nv * (double) nnz;
        return sparseCost < 0.5 * gramCost;
    }

    /**
     * hd(vi, vj) += H_k(i, j) over the variables of block k.
     *
     * @param k the block
     * @param hd the n x n normal matrix; modified
     * @param n its dimension
     */
    void scatter(int k, double[] hd, int n) {
        int group = gs.groupOf(k);
        if (group >= 0) {
            // the member's own variables; the shared part comes with scatterGroups
            gs.groups().get(group).scatterOwn(gs.memberOf(k), hd, n);
            return;
        }
        double[] g = gram(k);
        int[] vars = d.blocks[k].vars;
        int nv = vars.length;
        for (int i = 0; i < nv; i++) {
            int row = vars[i] * n;
            for (int j = 0; j < nv; j++) {
                hd[row + vars[j]] += g[i * nv + j];
            }
        }
    }

    /**
     * hd += the shared part of every group over its unrotated members (after {@link #scatter} of every block, so
     * that the rotation of each member is decided).
     *
     * @param hd the n x n normal matrix; modified
     * @param n its dimension
     */
    void scatterGroups(double[] hd, int n) {
        for (int g = 0; g < groupGram.length; g++) {
            SharedBlockGroup group = gs.groups().get(g);
            boolean[] taking = gs.taking(g);
            boolean all = true;
            for (boolean t : taking) {
                all &= t;
            }
            double[] h = all ? allMembers(g) : group.sharedGram(taking);
            if (h == null) {
                continue;
            }
            int[] vars = group.shared;
            int ns = vars.length;
            for (int i = 0; i < ns; i++) {
                int row = vars[i] * n;
                for (int j = 0; j < ns; j++) {
                    hd[row + vars[j]] += h[i * ns + j];
                }
            }
        }
    }

    private double[] allMembers(int g) {
        if (groupGram[g] == null) {
            boolean[] all = new boolean[gs.groups().get(g).members.length];
            java.util.Arrays.fill(all, true);
            groupGram[g] = gs.groups().get(g).sharedGram(all);
        }
        return groupGram[g];
    }

    /**
     * The diagonal of the normal matrix with every row eliminated (no rotation, no border),
     * H + A^T A + sum_i g_i g_i^T / w_i^2, with the same value in every bit as that matrix's diagonal.
     *
     * @return length n
     */
    double[] unborderedDiagonal() {
        int n = d.n;
        double[] diag = new double[n];
        for (int k = 0; k < d.blocks.length; k++) {
            int[] vars = d.blocks[k].vars;
            int nv = vars.length;
            if (gs.groupOf(k) >= 0) {
                gs.groups().get(gs.groupOf(k)).addOwnDiagonal(gs.memberOf(k), diag);
                continue;
            }
            if (gram[k] != null || sparse(k)) {
                double[] g = gram(k);
                for (int i = 0; i < nv; i++) {
                    diag[vars[i]] += g[i * nv + i];
                }
            } else {
                double[] cd = gs.scaledColumns(k).data;
                int rows = gs.scaledColumns(k).numRows;
                // the column norms, each summed over the rows in order (row by row through the row-major data)
                double[] sums = new double[nv];
                for (int r = 0; r < rows; r++) {
                    int base = r * nv;
                    for (int i = 0; i < nv; i++) {
                        double c = cd[base + i];
                        sums[i] += c * c;
                    }
                }
                for (int i = 0; i < nv; i++) {
                    diag[vars[i]] += sums[i];
                }
            }
        }
        // the groups' shared parts after every block, as in NormalEquations.assemble (the same order of the sums)
        for (int g = 0; g < groupGram.length; g++) {
            double[] h = allMembers(g);
            int[] vars = gs.groups().get(g).shared;
            for (int i = 0; i < vars.length; i++) {
                diag[vars[i]] += h[i * vars.length + i];
            }
        }
        for (int i = 0; i < d.p; i++) {
            double[] row = d.a[i];
            for (int u = 0; u < n; u++) {
                if (row[u] != 0) {
                    diag[u] += row[u] * row[u];
                }
            }
        }
        for (int i = 0; i < d.l; i++) {
            double weight = gs.linearWeight(i) * gs.linearWeight(i);
            int[] idx = d.gIndex[i];
            double[] val = d.gValue[i];
            if (strictlyIncreasing(idx)) {
                // distinct indices (the rows of ConeProgram are): only a == b reaches the diagonal
                for (int a = 0; a < idx.length; a++) {
                    diag[idx[a]] += weight * val[a] * val[a];
                }
                continue;
            }
            for (int a = 0; a < idx.length; a++) {
                double va = weight * val[a];
                for (int b = 0; b < idx.length; b++) {
                    if (idx[a] == idx[b]) {
                        diag[idx[a]] += va * val[b];
                    }
                }
            }
        }
        return diag;
    }

    /**
     * @param diag a diagonal, e.g. {@link #unborderedDiagonal}
     * @return its smallest positive entry (the lightest variable, the scale of the bordering ratios), or +Infinity
     *     when none is positive
     */
    static double smallestPositive(double[] diag) {
        double min = Double.POSITIVE_INFINITY;
        for (double v : diag) {
            if (v > 0) {
                min = Math.min(min, v);
            }
        }
        return min;
    }

    private static boolean strictlyIncreasing(int[] idx) {
        for (int a = 1; a < idx.length; a++) {
            if (idx[a] <= idx[a - 1]) {
                return false;
            }
        }
        return true;
    }

    private double[] gram(int k) {
        if (gram[k] == null) {
            HermitianPacking packing = gs.packing(k);
            if (packing != null) {
                gram[k] = packing.gramFromEntries() ? packing.sparseGram(w.q[k]) : denseGram(gs.scaledColumns(k));
            } else {
                gram[k] = sparse(k) ? sparseGram(d.blocks[k], w.q[k]) : denseGram(gs.scaledColumns(k));
            }
        }
        return gram[k];
    }

    /**
     * columns^T columns, the upper triangle accumulated row by row (svec rows in order) and mirrored.
     *
     * @param columns svec rows x block variables; not modified
     * @return nv x nv, full
     */
    static double[] denseGram(DMatrixRMaj columns) {
        int rows = columns.numRows;
        int nv = columns.numCols;
        double[] cd = columns.data;
        double[] g = new double[nv * nv];
        // four rows at a time: each entry still adds the rows' products one by one in row order, but is
        // loaded and stored once per four rows
        int r = 0;
        for (; r + 4 <= rows; r += 4) {
            int b0 = r * nv;
            int b1 = b0 + nv;
            int b2 = b1 + nv;
            int b3 = b2 + nv;
            for (int i = 0; i < nv; i++) {
                double c0 = cd[b0 + i];
                double c1 = cd[b1 + i];
                double c2 = cd[b2 + i];
                double c3 = cd[b3 + i];
                int off = i * nv;
                for (int j = i; j < nv; j++) {
                    double sum = g[off + j];
                    sum += c0 * cd[b0 + j];
                    sum += c1 * cd[b1 + j];
                    sum += c2 * cd[b2 + j];
                    sum += c3 * cd[b3 + j];
                    g[off + j] = sum;
                }
            }
        }
        for (; r < rows; r++) {
            int base = r * nv;
            for (int i = 0; i < nv; i++) {
                double ci = cd[base + i];
                int off = i * nv;
                for (int j = i; j < nv; j++) {
                    g[off + j] += ci * cd[base + j];
                }
            }
        }
        mirrorUpper(g, nv);
        return g;
    }

    /** Copies the upper triangle of a row-major nv x nv array into its lower triangle. */
    static void mirrorUpper(double[] g, int nv) {
        for (int i = 0; i < nv; i++) {
            for (int j = i + 1; j < nv; j++) {
                g[j * nv + i] = g[i * nv + j];
            }
        }
    }

    /**
     * H(i, j) = tr(F_i Q F_j Q) over the variables of one block with sparse coefficient matrices:
     * T_j = Q F_j Q = sum_e f_e Q[:, r_e] Q[c_e, :] costs m^2 per nonzero, and each entry of H then
     * costs nnz(F_i). (The two signs of G cancel.)
     *
     * @return nv x nv, full
     */
    private static double[] sparseGram(ConicData.Block blk, double[] q) {
        int m = blk.m;
        int nv = blk.vars.length;
        double[] g = new double[nv * nv];
        double[] t = new double[m * m];
        for (int j = 0; j < nv; j++) {
            int[] rj = blk.rows[j];
            int[] cj = blk.cols[j];
            double[] vj = blk.vals[j];
            java.util.Arrays.fill(t, 0);
            for (int e = 0; e < vj.length; e++) {
                double f = vj[e];
                int re = rj[e];
                int cOff = cj[e] * m;
                for (int a = 0; a < m; a++) {
                    double qa = f * q[a * m + re];
                    if (qa == 0) {
                        continue;
                    }
                    int rowOff = a * m;
                    for (int b = 0; b < m; b++) {
                        t[rowOff + b] += qa * q[cOff + b];
                    }
                }
            }
            for (int i = 0; i <= j; i++) {
                int[] ri = blk.rows[i];
                int[] ci = blk.cols[i];
                double[] vi = blk.vals[i];
                double sum = 0;
                for (int e = 0; e < vi.length; e++) {
                    sum += vi[e] * t[ci[e] * m + ri[e]];
                }
                g[i * nv + j] = sum;
                g[j * nv + i] = sum;
            }
        }
        return g;
    }
}
